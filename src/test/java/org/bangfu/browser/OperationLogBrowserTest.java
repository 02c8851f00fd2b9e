package org.bangfu.browser;

import java.util.regex.Pattern;

import org.bangfu.ApiClient;
import org.bangfu.need.NeedFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The city office reads the operation log in words, in Chinese and English, and follows its links to what was acted on. */
class OperationLogBrowserTest extends BrowserTest {

	private static final String VILLAGE = "430421100203";

	/** need.verify, pledge.create, ELDERLY_CARE, COUNTY_ADMIN, pledge:8, "quantity 50": the stored codes, which people must not read. */
	private static final Pattern RAW = Pattern.compile(
			"\\b[a-z]+\\.[a-z-]+\\b|\\b[A-Z]+_[A-Z_]+\\b|\\b(MEDICAL|EDUCATION|HOUSING|VILLAGE|OTHER|INDIVIDUAL|ENTERPRISE|WITNESSED)\\b"
					+ "|\\b[a-z]+:\\d+|\\bquantity\\b|\\bfen\\b");

	@Test
	void theLogSaysInWordsWhatWasDoneAndLinksToTheNeed() {
		ApiClient api = api();
		String officer = api.login("13800000004", DEMO_PASSWORD);
		String manager = api.login("13800000003", DEMO_PASSWORD);
		String donor = api.login("13800000021", DEMO_PASSWORD);
		long household = householdOf(api, officer, VILLAGE, "刘冬梅");
		String title = "冬天需要一床厚棉被 " + System.nanoTime() % 1000;
		ApiClient.Answer created = api.post("/api/v1/needs", """
				{"category":"ELDERLY_CARE","title":"%s","story":"老人的棉被太薄，冬夜里冷。","urgency":"NORMAL","householdId":%d,
				 "items":[{"name":"棉被","quantity":3,"unit":"床","valueFen":45000}]}""".formatted(title, household), officer);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long need = created.json().get("id").asLong();
		assertThat(api.post("/api/v1/needs/" + need + "/submit", null, officer).status()).isEqualTo(200);
		NeedFixtures.confirmByForm(api, officer, need);
		assertThat(api.post("/api/v1/needs/" + need + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, manager).status()).isEqualTo(200);
		ApiClient.Answer pledged = api.postWithHeader("/api/v1/needs/" + need + "/pledges", "{\"quantity\":2}", donor, "Idempotency-Key",
				"oplog-" + System.nanoTime());
		assertThat(pledged.status()).as(pledged.body()).isEqualTo(201);
		long pledge = pledged.json().get("id").asLong();

		logIn("13800000001", DEMO_PASSWORD);
		open("/admin/operation-log");
		String table = find("#oplog").getText();
		assertThat(RAW.matcher(table).results().map(m -> m.group()).distinct().toList()).as("raw codes on the page").isEmpty();
		WebElement pledgeRow = row("认领 2 件（" + pledge + " 号认领）");
		assertThat(pledgeRow.getText()).contains("认领", need + " 号需求");
		assertThat(pledgeRow.findElement(By.linkText(need + " 号需求")).getDomAttribute("href")).isEqualTo("/needs/" + need);
		assertThat(row("老人关怀 · " + title).getText()).contains("填写需求", "西渡村信息员");
		WebElement verified = browser.findElements(By.cssSelector("#oplog tbody tr")).stream()
			.filter(r -> r.getText().contains("审核通过") && r.getText().contains(need + " 号需求"))
			.findFirst().orElseThrow();
		assertThat(verified.getText()).contains("西渡镇");
		screenshot("operation-log");

		verified.findElement(By.linkText(need + " 号需求")).click();
		assertThat(find("main h1").getText()).contains("冬天需要一床厚棉被");
		open("/pledges/" + pledge); // where a 标记已发出 or 确认收到 entry's link leads: the pledge's own page, for staff in scope
		assertThat(find("main h1").getText()).contains("冬天需要一床厚棉被");
		assertThat(find("#pledge-summary").isDisplayed()).isTrue();

		open("/admin/operation-log?lang=en");
		String english = find("#oplog").getText();
		assertThat(RAW.matcher(english).results().map(m -> m.group()).distinct().toList()).as("raw codes on the English page").isEmpty();
		assertThat(english).contains("pledged 2 units (pledge " + pledge + ")", "Care for elders · " + title, "Verified", "need " + need);
		open("/admin/operation-log?lang=zh_CN");
	}

	private WebElement row(String text) {
		return browser.findElements(By.cssSelector("#oplog tbody tr")).stream()
			.filter(r -> r.getText().contains(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row with " + text + " in " + find("#oplog").getText()));
	}
}
