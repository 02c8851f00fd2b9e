package org.bangfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.supervision.SupervisionFixtures.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.need.NeedFixtures;
import org.bangfu.pledge.MatchingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Supervision (督查): reproducible samples, findings with evidence, the false need back through the state machine. */
class SupervisionTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	String supervisorPhone;

	long supervisor, officer, otherOfficer, manager;

	@BeforeEach
	void staff() {
		supervisorPhone = newPhone();
		supervisor = SupervisionFixtures.staff(accounts, jdbc, supervisorPhone, "雁峰督查员", "SUPERVISOR", COUNTY);
		officer = SupervisionFixtures.staff(accounts, jdbc, newPhone(), "沿江村信息员", "VILLAGE_OFFICER", "430406001001");
		otherOfficer = SupervisionFixtures.staff(accounts, jdbc, newPhone(), "光辉村信息员", "VILLAGE_OFFICER", "430406001004");
		manager = SupervisionFixtures.staff(accounts, jdbc, newPhone(), "先锋审核员", "TOWNSHIP_MANAGER", TOWNSHIP);
	}

	private String token(ApiClient api) {
		return api.login(supervisorPhone, DEMO_PASSWORD);
	}

	private static List<Long> ids(Answer a) {
		List<Long> ids = new ArrayList<>();
		a.json().get("needIds").forEach(n -> ids.add(n.asLong()));
		return ids;
	}

	private Answer draw(ApiClient api, String token, String body) {
		return api.post("/api/v1/audits/samples", body, token);
	}

	private Answer finding(ApiClient api, String token, long sample, long need, String outcome, String note, LocalDate on, boolean photo) {
		String path = "/api/v1/audits/samples/" + sample + "/needs/" + need + "/finding?outcome=" + outcome + "&note="
				+ URLEncoder.encode(note, StandardCharsets.UTF_8) + "&visitedOn=" + on;
		return photo ? api.postFile(path, "photos", "visit.jpg", "image/jpeg", NeedFixtures.jpeg(640, 480), token) : api.post(path, "{}", token);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
	}

	@Test
	void theSameSeedDrawsTheSameNeedsAndTheFiltersShapeThePopulation() {
		String village = "430406001001";
		emptyVillage(jdbc, village);
		List<Long> medical = new ArrayList<>();
		List<Long> schooling = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			medical.add(publishedNeed(jdbc, clock.instant(), village, "MEDICAL", "药费 " + i, officer, manager, 2));
		}
		for (int i = 0; i < 4; i++) {
			schooling.add(publishedNeed(jdbc, clock.instant(), village, "EDUCATION", "学费 " + i, otherOfficer, manager, 2));
		}
		jdbc.sql("INSERT INTO need_flag (need_id, rule, detail) VALUES (?, 'LUXURY_WORD', '名牌'), (?, 'VALUE_HIGH', '')")
			.params(medical.get(1), schooling.get(2))
			.update();
		ApiClient api = api();
		String token = token(api);

		Answer first = draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":4,\"seed\":42}");
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		Answer again = draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":4,\"seed\":42}");
		assertThat(ids(again)).isEqualTo(ids(first));
		assertThat(again.json().get("id").asLong()).isNotEqualTo(first.json().get("id").asLong());
		Answer other = draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":4,\"seed\":43}");
		assertThat(ids(other)).isNotEqualTo(ids(first));
		List<Long> population = new ArrayList<>(medical);
		population.addAll(schooling);
		assertThat(ids(first)).isEqualTo(SampleDraw.draw(population, 4, 42)).doesNotHaveDuplicates();

		// no seed: the server draws one and records it with the filters and the population's size
		Answer drawn = draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":3}");
		long seed = jdbc.sql("SELECT seed FROM audit_sample WHERE id = ?").param(drawn.json().get("id").asLong()).query(Long.class).single();
		assertThat(ids(drawn)).isEqualTo(SampleDraw.draw(population, 3, seed));
		assertThat(jdbc.sql("SELECT population_size FROM audit_sample WHERE id = ?").param(drawn.json().get("id").asLong()).query(Integer.class)
			.single()).isEqualTo(10);

		assertThat(ids(draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":4,\"category\":\"EDUCATION\"}"))).containsExactlyInAnyOrderElementsOf(schooling);
		assertThat(ids(draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":6,\"posterId\":" + officer + "}"))).containsExactlyInAnyOrderElementsOf(medical);
		assertThat(ids(draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":2,\"flagRule\":\"ANY\"}")))
			.containsExactlyInAnyOrder(medical.get(1), schooling.get(2));
		assertThat(ids(draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":1,\"flagRule\":\"LUXURY_WORD\"}"))).containsExactly(medical.get(1));
	}

	@Test
	void badSamplesAreRefusedAndNothingIsStored() {
		String village = "430406001007";
		emptyVillage(jdbc, village);
		for (int i = 0; i < 3; i++) {
			publishedNeed(jdbc, clock.instant(), village, "OTHER", "棉被 " + i, officer, manager, 2);
		}
		ApiClient api = api();
		String token = token(api);
		long before = jdbc.sql("SELECT count(*) FROM audit_sample").query(Long.class).single();
		Answer tooMany = draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":4}");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("共 3 条");
		assertThat(draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":0}").status()).isEqualTo(400);
		assertThat(draw(api, token, "{\"regionCode\":\"" + village + "\"}").status()).isEqualTo(400);
		assertThat(draw(api, token, "{\"regionCode\":\"430421\",\"size\":1}").status()).isEqualTo(404);
		assertThat(draw(api, token, "{\"regionCode\":\"abc\",\"size\":1}").status()).isEqualTo(400);
		assertThat(draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":1,\"category\":\"YACHTS\"}").status()).isEqualTo(400);
		assertThat(draw(api, api.login(NeedFixtures.OFFICER, DEMO_PASSWORD), "{\"regionCode\":\"" + village + "\",\"size\":1}").status())
			.isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_sample").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aFindingNeedsEvidenceAnotherSupervisorAndOnlyOnce() {
		String village = "430406001009";
		emptyVillage(jdbc, village);
		long need = publishedNeed(jdbc, clock.instant(), village, "OTHER", "棉被", officer, manager, 2);
		long verifiedByMe = publishedNeed(jdbc, clock.instant(), village, "OTHER", "棉被二", officer, supervisor, 2);
		ApiClient api = api();
		String token = token(api);
		long sample = draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":2,\"seed\":1}").json().get("id").asLong();

		assertThat(finding(api, token, sample, need, "TRUE", "走访属实", today(), false).status()).isEqualTo(400);
		assertThat(finding(api, token, sample, need, "TRUE", " ", today(), true).status()).isEqualTo(400);
		assertThat(finding(api, token, sample, need, "TRUE", "走访属实", today().plusDays(1), true).status()).isEqualTo(400);
		assertThat(finding(api, token, sample, need, "TRUE", "走访属实", today().minusDays(5), true).status()).isEqualTo(400);
		assertThat(api.postFile("/api/v1/audits/samples/" + sample + "/needs/" + need + "/finding?outcome=TRUE&note=x&visitedOn=" + today(),
				"photos", "visit.jpg", "image/jpeg", "not a photo".getBytes(), token).status()).isIn(400, 415);
		Answer own = finding(api, token, sample, verifiedByMe, "TRUE", "走访属实", today(), true);
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.body()).contains("审核过这条需求");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_finding WHERE sample_id = ?").param(sample).query(Long.class).single()).isZero();

		Answer ok = finding(api, token, sample, need, "TRUE", "走访属实，户主在家", today(), true);
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		assertThat(finding(api, token, sample, need, "FALSE", "再记一次", today(), true).status()).isEqualTo(409);
		eventsSettled();
		assertThat(jdbc.sql("SELECT audit_outcome FROM need WHERE id = ?").param(need).query(String.class).single()).isEqualTo("TRUE");
		assertThat(api.get("/needs/" + need).body()).contains("抽查核实 · " + today());
	}

	@Test
	void aFalsePledgedNeedIsWithdrawnItsPledgesCancelledAndItsDonorsAndPointsTold() {
		String village = "430406001001"; // the officer's own village: its points are counted at its station
		emptyVillage(jdbc, village);
		long need = publishedNeed(jdbc, clock.instant(), village, "OTHER", "需要冬天的棉被", officer, manager, 3);
		ApiClient api = api();
		String donorPhone = newPhone();
		String donor = MatchingFixtures.newDonor(accounts, api, donorPhone);
		Answer pledge = api.post("/api/v1/needs/" + need + "/pledges", "{\"quantity\":3}", donor);
		assertThat(pledge.status()).as(pledge.body()).isEqualTo(201);
		long pledgeId = pledge.json().get("id").asLong();
		assertThat(jdbc.sql("SELECT state FROM need WHERE id = ?").param(need).query(String.class).single()).isEqualTo("PLEDGED");

		String token = token(api);
		long sample = draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":1}").json().get("id").asLong();
		Answer found = finding(api, token, sample, need, "FALSE", "户主说从未申请棉被，家中已有", today(), true);
		assertThat(found.status()).as(found.body()).isEqualTo(201);
		eventsSettled();

		assertThat(jdbc.sql("SELECT state FROM need WHERE id = ?").param(need).query(String.class).single()).isEqualTo("WITHDRAWN");
		assertThat(jdbc.sql("SELECT action FROM need_transition WHERE need_id = ? ORDER BY id DESC LIMIT 1").param(need).query(String.class)
			.single()).isEqualTo("FIND_FALSE");
		assertThat(jdbc.sql("SELECT state FROM pledge WHERE id = ?").param(pledgeId).query(String.class).single()).isEqualTo("CANCELLED");
		long donorId = accounts.findByPhone(donorPhone).orElseThrow().id();
		assertThat(jdbc.sql("SELECT message_key FROM notice WHERE account_id = ? ORDER BY id").param(donorId).query(String.class).list())
			.contains("notice.pledge.need-found-false");
		assertThat(jdbc.sql("SELECT kind FROM assessment_point WHERE need_id = ? ORDER BY kind").param(need).query(String.class).list())
			.contains("FOUND_FALSE", "FOUND_FALSE_VERIFIER");
		// NeedEnded: NeedFoundFalseTest (the fund's listener hears it; the registry deletes what was delivered)
		assertThat(api.get("/api/v1/needs/" + need).status()).isEqualTo(404);
		Answer page = api.get("/needs/" + need);
		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("信息不实").doesNotContain("需要冬天的棉被");
	}

	@Test
	void aProblemTellsThePosterAndAReportIsVisitedTheSameWay() {
		String village = "430406002005";
		emptyVillage(jdbc, village);
		long problem = publishedNeed(jdbc, clock.instant(), village, "OTHER", "棉被有问题", officer, manager, 2);
		long reported = publishedNeed(jdbc, clock.instant(), village, "OTHER", "被举报的棉被", officer, manager, 2);
		ApiClient api = api();
		String token = token(api);
		long sample = draw(api, token, "{\"regionCode\":\"" + village + "\",\"size\":2}").json().get("id").asLong();
		assertThat(finding(api, token, sample, problem, "PROBLEM", "数量写多了，请改为一床", today(), true).status()).isEqualTo(201);
		eventsSettled();
		assertThat(jdbc.sql("SELECT message_key FROM notice WHERE account_id = ?").param(officer).query(String.class).list())
			.contains("notice.audit.problem");
		assertThat(jdbc.sql("SELECT message_key FROM notice WHERE account_id = ?").param(manager).query(String.class).list())
			.contains("notice.audit.problem");
		assertThat(jdbc.sql("SELECT state FROM need WHERE id = ?").param(problem).query(String.class).single()).isEqualTo("PUBLISHED");

		long report = jdbc.sql("""
				INSERT INTO need_report (need_id, region_code, reason, text, reporter_ip, reported_at)
				VALUES (?, ?, 'FALSE_INFO', '这户不缺棉被', '10.9.9.9', now()) RETURNING id""")
			.params(reported, village).query(Long.class).single();
		Answer visit = api.post("/api/v1/audits/reports/" + report, "{}", token);
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		assertThat(ids(visit)).containsExactly(reported);
		long reportSample = visit.json().get("id").asLong();
		assertThat(api.post("/api/v1/audits/reports/" + report, "{}", token).json().get("id").asLong()).isEqualTo(reportSample);
		assertThat(jdbc.sql("SELECT origin FROM audit_sample WHERE id = ?").param(reportSample).query(String.class).single()).isEqualTo("REPORT");
		assertThat(finding(api, token, reportSample, reported, "FALSE", "核实不缺棉被", today(), true).status()).isEqualTo(201);
		eventsSettled();
		assertThat(jdbc.sql("SELECT outcome FROM need_report WHERE id = ?").param(report).query(String.class).single()).startsWith("UPHELD");
		assertThat(jdbc.sql("SELECT state FROM need WHERE id = ?").param(reported).query(String.class).single()).isEqualTo("WITHDRAWN");
		assertThat(api.post("/api/v1/audits/reports/" + report, "{}", token).status()).isEqualTo(409);
	}

	@Test
	void theNeedPageSaysWhoVerifiedByStationAndTheHouseholdsWord() {
		String village = "430406001004";
		emptyVillage(jdbc, village);
		long need = publishedNeed(jdbc, clock.instant(), village, "OTHER", "需要一床棉被", officer, manager, 2);
		jdbc.sql("UPDATE need SET on_behalf = true WHERE id = ?").param(need).update();
		String page = api().get("/needs/" + need).body();
		LocalDate verified = clock.instant().minus(java.time.Duration.ofDays(3)).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
		assertThat(page).contains("先锋街道服务站审核 · " + verified).contains("户主确认").doesNotContain("先锋审核员");
		assertThat(page).doesNotContain("抽查核实");
	}
}
