package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.account.Accounts;
import org.bangfu.need.NeedFixtures;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The household's own word (issue 16) in its account on a 360 px phone: it reads what its officer posted for it,
 * confirms one need and says another is not what it asked for; the verifier then sees how each stands. Data in 南岳区.
 */
class HouseholdWordBrowserTest extends BrowserTest {

	static final String VILLAGE = "430412001003";

	@Autowired
	Accounts accounts;

	@Autowired
	PersonalData personalData;

	/** A staff member of the test region made for this test, with the demo password (for the browser) and a token. */
	String staff(ApiClient api, String role, String region, String phone) {
		Answer a = api.post("/api/v1/grants", """
				{"phone":"%s","role":"%s","regionCode":"%s","name":"南岳祝圣社区信息员"}""".formatted(phone, role, region),
				api.login("13800000001", DEMO_PASSWORD));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		accounts.changePassword(accounts.findByPhone(phone).orElseThrow().id(), DEMO_PASSWORD);
		return api.login(phone, DEMO_PASSWORD);
	}

	@Test
	void theHouseholdConfirmsOneNeedAndDisputesAnotherInItsAccount() {
		ApiClient api = new ApiClient(port);
		String officerPhone = newPhone();
		String officer = staff(api, "VILLAGE_OFFICER", VILLAGE, officerPhone);
		String managerPhone = newPhone();
		String manager = staff(api, "TOWNSHIP_MANAGER", "430412001", managerPhone);
		long household = NeedFixtures.household(jdbc, personalData, VILLAGE, "南岳祝桂英", true);
		String phone = newPhone();
		Answer made = api.post("/api/v1/households/" + household + "/account", "{\"phone\":\"" + phone + "\"}", officer);
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		accounts.changePassword(made.json().get("accountId").asLong(), DEMO_PASSWORD);
		long quilts = NeedFixtures.create(api, officer, NeedFixtures.quiltNeed(household, "祝桂英老人过冬缺棉被", 2));
		long tv = NeedFixtures.create(api, officer, """
				{"category":"OTHER","title":"祝桂英家需要一台电视机","story":"老人一个人在家，想看看新闻。","householdId":%d,
				 "items":[{"kind":"生活用品","name":"液晶电视","quantity":1,"unit":"台","valueFen":150000}]}""".formatted(household));
		for (long id : new long[] { quilts, tv }) {
			assertThat(api.post("/api/v1/needs/" + id + "/submit", null, officer).status()).isEqualTo(200);
		}

		// the officer's view while the word is awaited: the three routes, and the form to print
		logIn(officerPhone, DEMO_PASSWORD);
		open("/needs/" + quilts);
		assertThat(find("#household-word").getText()).contains("户主尚未确认", "给户主发短信确认码", "户主没有手机：签字确认表");
		screenshot("household-word-officer");
		open("/needs/" + quilts + "/confirmation-form");
		assertThat(find(".hh-sheet").getText()).contains("户主确认表", "南岳祝桂英", "祝桂英老人过冬缺棉被", "棉被", "100 元", "户主签字或按手印");
		screenshot("household-word-form");
		browser.manage().deleteAllCookies();

		logIn(phone, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/me/household");
		assertThat(find("#hh-confirm").getText()).contains("等待您确认的需求", "祝桂英老人过冬缺棉被", "棉被 2 床", "100 元", "液晶电视", "1,500 元");
		assertThat(noHorizontalOverflow()).as("the list fits a 360 px screen").isTrue();
		screenshot("household-word-home");

		assertThat(submitAndRead("#hh-confirm-yes-" + quilts, ".alert.ok")).contains("您已确认");
		assertThat(browser.findElements(By.id("hh-confirm-" + quilts))).isEmpty();
		find("#hh-confirm-no-" + tv).click();
		find("#hh-dispute-note-" + tv).sendKeys("我家没有要电视，要的是棉被");
		scrollTo("#hh-confirm-" + tv);
		screenshot("household-word-dispute");
		assertThat(submitAndRead("#hh-dispute-send-" + tv, ".alert.ok")).contains("已告诉村信息员");
		assertThat(browser.findElements(By.id("hh-confirm"))).as("nothing left to confirm").isEmpty();
		screenshot("household-word-done");

		assertThat(api.post("/api/v1/needs/" + tv + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, manager).status()).isEqualTo(409);
		browser.manage().deleteAllCookies();
		logIn(managerPhone, DEMO_PASSWORD);
		open("/needs/queue?region=430412001");
		assertThat(find("#queue").getText()).contains("户主已确认 · 本人账户", "户主说这不是他家申请的");
		screenshot("household-word-queue");
		open("/needs/" + tv);
		assertThat(find("#household-word").getText()).contains("户主说这不是他家申请的", "我家没有要电视");
		screenshot("household-word-disputed-need");
		open("/needs/" + quilts);
		assertThat(find("#household-word").getText()).contains("户主已确认 · 本人账户");
		assertThat(submitAndRead("#need-verify", ".alert.ok")).contains("已审核通过");
	}
}
