package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.bangfu.ApiClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.junit.jupiter.api.Test;

/**
 * The city office sets up a collection campaign on the page (a contradiction is shown on the form with the values kept),
 * then follows 衡东县's reporting down to a township and reminds a village point behind its quota. Screenshots at 360 px
 * and desktop: collection-campaigns, reporting-county, reporting-township.
 */
class ReportingBrowserTest extends BrowserTest {

	@Test
	void theCityConfiguresACampaignDrillsDownAndReminds() {
		ApiClient api = api();
		String city = api.login("13800000001", DEMO_PASSWORD);
		String township = "430424103";
		String village = jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code LIMIT 1").param(township).query(String.class).single();
		for (String[] g : new String[][] { { "VILLAGE_OFFICER", village }, { "TOWNSHIP_MANAGER", township } }) {
			assertThat(api.post("/api/v1/grants", """
					{"phone":"%s","role":"%s","regionCode":"%s","name":"大浦测试"}""".formatted(newPhone(), g[0], g[1]), city).status()).isEqualTo(201);
		}
		jdbc.sql("INSERT INTO poor_village (region_code) VALUES (?) ON CONFLICT DO NOTHING").param(village).update();
		jdbc.sql("DELETE FROM assessment_reminder WHERE region_code = ?").param(village).update();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		var created = api.post("/api/v1/collection-campaigns", """
				{"name":"大浦镇冬季采集","regionCode":"%s","startsOn":"%s","deadline":"%s"}""".formatted(township, today.minusDays(10), today.plusDays(10)),
				city);
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		logIn("13800000001", DEMO_PASSWORD);
		open("/assessment/campaigns");
		find("#cc-name").sendKeys("衡东县测试活动");
		((JavascriptExecutor) browser).executeScript("""
				document.getElementById('cc-start').value = '2026-09-01'; document.getElementById('cc-deadline').value = '2026-10-31';
				document.getElementById('cc-min').value = '6';""");
		new org.openqa.selenium.support.ui.Select(find("#cc-region")).selectByValue("430424");
		find("#cc-save").click();
		assertThat(find("#campaign-error").getText()).contains("大于最多");
		assertThat(find("#cc-name").getAttribute("value")).isEqualTo("衡东县测试活动");
		assertThat(find("#cc-min").getAttribute("value")).isEqualTo("6");
		screenshot("collection-campaigns-error");
		find("#cc-min").clear();
		find("#cc-min").sendKeys("2");
		assertThat(submitAndRead("#cc-save", ".alert.ok")).contains("已创建");
		assertThat(find("#campaign-table").getText()).contains("衡东县测试活动", "大浦镇冬季采集");
		screenshot("collection-campaigns");

		open("/assessment/reporting?region=430424&period=C" + id);
		assertThat(find("#reporting-table").getText()).contains("大浦镇");
		assertThat(find("#reporting-figures").getText()).contains("2"); // the village point (poor, 20) and the township (20)
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("reporting-county");
		browser.findElement(By.linkText("大浦镇")).click();
		assertThat(browser.getCurrentUrl()).contains("region=" + township);
		assertThat(find("#reporting-table").getText()).contains("本级站点");
		assertThat(find("#behind-table").getText()).contains("0 / 20");
		assertThat(submitAndRead("#behind-table form button", ".alert.ok")).contains("已提醒");
		assertThat(find("#behind-table").getText()).contains("今天已提醒");
		screenshot("reporting-township");

		var rate = api.get("/api/v1/stats/reporting-rate?region=" + township + "&period=C" + id, city).json();
		assertThat(rate.get("summary").get("expected").asLong()).isEqualTo(2);
		assertThat(rate.get("summary").get("quotaNeeds").asLong()).isEqualTo(40);
		assertThat(rate.get("summary").get("reported").asLong()).isZero();

		open("/assessment/fragments/attainment?region=" + township + "&period=C" + id);
		assertThat(find(".attainment").getText()).contains("大浦镇");
	}
}
