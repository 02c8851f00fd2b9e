package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.bangfu.ApiClient;
import org.bangfu.need.NeedFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What people saw in the field trial, fixed: the need form and the draft ask for photos only where the category
 * needs them; a need's progress is by value (1,200 m of pipe and one job are not 1,201 of anything); a product
 * sale outside its sales window says from when instead of offering the pledge form; an offer is asked for a line
 * of another kind only as a substitute, which the donor sees.
 */
class NeedRulesBrowserTest extends BrowserTest {

	private static final String VILLAGE = "430421100203";

	private static final String OFFICER = "13800000004";

	private static final String MANAGER = "13800000003";

	private static final String DONOR = "13800000021";

	@Test
	void theFormAndTheDraftAskForPhotosOnlyWhereTheCategoryNeedsThem() {
		ApiClient api = api();
		long household = householdOf(api, api.login(OFFICER, DEMO_PASSWORD), VILLAGE, "张大山");
		logIn(OFFICER, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/needs/new?household=" + household);
		new Select(find("#category")).selectByValue("HOUSING");
		assertThat(find("#need-photo-rule").getText()).contains("至少 2 张");
		new Select(find("#category")).selectByValue("OTHER");
		assertThat(find("#need-photo-rule").getText()).contains("本类别无需照片");
		find("#title").sendKeys("张大山家过冬缺棉被");
		find("#story").sendKeys("家里两床棉被用了十多年，已经板结不保暖。");
		var row = browser.findElements(By.cssSelector(".need-item-row")).get(0);
		row.findElement(By.name("itemName")).sendKeys("棉被");
		new Select(row.findElement(By.name("itemKind"))).selectByValue("生活用品");
		row.findElement(By.name("itemQuantity")).sendKeys("2");
		row.findElement(By.name("itemUnit")).sendKeys("床");
		row.findElement(By.name("itemValue")).sendKeys("300");
		assertThat(noHorizontalOverflow()).isTrue();
		scrollTo("#need-photo-rule");
		screenshot("need-rules-form");
		find("#need-save").click();
		waiting().until(ExpectedConditions.urlMatches("/needs/\\d+$"));

		assertThat(find(".need-main").getText()).contains("本类别无需照片").doesNotContain("至少 0 张");
		assertThat(find("#photo").isDisplayed()).as("the optional photo field stays folded").isFalse();
		assertThat(find("#need-submit").isDisplayed()).isTrue();
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("need-rules-draft");
		find("#need-submit").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "已提交"));
	}

	@Test
	void progressIsByValueAndAProductSaleOutsideItsWindowSaysFromWhen() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		String manager = api.login(MANAGER, DEMO_PASSWORD);
		String title = "西渡村饮水管道改造" + System.nanoTime() % 1000;
		long pipe = published(api, officer, manager, """
				{"category":"VILLAGE","title":"%s","story":"村里饮水管道老化漏水，需要新铺管道并请人施工。","urgency":"URGENT","regionCode":"%s",
				 "items":[{"kind":"饮水","name":"PE 水管","quantity":1200,"unit":"米","valueFen":1200000},
				          {"kind":"饮水","name":"铺设施工","quantity":1,"unit":"项","valueFen":300000}]}""".formatted(title, VILLAGE));
		assertThat(api.postWithHeader("/api/v1/needs/" + pipe + "/pledges", "{\"items\":[{\"position\":0,\"quantity\":450}]}",
				api.login(DONOR, DEMO_PASSWORD), "Idempotency-Key", "pipe-" + System.nanoTime()).status()).isEqualTo(201);

		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/needs/" + pipe);
		assertThat(find("#need-progress-label").getText()).contains("已认领 4,500 元 / 15,000 元", "30%");
		assertThat(find("#need-progress .need-progress").getAttribute("aria-label")).isEqualTo("已认领 30%");
		assertThat(find("#need-items").getText()).contains("450 / 1200 米", "0 / 1 项");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("need-rules-progress");
		open("/needs?region=" + VILLAGE + "&q=" + title);
		assertThat(find("#results").getText()).contains(title, "已认领 4,500 元 / 15,000 元");
		assertThat(find("#results .need-progress").getAttribute("aria-label")).isEqualTo("已认领 30%");
		screenshot("need-rules-list");

		int next = LocalDate.now(clock).getMonthValue() % 12 + 1;
		long sale = published(api, officer, manager, """
				{"category":"PRODUCT_SALES","title":"西渡村合作社茶油%d","story":"合作社山茶籽冷榨的茶油，霜降后采摘，一年一季。","urgency":"NORMAL",
				 "producer":"西渡村油茶合作社","regionCode":"%s","items":[{"kind":"农产品","name":"茶油","quantity":100,"unit":"斤","valueFen":800000}],
				 "sale":{"product":"冷榨茶油","priceFen":8000,"productionCycle":"一年一季","fromMonth":%d,"toMonth":%d}}"""
			.formatted(System.nanoTime() % 1000, VILLAGE, next, next % 12 + 1));
		logIn(DONOR, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/needs/" + sale);
		waiting().until(d -> !d.findElements(By.id("pledge-none")).isEmpty());
		assertThat(find("#need-sale-closed").getText()).contains("销售期 " + next + " 月 1 日起");
		assertThat(browser.findElements(By.id("pledge-form"))).as("no pledge form outside the window").isEmpty();
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("need-rules-sale");
	}

	@Test
	void anOfferIsAskedForALineOfAnotherKindOnlyAsASubstituteAndTheDonorSeesIt() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = householdOf(api, officer, VILLAGE, "张大山");
		String title = "张大山家孙子缺棉鞋" + System.nanoTime() % 1000;
		long need = published(api, officer, api.login(MANAGER, DEMO_PASSWORD), """
				{"category":"EDUCATION","title":"%s","story":"孙子每天走山路上学，冬天没有棉鞋，脚上长了冻疮。","urgency":"NORMAL","householdId":%d,
				 "items":[{"kind":"校服被褥","name":"棉鞋","quantity":1,"unit":"双","valueFen":8000}]}""".formatted(title, household));
		String donor = api.login(DONOR, DEMO_PASSWORD);
		long offer = api.post("/api/v1/offers", """
				{"category":"EDUCATION","title":"捐赠新书包 5 个 %d","itemName":"书包","kind":"学习用品","unit":"个","quantity":5,
				 "regionCodes":["430421100"]}""".formatted(System.nanoTime() % 1000), donor).json().get("id").asLong();

		logIn(OFFICER, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/offers/" + offer);
		browser.manage().timeouts().implicitlyWait(Duration.ZERO);
		assertThat(browser.findElements(By.id("candidate-" + need))).as("a school bag does not fit the cotton-shoes line").isEmpty();
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		find("#want-others a").click();
		waiting().until(d -> !d.findElements(By.id("candidate-" + need)).isEmpty());
		assertThat(find("#candidate-" + need).getText()).contains("棉鞋", "校服被褥", "接受以此替代：用“书包”替代“棉鞋”");
		find("#ask-" + need + "-0 input[name=substitute]").click();
		assertThat(noHorizontalOverflow()).isTrue();
		scrollTo("#candidate-" + need);
		screenshot("offer-substitute-want");
		find("#ask-" + need + "-0 button[type=submit]").click();
		waiting().until(d -> !d.findElements(By.id("offer-notice")).isEmpty());
		assertThat(find("#asked").getText()).contains(title, "接受以此替代");

		browser.manage().deleteAllCookies();
		logIn(DONOR, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/offers/" + offer);
		long request = jdbc.sql("SELECT id FROM offer_request WHERE offer_id = ?").param(offer).query(Long.class).single();
		assertThat(find("#substitute-" + request).getText()).contains("接受以此替代", "需要的是“棉鞋”", "同意用“书包”替代");
		assertThat(noHorizontalOverflow()).isTrue();
		scrollTo("#requests");
		screenshot("offer-substitute-donor");
	}

	private long published(ApiClient api, String officer, String manager, String json) {
		long id = NeedFixtures.create(api, officer, json);
		NeedFixtures.photo(api, officer, id);
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, officer).status()).isEqualTo(200);
		NeedFixtures.confirmIfNeeded(api, officer, id);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, manager).status()).isEqualTo(200);
		return id;
	}
}
