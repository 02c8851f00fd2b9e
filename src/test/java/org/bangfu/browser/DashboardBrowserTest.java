package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.ApiClient;
import org.bangfu.account.Accounts;
import org.bangfu.stats.StatsFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A county admin of 祁东县 opens the dashboard, drills down county → township → village by clicking, exports the
 * workbook with their session; the public statistics page and the wall screen, at phone and desktop width.
 */
class DashboardBrowserTest extends BrowserTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.bangfu.shared.PersonalData personalData;


	static final String COUNTY = "430426";

	static final String TOWNSHIP = "430426003"; // 永昌街道

	@Autowired
	Accounts accounts;

	/** A new county admin of 祁东县, granted by the city admin (the demo county admin is 衡阳县's). */
	private String countyAdmin() {
		String phone = newPhone();
		accounts.create(new Accounts.NewAccount(phone, "祁东县管理员", DEMO_PASSWORD, null, null, null, null));
		ApiClient api = api();
		ApiClient.Answer granted = api.post("/api/v1/grants", "{\"phone\":\"" + phone + "\",\"role\":\"COUNTY_ADMIN\",\"regionCode\":\"" + COUNTY + "\"}",
				api.login("13800000001", DEMO_PASSWORD));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		return phone;
	}

	private void handMadeData() {
		String village = jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code LIMIT 1").param(TOWNSHIP).query(String.class).single();
		if (jdbc.sql("SELECT count(*) FROM household WHERE region_code = ?").param(village).query(Long.class).single() > 0) {
			return;
		}
		for (int i = 0; i < 3; i++) {
			StatsFixtures.household(jdbc, personalData, village, "DB-" + village + i, i == 0 ? StatsFixtures.account(jdbc, personalData, "dash-" + village) : null);
		}
		java.time.Instant at = clock.instant().minus(Duration.ofHours(1));
		StatsFixtures.need(jdbc, at, village, "MEDICAL", "PUBLISHED", 50_000, null);
		StatsFixtures.need(jdbc, at, village, "EDUCATION", "CONFIRMED", 30_000, false);
		StatsFixtures.need(jdbc, at, village, "HOUSING", "CLOSED", 120_000, true);
		StatsFixtures.need(jdbc, null, village, "MEDICAL", "SUBMITTED", 8_000, null);
	}

	@Test
	void aCountyAdminDrillsDownToAVillageAndExportsTheWorkbook() throws Exception {
		handMadeData();
		String phone = countyAdmin();
		logIn(phone, DEMO_PASSWORD);
		open("/");
		find("#main-menu > details.menu-group > summary").click(); // 管理: the dashboard is with the other steering pages
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("统计看板")));
		browser.findElement(By.linkText("统计看板")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "祁东县统计看板"));
		assertThat(find("#stats-matching").getText()).contains("对接率", "35%");
		assertThat(find("#stats-definitions").getText()).contains("注册覆盖率 =", "对接率 =");
		assertThat(browser.findElements(By.cssSelector("#chart-matching canvas"))).as("ECharts drew the chart").isNotEmpty();
		assertThat(axeViolations()).as("axe-core on the dashboard").isEmpty();
		screenshot("stats-dashboard-county");
		assertThat(noHorizontalOverflow()).isTrue();
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));

		browser.findElement(By.linkText("永昌街道")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "永昌街道统计看板"));
		assertThat(find("nav.crumbs").getText()).contains("祁东县").doesNotContain("衡阳市");
		String village = find("#stats-units tbody tr:first-child a.drill").getText();
		find("#stats-units tbody tr:first-child a.drill").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), village + "统计看板"));
		screenshot("stats-dashboard-village");

		// the export, with the browser's session
		String href = find("#stats-export").getAttribute("href");
		String cookie = browser.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
			.header("Cookie", "JSESSIONID=" + cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("概况");
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains(village);
			assertThat(book.getNumberOfSheets()).isEqualTo(5);
		}

		open("/stats/dashboard?region=430421");
		assertThat(find("h1").getText()).as("another county").doesNotContain("衡阳县统计看板");
		open("/stats/dashboard?region=" + COUNTY + "&from=2026-13");
		assertThat(browser.getPageSource()).contains("格式不对");

		browser.manage().window().setSize(new Dimension(1920, 1080));
		open("/stats/wall");
		assertThat(find("body").getAttribute("class")).contains("wall");
		assertThat(find("#wall-live").getAttribute("hx-trigger")).contains("every");
		waiting().until(d -> !d.findElements(By.cssSelector("#chart-trend canvas")).isEmpty());
		wallShot();
		screenshot("stats-wall");
	}

	/** axe-core's violations on the open page, one line each (as AccessibilityBrowserTest checks the public pages). */
	@SuppressWarnings("unchecked")
	private java.util.List<String> axeViolations() throws Exception {
		try (var in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			browser.executeScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		var result = (java.util.List<java.util.Map<String, Object>>) browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document).then(r => done(r.violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));""");
		return result.stream().map(v -> v.get("id") + " " + v.get("nodes")).toList();
	}

	/** The wall as the city office's 1920×1080 screen shows it: one screenful, nothing scrolled. */
	private void wallShot() throws Exception {
		browser.manage().window().setSize(new Dimension(1920, 1080));
		Long inner = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.innerHeight");
		browser.manage().window().setSize(new Dimension(1920, 1080 + (1080 - inner.intValue())));
		Thread.sleep(500); // ECharts redraws on resize
		java.util.Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", java.util.Map.of("format", "png"));
		java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("bangfu.test.screenshots", "target/screenshots"));
		java.nio.file.Files.createDirectories(dir);
		java.nio.file.Files.write(dir.resolve("stats-wall-1920x1080.png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
	}

	@Test
	void thePublicStatisticsPageShowsTotalsDownToTownships() throws Exception {
		handMadeData();
		open("/");
		browser.findElement(By.id("home-statistics")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "衡阳市扶贫统计"));
		assertThat(find("#stats-coverage").getText()).contains("注册覆盖率", "100%");
		assertThat(axeViolations()).as("axe-core on the statistics page").isEmpty();
		screenshot("stats-public-city");
		assertThat(noHorizontalOverflow()).isTrue();
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		browser.findElement(By.linkText("祁东县")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "祁东县扶贫统计"));
		browser.findElement(By.linkText("永昌街道")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "永昌街道扶贫统计"));
		assertThat(browser.findElements(By.cssSelector("#stats-units a.drill"))).as("no village pages in public").isEmpty();
		screenshot("stats-public-township");
		HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(find("#stats-export").getAttribute("href")))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).as("the public workbook needs no login").isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("永昌街道");
		}
		open("/statistics?region=430426003001");
		assertThat(browser.getPageSource()).doesNotContain("扶贫统计</h1>");
	}
}
