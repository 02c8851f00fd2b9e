package org.bangfu.assessment;

import org.bangfu.PageSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Rankings by month, year and all time with ties, and the reward list, on hand-made ledger rows in a township of 耒阳市:
 * <pre>
 *               2024-12   2025-03   2025-04   │ 2025-03   2025        all
 * 甲 (village1)   +40       +30        —      │ 30 → 1    30 → 2     70 → 1
 * 乙 (village2)    —        +30        —      │ 30 → 1    30 → 2     30 → 3
 * 丙 (village1)    —        +10       +50     │ 10 → 3    60 → 1     60 → 2
 * 丁 (village2)    —         −5        —      │ −5 → 4    −5 → 4     −5 → 4
 * </pre>
 * 丙's 50 is booked at 00:30 on 1 April Beijing time (16:30 UTC on 31 March): April's.
 */
class RankingsTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	String township;

	PointFixtures.Staff a, b, c, d, admin;

	static String township0;

	static PointFixtures.Staff[] made;

	@BeforeEach
	void data() {
		if (made != null) {
			township = township0;
			a = made[0];
			b = made[1];
			c = made[2];
			d = made[3];
			admin = made[4];
			return;
		}
		township = PointFixtures.township(jdbc, 1);
		String v1 = PointFixtures.village(jdbc, township, 0);
		String v2 = PointFixtures.village(jdbc, township, 1);
		a = PointFixtures.staff(accounts, regions, newPhone(), "欧阳甲", Role.VILLAGE_OFFICER, v1);
		b = PointFixtures.staff(accounts, regions, newPhone(), "李乙", Role.VILLAGE_OFFICER, v2);
		c = PointFixtures.staff(accounts, regions, newPhone(), "王小丙", Role.VILLAGE_OFFICER, v1);
		d = PointFixtures.staff(accounts, regions, newPhone(), "赵丁", Role.VILLAGE_OFFICER, v2);
		admin = PointFixtures.staff(accounts, regions, newPhone(), "耒阳县管", Role.COUNTY_ADMIN, PointFixtures.COUNTY);
		point(a, v1, "VERIFIED", 40, "2024-12-10T02:00:00Z");
		point(a, v1, "VERIFIED", 10, "2025-03-02T02:00:00Z");
		point(a, v1, "CONFIRMED", 20, "2025-03-05T02:00:00Z");
		point(b, v2, "VERIFIED", 10, "2025-03-06T02:00:00Z");
		point(b, v2, "VERIFIED", 10, "2025-03-07T02:00:00Z");
		point(b, v2, "VERIFIED", 10, "2025-03-08T02:00:00Z");
		point(c, v1, "VERIFIED", 10, "2025-03-09T02:00:00Z");
		point(c, v1, "CONFIRMED", 20, "2025-03-31T16:30:00Z");
		point(c, v1, "CONFIRMED", 20, "2025-04-03T02:00:00Z");
		point(c, v1, "VERIFIED", 10, "2025-04-04T02:00:00Z");
		point(d, v2, "REJECTED", -5, "2025-03-10T02:00:00Z");
		township0 = township;
		made = new PointFixtures.Staff[] { a, b, c, d, admin };
	}

	private static long needs = 900_000_000L;

	private void point(PointFixtures.Staff who, String region, String kind, int points, String at) {
		jdbc.sql("""
				INSERT INTO assessment_point (account_id, role, region_code, kind, points, need_id, at, recorded_at)
				VALUES (?, 'VILLAGE_OFFICER', ?, ?, ?, ?, ?, now())""")
			.params(who.id(), region, kind, points, needs++, Timestamp.from(Instant.parse(at)))
			.update();
	}

	private List<String> ranking(String period, String token) {
		Answer answer = api().get("/api/v1/assessment/rankings?region=" + township + "&level=village&period=" + period, token);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		List<String> lines = new ArrayList<>();
		for (JsonNode l : answer.json().get("lines")) {
			lines.add(l.get("rank").asInt() + " " + l.get("name").asString() + " " + l.get("points").asLong());
		}
		return lines;
	}

	@Test
	void tiesShareARankByMonthYearAndAllTimeAndThePublicSeesMaskedNames() {
		assertThat(ranking("2025-03", null)).containsExactly("1 欧*甲 30", "1 李* 30", "3 王*丙 10", "4 赵* -5");
		assertThat(ranking("2025-04", null)).containsExactly("1 王*丙 50");
		assertThat(ranking("2025", null)).containsExactly("1 王*丙 60", "2 欧*甲 30", "2 李* 30", "4 赵* -5");
		assertThat(ranking("all", null)).containsExactly("1 欧*甲 70", "2 王*丙 60", "3 李* 30", "4 赵* -5");
		assertThat(ranking("2024-11", null)).isEmpty();
		String staff = api().login(admin.phone(), DEMO_PASSWORD);
		assertThat(ranking("all", staff)).as("staff covering the township read full names")
			.containsExactly("1 欧阳甲 70", "2 王小丙 60", "3 李乙 30", "4 赵丁 -5");
		String otherCounty = api().login("13800000002", DEMO_PASSWORD);
		assertThat(ranking("all", otherCounty)).as("another county's admin is the public here").startsWith("1 欧*甲 70");

		JsonNode all = api().get("/api/v1/assessment/rankings?region=" + township + "&level=village&period=all").json();
		JsonNode first = all.get("lines").get(0);
		assertThat(first.get("station").asString()).isNotBlank();
		assertThat(List.of(first.get("verified").asLong(), first.get("confirmed").asLong())).isEqualTo(List.of(2L, 1L));
		assertThat(all.toString()).doesNotContain(a.phone()).doesNotContain("欧阳甲");
		assertThat(api().get("/api/v1/assessment/rankings?region=" + township + "&level=township&period=all").json().get("lines").size())
			.as("managers are ranked apart").isZero();
	}

	@Test
	void malformedOrFuturePeriodsAndUnknownLevelsAre400WithAChineseMessage() {
		ApiClient api = api();
		for (String bad : List.of("2025-13", "25-03", "abc", "2025-3-1", "1999", "2099-01", "2099")) {
			Answer answer = api.get("/api/v1/assessment/rankings?region=" + township + "&period=" + bad);
			assertThat(answer.status()).as(bad).isEqualTo(400);
			assertThat(answer.json().get("detail").asString()).as(bad).containsPattern("期间|格式");
		}
		assertThat(api.get("/api/v1/assessment/rankings?region=" + township + "&period=2099-01").json().get("detail").asString())
			.contains("还没有开始");
		assertThat(api.get("/api/v1/assessment/rankings?region=" + township + "&level=mayor").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/assessment/rankings?region=430481999&period=all").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/assessment/rankings?region=12x&period=all").status()).isEqualTo(400);
		assertThat(api.get("/assessment/rankings?region=" + township + "&period=2025-13").status()).as("the page too").isEqualTo(400);
		Answer page = api.get("/assessment/rankings?region=" + township + "&level=village&period=2025-03");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("欧*甲").doesNotContain("欧阳甲");
	}

	@Test
	void theRewardListForPaymentReadsBackWithItsTotalAndOnlyInScope() throws Exception {
		PageSession session = new PageSession(port).login(admin.phone());
		long logged = jdbc.sql("SELECT count(*) FROM operation_log WHERE account_id = ? AND action = 'assessment.rewards.export'")
			.param(admin.id()).query(Long.class).single();
		PageSession.Page sheetPage = session.get("/assessment/rewards.xlsx?region=" + township + "&period=2025-03");
		assertThat(sheetPage.status()).as(sheetPage.text()).isEqualTo(200);
		byte[] xlsx = sheetPage.body();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2025-03").contains("奖励名单");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("姓名");
			List<String> rows = new ArrayList<>();
			for (int i = 3; i <= sheet.getLastRowNum(); i++) {
				Row r = sheet.getRow(i);
				rows.add(r.getCell(0).getStringCellValue() + "|" + r.getCell(1).getStringCellValue() + "|" + r.getCell(3).getStringCellValue()
						+ "|" + (long) r.getCell(4).getNumericCellValue() + "|" + String.format("%.2f", r.getCell(5).getNumericCellValue()));
			}
			// 100 fen a point; 丁's −5 earns no line
			assertThat(rows).containsExactlyInAnyOrder("欧阳甲|" + a.phone() + "|村信息员|30|30.00", "李乙|" + b.phone() + "|村信息员|30|30.00",
					"王小丙|" + c.phone() + "|村信息员|10|10.00", "合计（3 人）|||70|70.00");
			assertThat(rows.get(rows.size() - 1)).as("the total is the last row").startsWith("合计");
			assertThat(sheet.getRow(3).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE account_id = ? AND action = 'assessment.rewards.export'")
			.param(admin.id()).query(Long.class).single()).as("the view of the phones is logged").isEqualTo(logged + 1);

		PageSession.Page page = session.get("/assessment/rewards?region=" + township + "&period=2025");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("王小丙").contains("60.00").contains("120.00").contains(c.phone());

		String path = "/assessment/rewards.xlsx?region=" + township + "&period=2025-03";
		PageSession.Page other = new PageSession(port).login("13800000002").get(path);
		assertThat(other.status()).as("another county's admin").isEqualTo(404);
		assertThat(other.text()).contains("不存在");
		assertThat(new PageSession(port).login(a.phone()).get(path).status()).as("a village officer").isEqualTo(403);
		assertThat(new PageSession(port).get(path).status()).as("anonymous: to the login page").isEqualTo(302);
		assertThat(session.get("/assessment/rewards.xlsx?region=" + township + "&period=2099-01").status()).isEqualTo(400);
		assertThat(session.get("/assessment/rewards?region=430400&period=2025-03").status()).as("above the county").isEqualTo(404);
		assertThat(new PageSession(port).login("13800000001").get(path).status()).as("the city office").isEqualTo(200);
	}
}
