package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.ApiClient;
import org.bangfu.need.NeedFixtures;
import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Arranging a delivery after a pledge, on phones: the village officer gives the village point its address; a donor
 * pledges, opens the pledge, finds the address and the officer's contact and asks when to come; the officer, told by a
 * notice, sees the donor's phone and answers; the household reads along with the donor's name masked.
 */
class DeliveryThreadBrowserTest extends BrowserTest {

	private static final String OFFICER = "13800000004";

	private static final String MANAGER = "13800000003";

	private static final String HOUSEHOLD = "13800000051";

	private static final String ADDRESS = "西渡镇西渡村村部（村委会一楼，邮局旁）";

	private static final String QUESTION = "我周六上午送到村部，可以吗？";

	private static final String ANSWER = "可以，周六上午我在村部等您，到了打我电话。";

	@Autowired
	Accounts accounts;

	@Test
	void aDonorAndTheOfficerAgreeOnTheDeliveryAndTheHouseholdReadsAlong() {
		ApiClient api = api();
		long need = publishedNeed(api);
		String donorPhone = newPhone();
		accounts.create(new Accounts.NewAccount(donorPhone, "王爱民", DEMO_PASSWORD, DonorType.INDIVIDUAL, null, null, null));

		// the village officer writes down where the village point is
		logIn(OFFICER, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/stations");
		long station = jdbc.sql("SELECT id FROM station WHERE region_code = '430421100203'").query(Long.class).single();
		find("#station-" + station + " summary").click();
		find("#address-" + station).clear();
		find("#address-" + station).sendKeys(ADDRESS);
		assertThat(submitAndRead("#station-" + station + " form button[type=submit]", ".alert.ok")).contains("地址已保存");
		assertThat(find("#station-" + station).getText()).contains(ADDRESS);
		assertThat(noHorizontalOverflow()).as("the stations page fits a 360 px screen").isTrue();
		screenshot("stations-address");

		// the donor pledges, is told the officer will get name and phone, and opens the pledge
		browser.manage().deleteAllCookies();
		logIn(donorPhone, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/needs/" + need);
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pledge-form")));
		assertThat(find("#pledge-consent").getText()).contains("姓名和手机号", "村信息员");
		find("#item0").clear();
		find("#item0").sendKeys("1");
		find("#pledge-submit").click();
		waiting().until(d -> !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
		long pledge = jdbc.sql("SELECT id FROM pledge WHERE need_id = ?").param(need).query(Long.class).single();
		waiting().until(ExpectedConditions.elementToBeClickable(By.id("thread-link-" + pledge))).click();
		waiting().until(ExpectedConditions.urlContains("/pledges/" + pledge));
		assertThat(find("#delivery-station").getText()).contains("西渡村委会社会扶贫网信息点", ADDRESS);
		assertThat(find("#delivery-officer").getText()).contains("村信息员", "西渡村信息员", "138****0004");
		assertThat(browser.getPageSource()).doesNotContain("13807340001").doesNotContain("张大山");
		find("#reveal-officer").click();
		waiting().until(d -> d.findElement(By.id("phone-officer")).getText().contains(OFFICER));
		assertThat(find("#phone-officer a").getAttribute("href")).isEqualTo("tel:" + OFFICER);
		find("#thread-body").sendKeys(QUESTION);
		String url = browser.getCurrentUrl();
		find("#thread-send").click();
		waiting().until(d -> d.findElement(By.id("thread")).getText().contains(QUESTION));
		assertThat(find("#thread-messages").getText()).contains("爱心人士", "我");
		assertThat(find("#thread-body").getAttribute("value")).isEmpty();
		assertThat(browser.getCurrentUrl()).as("posted with htmx, no reload").isEqualTo(url);
		assertThat(find("#phone-officer").getText()).as("the page was not reloaded").contains(OFFICER);
		assertThat(noHorizontalOverflow()).as("the pledge page fits a 360 px screen").isTrue();
		screenshot("pledge-thread-donor");

		// the officer: told by a notice, sees the donor's name and phone, answers
		browser.manage().deleteAllCookies();
		logIn(OFFICER, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/me/notices");
		browser.findElement(By.partialLinkText("认领（编号 " + pledge + "）的送达安排有新留言")).click();
		waiting().until(ExpectedConditions.urlContains("/pledges/" + pledge));
		assertThat(find("#delivery-donor").getText()).contains("王爱民", donorPhone.substring(0, 3) + "****" + donorPhone.substring(7));
		assertThat(find("#thread-messages").getText()).contains("王爱民", QUESTION);
		assertThat(find("#delivery-officer").getText()).as("the officer is the contact").contains("（我）");
		assertThat(browser.findElements(By.id("reveal-officer"))).isEmpty();
		find("#reveal-donor").click();
		waiting().until(d -> d.findElement(By.id("phone-donor")).getText().contains(donorPhone));
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'personal-data.view' AND target = ?")
			.param("account:" + accounts.findByPhone(donorPhone).orElseThrow().id()).query(Long.class).single()).isEqualTo(1);
		find("#thread-body").sendKeys(ANSWER);
		find("#thread-send").click();
		waiting().until(d -> d.findElement(By.id("thread")).getText().contains(ANSWER));
		assertThat(noHorizontalOverflow()).as("the officer's view fits a 360 px screen").isTrue();
		screenshot("pledge-thread-officer");

		// the household reads along: the donor masked, no phone of the donor
		browser.manage().deleteAllCookies();
		logIn(HOUSEHOLD, DEMO_PASSWORD);
		open("/pledges/" + pledge);
		assertThat(find("#delivery-donor").getText()).contains("王*民");
		assertThat(find("#thread-messages").getText()).contains("王*民", QUESTION, "西渡村信息员", ANSWER);
		assertThat(browser.getPageSource()).doesNotContain("王爱民").doesNotContain(donorPhone);
		screenshot("pledge-thread-household");

		// an empty message is refused in Chinese, and nothing is added
		find("#thread-send").click(); // the browser's own check stops an empty text: send a blank one past it
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"var t = document.getElementById('thread-body'); t.removeAttribute('required'); t.value = '   ';");
		find("#thread-send").click();
		waiting().until(d -> !d.findElements(By.id("thread-error")).isEmpty());
		assertThat(find("#thread-error").getText()).isEqualTo("请先写留言内容。");
		assertThat(jdbc.sql("SELECT count(*) FROM pledge_message WHERE pledge_id = ?").param(pledge).query(Long.class).single()).isEqualTo(2);

		// every text comes from the bundles, in English too
		browser.manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
		assertThat(browser.getPageSource()).doesNotContain("??");
		open("/pledges/" + pledge + "?lang=en");
		assertThat(find("#delivery").getText()).contains("Delivery", "Deliver to", "Contact");
		assertThat(browser.getPageSource()).doesNotContain("??");
		open("/pledges/" + pledge + "?lang=zh_CN");
		browser.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(2));

		// someone else's pledge does not exist for a stranger
		browser.manage().deleteAllCookies();
		logIn("13800000022", DEMO_PASSWORD);
		open("/pledges/" + pledge);
		assertThat(browser.getPageSource()).doesNotContain(QUESTION).doesNotContain(ADDRESS);
	}

	/** A need of 张大山's household (which has its own account), posted by the village officer and verified. */
	private long publishedNeed(ApiClient api) {
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = householdOf(api, officer, "430421100203", "张大山");
		ApiClient.Answer created = api.post("/api/v1/needs", """
				{"category":"OTHER","title":"张大山老人冬天缺棉被","story":"老人的棉被用了十几年，已经不保暖。",
				 "householdId":%d,"items":[{"kind":"生活用品","name":"棉被","quantity":2,"unit":"床","valueFen":30000}]}"""
			.formatted(household), officer);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, officer).status()).isEqualTo(200);
		NeedFixtures.confirmByForm(api, officer, id);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, api.login(MANAGER, DEMO_PASSWORD)).status()).isEqualTo(200);
		return id;
	}
}
