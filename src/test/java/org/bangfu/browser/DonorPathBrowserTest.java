package org.bangfu.browser;

import java.util.Map;
import java.util.UUID;

import org.bangfu.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A donor browsing by place: from the home page through 衡阳县, a township and a village to the needs
 * of that village; each region page shows its need figures and most urgent open needs, and the
 * figures follow a publication and a pledge.
 */
class DonorPathBrowserTest extends BrowserTest {

	private long figure(String id) {
		return Long.parseLong(find("#figure-" + id + " strong").getText());
	}

	private Map<String, Long> figures() {
		return Map.of("open", figure("open"), "pledged", figure("pledged"), "confirmed", figure("confirmed"));
	}

	@Test
	void aDonorFindsAVillagesNeedsFromTheHomePageAndTheFiguresFollowAPledge() {
		// the last village of the last township of 衡阳县: no other test posts there
		Map<String, Object> place = jdbc.sql("""
				SELECT v.code AS village, v.name AS village_name, t.name AS township_name
				FROM region v JOIN region t ON t.code = v.parent_code
				WHERE t.parent_code = '430421' ORDER BY v.code DESC LIMIT 1""")
			.query()
			.singleRow();
		String village = (String) place.get("village");
		String villageName = (String) place.get("village_name");
		String townshipName = (String) place.get("township_name");

		open("/regions/" + village);
		Map<String, Long> villageBefore = figures();
		open("/");
		long cityOpenBefore = figure("open");

		// the county center posts a producer's need there, the city office verifies and so publishes it
		ApiClient api = api();
		String county = api.login("13800000002", DEMO_PASSWORD);
		String title = "山村合作社急需茶苗 " + UUID.randomUUID().toString().substring(0, 6);
		ApiClient.Answer created = api.post("/api/v1/needs", """
				{"category":"OTHER","title":"%s","story":"合作社带着九户缺劳力的老人种油茶，今年补种需要茶苗。",
				 "urgency":"URGENT","producer":"山村油茶合作社","regionCode":"%s",
				 "items":[{"kind":"农资","name":"油茶苗","quantity":4,"unit":"捆","valueFen":80000}]}""".formatted(title, village), county);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, county).status()).isEqualTo(200);
		ApiClient.Answer verified = api.post("/api/v1/needs/" + id + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, api.login("13800000001", DEMO_PASSWORD));
		assertThat(verified.json().get("state").asString()).isEqualTo("PUBLISHED");

		// the home page leads to needs first, with the city's figures
		open("/");
		assertThat(find("#home-needs").getText()).isEqualTo("看看谁需要帮助");
		assertThat(figure("open")).isEqualTo(cityOpenBefore + 1);
		screenshot("donor-path-home");

		assertThat(browser.findElement(By.xpath("//main//ul[contains(@class,'tiles')]//a[span='衡阳县']")).getText()).contains("个需求等待帮助");
		browser.findElement(By.xpath("//main//ul[contains(@class,'tiles')]//a[span='衡阳县']")).click();
		assertThat(find("main h1").getText()).isEqualTo("衡阳县");
		assertThat(find("#need-figures").getText()).contains("等待帮助", "已被认领", "已送达确认");
		assertThat(browser.findElements(By.cssSelector("#region-urgent .need-card"))).hasSizeBetween(1, 5);
		assertThat(find("#region-all-needs").getAttribute("href")).endsWith("/needs?region=430421");
		screenshot("donor-path-county");

		browser.findElement(By.xpath("//ul[@id='children']//a[span='" + townshipName + "']")).click();
		assertThat(find("main h1").getText()).isEqualTo(townshipName);
		assertThat(find("#region-urgent").getText()).contains(title);
		screenshot("donor-path-township");

		assertThat(browser.findElement(By.xpath("//ul[@id='children']//a[span='" + villageName + "']")).getText())
			.as("the village's tile says how many wait for help there").contains((villageBefore.get("open") + 1) + " 个需求等待帮助");
		browser.findElement(By.xpath("//ul[@id='children']//a[span='" + villageName + "']")).click();
		assertThat(find("main h1").getText()).isEqualTo(villageName);
		assertThat(find("#region-urgent").getText()).contains(title, "山村油茶合作社");
		assertThat(figure("open")).isEqualTo(villageBefore.get("open") + 1);
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("donor-path-village");

		find("#region-all-needs").click();
		waiting().until(ExpectedConditions.urlContains("/needs?region=" + village));
		assertThat(find("main").getText()).contains(title);

		// a donor pledges all of it: it leaves the village's open needs and counts as pledged
		ApiClient.Answer pledge = api.postWithHeader("/api/v1/needs/" + id + "/pledges", "{\"quantity\":4}",
				api.login("13800000021", DEMO_PASSWORD), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(pledge.status()).as(pledge.body()).isEqualTo(201);
		open("/regions/" + village);
		assertThat(figure("open")).isEqualTo(villageBefore.get("open"));
		assertThat(figure("pledged")).isEqualTo(villageBefore.get("pledged") + 1);
		assertThat(browser.findElements(By.cssSelector("#region-urgent"))).allSatisfy(e -> assertThat(e.getText()).doesNotContain(title));
		if (villageBefore.get("open") == 0) {
			// nothing open in the village any more: the way on is its township's needs, not an empty list
			assertThat(find("#region-all-needs").getText()).contains(townshipName);
		}
		screenshot("donor-path-village-pledged");
		open("/");
		assertThat(figure("open")).isEqualTo(cityOpenBefore);
	}

	@Test
	void aRegionPageAnswersFromTheCountsTheTriggerKeeps() {
		// the counts of every level equal what counting the needs gives, for a county, its township and the city
		for (String prefix : new String[] { "4304", "430421", "430421100", "430421100203" }) {
			long counted = jdbc.sql("SELECT count(*) FROM need WHERE region_code LIKE ? || '%' AND state IN ('PUBLISHED', 'PARTLY_PLEDGED')")
				.param(prefix).query(Long.class).single();
			long kept = jdbc.sql("SELECT coalesce(sum(n), 0) FROM need_state_count WHERE region_code = ? AND state IN ('PUBLISHED', 'PARTLY_PLEDGED')")
				.param(prefix).query(Long.class).single();
			assertThat(kept).as(prefix).isEqualTo(counted);
		}
	}
}
