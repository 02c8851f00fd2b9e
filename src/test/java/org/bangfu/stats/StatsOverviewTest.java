package org.bangfu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The overview and the dashboard's workbook on hand-made data with known answers, in 玉合街道 of 祁东县 (nothing else
 * lives there): two villages, six registry households of which three are on the platform; five needs verified this
 * month worth 1,500 yuan, three of them confirmed (800 yuan), one of those met by staff within their own scope (200 yuan);
 * one need submitted and not yet verified. NEEDS the real NeedRollups bodies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsOverviewTest extends ApplicationTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.bangfu.shared.PersonalData personalData;


	static final String TOWNSHIP = "430426002";

	private String v1;

	private String v2;

	@BeforeAll
	void handMadeData() {
		v1 = StatsFixtures.village(jdbc, TOWNSHIP, 0);
		v2 = StatsFixtures.village(jdbc, TOWNSHIP, 1);
		for (int i = 0; i < 4; i++) {
			Long account = i < 3 ? StatsFixtures.account(jdbc, personalData, "stats-" + v1 + i) : null;
			StatsFixtures.household(jdbc, personalData, v1, "QD-" + v1 + "-" + i, account);
		}
		StatsFixtures.household(jdbc, personalData, v2, "QD-" + v2 + "-0", null);
		StatsFixtures.household(jdbc, personalData, v2, "QD-" + v2 + "-1", null);
		Instant verified = clock.instant().minus(Duration.ofMinutes(30));
		StatsFixtures.need(jdbc, verified, v1, "MEDICAL", "CONFIRMED", 10_000, false);
		StatsFixtures.need(jdbc, verified, v1, "EDUCATION", "CONFIRMED", 20_000, true);
		StatsFixtures.need(jdbc, verified, v1, "HOUSING", "PUBLISHED", 30_000, null);
		StatsFixtures.need(jdbc, verified, v1, "MEDICAL", "PLEDGED", 40_000, null);
		StatsFixtures.need(jdbc, verified, v2, "MEDICAL", "CLOSED", 50_000, false);
		StatsFixtures.need(jdbc, null, v2, "OTHER", "SUBMITTED", 60_000, null);
		eventsSettled();
	}

	private String thisMonth() {
		return YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();
	}

	@Test
	void theOverviewGivesCoverageNeedsAndMatchingWithStaffSelfPledgesApart() {
		ApiClient.Answer a = api().get("/api/v1/stats/overview?region=" + TOWNSHIP + "&from=" + thisMonth());
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		JsonNode o = a.json();
		assertThat(o.get("region").get("name").asString()).isEqualTo("玉合街道");
		assertThat(o.get("region").get("level").asString()).isEqualTo("TOWNSHIP");
		JsonNode c = o.get("coverage");
		assertThat(c.get("registered").asLong()).isEqualTo(6);
		assertThat(c.get("onPlatform").asLong()).isEqualTo(3);
		assertThat(c.get("rate").asDouble()).isEqualTo(50.0);
		assertThat(c.get("target").asInt()).isEqualTo(100);
		assertThat(c.get("definition").asString()).contains("自己的平台账户");
		assertThat(tallies(o.get("needsByState"))).containsExactlyInAnyOrderEntriesOf(Map.of("SUBMITTED", "1/60000", "PUBLISHED", "1/30000",
				"PLEDGED", "1/40000", "CONFIRMED", "2/30000", "CLOSED", "1/50000"));
		assertThat(tallies(o.get("needsByCategory"))).containsExactlyInAnyOrderEntriesOf(Map.of("MEDICAL", "3/100000", "EDUCATION", "1/20000",
				"HOUSING", "1/30000", "OTHER", "1/60000"));
		JsonNode m = o.get("matching");
		assertThat(m.get("verified").asLong()).isEqualTo(5);
		assertThat(m.get("verifiedValueFen").asLong()).isEqualTo(150_000);
		assertThat(m.get("confirmed").asLong()).isEqualTo(3);
		assertThat(m.get("confirmedValueFen").asLong()).isEqualTo(80_000);
		assertThat(m.get("rate").asDouble()).isEqualTo(60.0);
		assertThat(m.get("valueRate").asDouble()).isEqualTo(53.3);
		assertThat(m.get("staffSelfPledges").get("confirmed").asLong()).isEqualTo(1);
		assertThat(m.get("staffSelfPledges").get("confirmedValueFen").asLong()).isEqualTo(20_000);
		assertThat(m.get("rateWithoutStaff").asDouble()).isEqualTo(40.0);
		assertThat(m.get("valueRateWithoutStaff").asDouble()).isEqualTo(40.0);
		assertThat(m.get("target").asInt()).isEqualTo(35);
		assertThat(m.get("meetsTarget").asBoolean()).isTrue();
		assertThat(m.get("definition").asString()).contains("35%");

		JsonNode village = api().get("/api/v1/stats/overview?region=" + v2 + "&from=" + thisMonth()).json();
		assertThat(village.get("coverage").get("rate").asDouble()).isZero();
		assertThat(village.get("matching").get("verified").asLong()).isEqualTo(1);
		assertThat(village.get("matching").get("rate").asDouble()).isEqualTo(100.0);
	}

	private static Map<String, String> tallies(JsonNode list) {
		Map<String, String> out = new HashMap<>();
		list.forEach(t -> out.put(t.get("key").asString(), t.get("n").asLong() + "/" + t.get("valueFen").asLong()));
		return out;
	}

	@Test
	void badRegionsAndMonthsAnswerWithAReasonInChinese() {
		assertThat(api().get("/api/v1/stats/overview?region=430499").status()).isEqualTo(404);
		ApiClient.Answer malformed = api().get("/api/v1/stats/overview?region=43x");
		assertThat(malformed.status()).isEqualTo(400);
		ApiClient.Answer month = api().get("/api/v1/stats/overview?region=" + TOWNSHIP + "&from=2026-13");
		assertThat(month.status()).isEqualTo(400);
		assertThat(month.json().get("detail").asString()).contains("2026-13", "格式");
		ApiClient.Answer future = api().get("/api/v1/stats/overview?region=" + TOWNSHIP + "&to=" + YearMonth.now().plusMonths(2));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.json().get("detail").asString()).contains("不能晚于本月");
		ApiClient.Answer reversed = api().get("/api/v1/stats/overview?region=" + TOWNSHIP + "&from=2026-02&to=2026-01");
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.json().get("detail").asString()).contains("晚于结束月份");
	}

	@Test
	void theDashboardIsScopedAndItsWorkbookHoldsTheSameFigures() throws Exception {
		HttpClient county = session("13800000002"); // 衡阳县: 祁东县 is not theirs
		assertThat(get("/stats/dashboard?region=" + TOWNSHIP, county).statusCode()).isEqualTo(404);
		assertThat(get("/stats/dashboard.xlsx?region=" + TOWNSHIP, county).statusCode()).isEqualTo(404);
		HttpClient city = session("13800000001");
		assertThat(get("/stats/dashboard?region=" + TOWNSHIP + "&from=2026-1", city).statusCode()).isEqualTo(400);
		HttpResponse<byte[]> page = get("/stats/dashboard?region=" + TOWNSHIP + "&from=" + thisMonth(), city);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("玉合街道", ">60%<", ">40%<", ">50%<", "53.3%");

		HttpResponse<byte[]> xlsx = get("/stats/dashboard.xlsx?region=" + TOWNSHIP + "&from=" + thisMonth(), city);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(5);
			Sheet summary = book.getSheet("概况");
			assertThat(value(summary, "建档立卡贫困户")).isEqualTo(6);
			assertThat(value(summary, "已上平台")).isEqualTo(3);
			assertThat(value(summary, "审核通过")).isEqualTo(5);
			assertThat(summary.getRow(6).getCell(2).getNumericCellValue()).as("verified value in yuan").isEqualTo(1500.0);
			assertThat(value(summary, "确认收到")).isEqualTo(3);
			assertThat(value(summary, "其中工作人员自认领")).isEqualTo(1);
			Sheet units = book.getSheet("下级区域");
			assertThat(units.getRow(1).getCell(0).getStringCellValue()).isEqualTo(jdbc.sql("SELECT name FROM region WHERE code = ?").param(v1).query(String.class).single());
			assertThat(units.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(4);
			assertThat(units.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(3);
			assertThat(units.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(75.0);
			assertThat(units.getRow(1).getCell(8).getNumericCellValue()).as("v1 without staff: 1 of 4").isEqualTo(25.0);
			assertThat(units.getRow(2).getCell(7).getNumericCellValue()).as("v2: 1 of 1").isEqualTo(100.0);
			Sheet categories = book.getSheet("类别与状态");
			assertThat(categories.getRow(1).getCell(0).getStringCellValue()).isEqualTo("医疗");
			Sheet trend = book.getSheet("逐月趋势");
			int last = trend.getLastRowNum();
			assertThat(trend.getRow(last).getCell(0).getStringCellValue()).isEqualTo(thisMonth());
			assertThat(trend.getRow(last).getCell(1).getNumericCellValue()).isEqualTo(5);
			assertThat(trend.getRow(last).getCell(2).getNumericCellValue()).isEqualTo(3);
		}
	}

	private static double value(Sheet sheet, String label) {
		for (var row : sheet) {
			if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
				return row.getCell(1).getNumericCellValue();
			}
		}
		throw new AssertionError("no row " + label);
	}

	private HttpResponse<byte[]> get(String path, HttpClient session) throws Exception {
		return session.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A browser-like session of the phone's account: the login form with its CSRF token, then the session cookie. */
	private HttpClient session(String phone) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).isTrue();
		String body = "phone=" + phone + "&password=" + DEMO_PASSWORD.replace("@", "%40") + "&_csrf=" + csrf.group(1);
		http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.discarding());
		return http;
	}
}
