package org.bangfu.supervision;

import org.bangfu.PageSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.supervision.SupervisionFixtures.*;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.need.NeedFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Inspection reports per county and period (page and XLSX), the supervisors' pages, and the public statistics' counts. */
class InspectionReportTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	@Test
	void theCountysReportCountsFindingsByTownshipAndOfficerAndThePublicSeesTheTotals() throws Exception {
		String supervisorPhone = newPhone();
		SupervisionFixtures.staff(accounts, jdbc, supervisorPhone, "雁峰报告督查员", "SUPERVISOR", COUNTY);
		long officer = SupervisionFixtures.staff(accounts, jdbc, newPhone(), "天马山信息员", "VILLAGE_OFFICER", "430406003001");
		long manager = SupervisionFixtures.staff(accounts, jdbc, newPhone(), "天马山审核员", "TOWNSHIP_MANAGER", "430406003");
		String village = "430406003001";
		emptyVillage(jdbc, village);
		jdbc.sql("DELETE FROM audit_finding WHERE region_code LIKE '430406003%'").update();
		long[] needs = new long[4];
		for (int i = 0; i < needs.length; i++) {
			needs[i] = publishedNeed(jdbc, clock.instant(), village, "OTHER", "报告棉被 " + i, officer, manager, 2);
		}
		ApiClient api = api();
		String token = api.login(supervisorPhone, DEMO_PASSWORD);
		long sample = api.post("/api/v1/audits/samples", "{\"regionCode\":\"" + village + "\",\"size\":4,\"seed\":7}", token).json().get("id")
			.asLong();
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		String[] outcomes = { "TRUE", "TRUE", "FALSE", "PROBLEM" };
		for (int i = 0; i < needs.length; i++) {
			String path = "/api/v1/audits/samples/" + sample + "/needs/" + needs[i] + "/finding?outcome=" + outcomes[i] + "&note="
					+ URLEncoder.encode("走访记录 " + i, StandardCharsets.UTF_8) + "&visitedOn=" + today;
			assertThat(api.postFile(path, "photos", "v.jpg", "image/jpeg", NeedFixtures.jpeg(400, 300), token).status()).isEqualTo(201);
		}
		eventsSettled();

		PageSession pages = new PageSession(port).login(supervisorPhone);
		String period = YearMonth.from(today).toString();
		String report = pages.get("/audits/inspections?county=430406&period=" + period).text();
		assertThat(report).contains("天马山街道").contains("天马山信息员").contains("25.0%");
		assertThat(pages.get("/audits/inspections?county=430421&period=" + period).status()).isEqualTo(404);
		assertThat(pages.get("/audits/inspections?county=430406&period=2026-13").status()).isEqualTo(400);

		PageSession.Page xlsx = pages.get("/audits/inspections.xlsx?county=430406&period=" + period);
		assertThat(xlsx.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet townships = book.getSheet("按乡镇");
			boolean found = false;
			for (int r = 1; r <= townships.getLastRowNum(); r++) {
				if ("天马山街道".equals(townships.getRow(r).getCell(0).getStringCellValue())) {
					found = true;
					assertThat(townships.getRow(r).getCell(1).getNumericCellValue()).isEqualTo(4);
					assertThat(townships.getRow(r).getCell(3).getNumericCellValue()).isEqualTo(1);
					assertThat(townships.getRow(r).getCell(5).getNumericCellValue()).isEqualTo(25.0);
				}
			}
			assertThat(found).isTrue();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'audit.report.export' AND region_code = '430406'").query(Long.class)
			.single()).isPositive();

		// the supervisor's own pages
		assertThat(pages.get("/audits").text()).contains("抽取样本").contains("第 " + sample + " 号抽查");
		String samplePage = pages.get("/audits/samples/" + sample).text();
		assertThat(samplePage).contains("报告棉被 2").contains("不实").contains("7");
		assertThat(pages.get("/audits/samples/" + sample + "/needs/" + needs[2]).text()).contains("走访记录 2");
		long finding = jdbc.sql("SELECT id FROM audit_finding WHERE sample_id = ? AND need_id = ?").params(sample, needs[2]).query(Long.class).single();
		assertThat(pages.get("/audits/samples/" + sample + "/findings/" + finding + "/1-thumb.jpg").status()).isEqualTo(200);
		assertThat(new PageSession(port).login(NeedFixtures.OFFICER).get("/audits/samples/" + sample).status()).isEqualTo(403);

		// the reports queue offers a supervisor the visit
		long reportId = jdbc.sql("INSERT INTO need_report (need_id, region_code, reason, reporter_ip, reported_at) VALUES (?, ?, 'OTHER', '10.8.8.8', now()) RETURNING id")
			.params(needs[0], village).query(Long.class).single();
		assertThat(pages.get("/needs/reports?region=430406").text()).contains("/audits/reports/" + reportId).contains("走访核查");

		// the public statistics: counts only, for the city and per county
		String statistics = api.get("/statistics").body();
		assertThat(statistics).contains("stats-audits-430406");
		long audited = jdbc.sql("SELECT count(DISTINCT need_id) FROM audit_finding WHERE region_code LIKE '430406%'").query(Long.class).single();
		long found = jdbc.sql("SELECT count(DISTINCT need_id) FROM audit_finding WHERE region_code LIKE '430406%' AND outcome = 'FALSE'")
			.query(Long.class).single();
		assertThat(statistics).containsPattern("id=\"stats-audits-430406\"[^>]*>\\s*<td>雁峰区</td><td>" + audited + "</td><td>" + found + "</td>");
		PageSession.Page book = new PageSession(port).get("/statistics.xlsx");
		assertThat(book.status()).isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book.body()))) {
			Sheet sheet = wb.getSheet("督查抽查");
			boolean county = false;
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				if ("雁峰区".equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
					county = true;
					assertThat(sheet.getRow(r).getCell(1).getNumericCellValue()).isEqualTo(audited);
					assertThat(sheet.getRow(r).getCell(2).getNumericCellValue()).isEqualTo(found);
				}
			}
			assertThat(county).isTrue();
		}
	}
}
