package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.bangfu.account.Accounts;
import org.bangfu.need.NeedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A supervisor (督查) on a phone: draws a sample of 雁峰区's published needs, opens the sampled need, records a visit with a
 * photo as FALSE; the need leaves the public list and its page says why.
 */
class SupervisionBrowserTest extends BrowserTest {

	private static final String VILLAGE = "430406004002"; // 珠江桥社区, used by this test only

	@Autowired
	Accounts accounts;

	@TempDir
	Path dir;

	private long staff(String phone, String name, String role, String region) {
		accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, null, null, null, null));
		long id = accounts.findByPhone(phone).orElseThrow().id();
		jdbc.sql("INSERT INTO role_grant (account_id, role, region_code, granted_at) VALUES (?, ?, ?, now())").params(id, role, region).update();
		return id;
	}

	@Test
	void aSupervisorSamplesVisitsAndRecordsAFalseNeed() throws Exception {
		String supervisorPhone = newPhone();
		staff(supervisorPhone, "珠江桥督查员", "SUPERVISOR", "430406");
		long officer = staff(newPhone(), "珠江桥信息员", "VILLAGE_OFFICER", VILLAGE);
		long manager = staff(newPhone(), "黄茶岭审核员", "TOWNSHIP_MANAGER", "430406004");
		jdbc.sql("UPDATE need SET state = 'WITHDRAWN' WHERE region_code = ? AND state <> 'WITHDRAWN'").param(VILLAGE).update();
		String title = "督查演示需要名牌跑步机" + (System.nanoTime() % 1000);
		Instant at = clock.instant().minus(Duration.ofDays(3));
		long need = jdbc.sql("""
				INSERT INTO need (region_code, category, title, story, producer, urgency, state, poster_id, on_behalf, total_quantity,
				                  total_value_fen, created_at, updated_at, published_at, verified_at, verified_by, search_pairs)
				VALUES (?, 'OTHER', ?, '社区居民锻炼身体需要', '珠江桥社区', 2, 'PUBLISHED', ?, false, 1, 500000, ?, ?, ?, ?, ?, ' ') RETURNING id""")
			.params(VILLAGE, title, officer, Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), manager)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO need_item (need_id, position, name, quantity, unit, value_fen) VALUES (?, 0, '跑步机', 1, '台', 500000)").param(need)
			.update();
		Path photo = dir.resolve("visit.jpg");
		Files.write(photo, NeedFixtures.jpeg(800, 600));

		logIn(supervisorPhone, DEMO_PASSWORD);
		open("/audits");
		assertThat(find("#main-menu").getText()).contains("督查抽查");
		screenshot("audit-samples");
		open("/audits?region=430406004");
		new org.openqa.selenium.support.ui.Select(find("#region")).selectByValue(VILLAGE);
		find("#size").clear();
		find("#size").sendKeys("1");
		find("#draw").click();
		waiting().until(ExpectedConditions.urlMatches("/audits/samples/\\d+$"));
		assertThat(find("#sample-needs").getText()).contains(title);
		assertThat(find("#sample-seed").getText()).matches("-?\\d+");
		screenshot("audit-sample");

		find("#sampled-" + need + " a.button").click();
		waiting().until(ExpectedConditions.urlMatches("/audits/samples/\\d+/needs/" + need + "$"));
		find("input[name=outcome][value=FALSE]").click();
		find("#note").sendKeys("走访核实：该户未申请跑步机，需求系信息员代填，属非必需品。");
		find("#photos").sendKeys(photo.toAbsolutePath().toString());
		screenshot("audit-finding");
		find("#record").click();
		waiting().until(ExpectedConditions.urlMatches("/audits/samples/\\d+$"));
		assertThat(find("#audit-notice").getText()).contains("已记录");
		assertThat(find("#sampled-" + need).getText()).contains("不实");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("audit-sample-found");
		open("/audits/inspections?county=430406");
		assertThat(find("#inspection-township").getText()).contains("黄茶岭街道");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("audit-inspection");

		// the public: gone from the list, and the page says why
		browser.manage().deleteAllCookies();
		open("/needs?region=" + VILLAGE);
		assertThat(browser.getPageSource()).doesNotContain(title);
		open("/needs/" + need);
		assertThat(find("#found-false").getText()).contains("信息不实");
		assertThat(browser.getPageSource()).doesNotContain(title);
		screenshot("audit-need-found-false");

		// a need checked and found true: its page says who verified it (by station) and that supervision checked it
		long checked = jdbc.sql("INSERT INTO need (region_code, category, title, story, producer, urgency, state, poster_id, on_behalf, total_quantity, "
				+ "total_value_fen, created_at, updated_at, published_at, verified_at, verified_by, search_pairs, audited_at, audit_outcome) "
				+ "VALUES (?, 'OTHER', '社区老人需要过冬棉被', '独居老人过冬', '珠江桥社区', 2, 'PUBLISHED', ?, true, 2, 20000, ?, ?, ?, ?, ?, ' ', now(), 'TRUE') RETURNING id")
			.params(VILLAGE, officer, Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), manager)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO need_item (need_id, position, name, quantity, unit, value_fen) VALUES (?, 0, '棉被', 2, '床', 20000)").param(checked).update();
		open("/needs/" + checked);
		assertThat(find("#trust-verified").getText()).contains("黄茶岭街道服务站审核").doesNotContain("黄茶岭审核员");
		assertThat(find("#trust-confirmed").getText()).contains("—");
		assertThat(find("#trust-audit").getText()).contains("抽查核实");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("need-trust");
	}
}
