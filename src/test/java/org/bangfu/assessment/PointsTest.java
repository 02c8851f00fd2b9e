package org.bangfu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.need.NeedFixtures;
import org.bangfu.need.NeedReports;
import org.bangfu.pledge.MatchingFixtures;
import org.bangfu.region.Regions;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.events.NeedConfirmed;
import org.bangfu.shared.events.NeedVerified;
import org.bangfu.shared.events.PledgeRated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Points for each kind of event, earned through the real use cases (post, submit, verify, reject, pledge, receive, rate,
 * a report upheld) in a township of 耒阳市, with the default values: verified +10 / verification +2, confirmed +20 / +5,
 * rating +3, rejected −5, found false −30 / −10.
 */
class PointsTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Autowired
	PersonalData personalData;

	@Autowired
	NeedReports reports;

	@Autowired
	PointListeners listeners;

	String township;

	String village;

	@BeforeEach
	void place() {
		township = PointFixtures.township(jdbc, 0);
		village = PointFixtures.village(jdbc, township, 0);
	}

	private Map<String, Long> pointsByKind(long account) {
		eventsSettled();
		Map<String, Long> byKind = new java.util.TreeMap<>();
		jdbc.sql("SELECT kind, sum(points) FROM assessment_point WHERE account_id = ? GROUP BY kind").param(account)
			.query(rs -> {
				byKind.put(rs.getString(1), rs.getLong(2));
			});
		return byKind;
	}

	private long total(long account) {
		return pointsByKind(account).values().stream().mapToLong(Long::longValue).sum();
	}

	private long posted(ApiClient api, String token, String title) {
		long household = NeedFixtures.household(jdbc, personalData, village, "耒阳测试户", true);
		long id = NeedFixtures.create(api, token, NeedFixtures.quiltNeed(household, title, 2));
		Answer submitted = api.post("/api/v1/needs/" + id + "/submit", null, token);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		NeedFixtures.confirmByForm(api, token, id);
		return id;
	}

	private void verify(ApiClient api, long need, String manager) {
		Answer a = api.post("/api/v1/needs/" + need + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, manager);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
	}

	@Test
	void eachKindOfEventEarnsOrCostsItsPointsOnceAndOnlyStaffEarn() {
		ApiClient api = api();
		PointFixtures.Staff officer = PointFixtures.staff(accounts, regions, newPhone(), "耒阳村官甲", Role.VILLAGE_OFFICER, village);
		PointFixtures.Staff manager = PointFixtures.staff(accounts, regions, newPhone(), "耒阳镇管乙", Role.TOWNSHIP_MANAGER, township);
		String o = officer.token(api);
		String m = manager.token(api);

		// verified: +10 to the poster, +2 to the verifier
		long met = posted(api, o, "两床棉被过冬");
		verify(api, met, m);
		assertThat(pointsByKind(officer.id())).isEqualTo(Map.of("VERIFIED", 10L));
		assertThat(pointsByKind(manager.id())).isEqualTo(Map.of("VERIFICATION", 2L));
		assertThat(jdbc.sql("SELECT role || ' ' || region_code FROM assessment_point WHERE account_id = ?").param(officer.id())
			.query(String.class).single()).as("earned at the officer's station").isEqualTo("VILLAGE_OFFICER " + village);

		// pledged, received by the officer: confirmed, +20 to the poster and +5 to the verifier; then rated: +3 to the poster
		String donor = MatchingFixtures.newDonor(accounts, api, newPhone());
		Answer pledged = api.post("/api/v1/needs/" + met + "/pledges", "{\"quantity\":2,\"days\":5}", donor);
		assertThat(pledged.status()).as(pledged.body()).isEqualTo(201);
		long pledge = pledged.json().get("id").asLong();
		Answer received = api.postFile("/api/v1/pledges/" + pledge + "/receive", "photo", "r.jpg", "image/jpeg", NeedFixtures.jpeg(640, 480), o);
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		Answer rated = api.post("/api/v1/pledges/" + pledge + "/rating", "{\"stars\":5,\"thanks\":\"棉被收到了，谢谢好心人\"}", o);
		assertThat(rated.status()).as(rated.body()).isEqualTo(201);
		assertThat(pointsByKind(officer.id())).isEqualTo(Map.of("VERIFIED", 10L, "CONFIRMED", 20L, "RATING", 3L));
		assertThat(pointsByKind(manager.id())).isEqualTo(Map.of("VERIFICATION", 2L, "CONFIRMED_VERIFIER", 5L));

		// rejected: −5 to the poster, the verifier's work on it earns nothing
		long sentBack = posted(api, o, "一台跑步机");
		Answer rejected = api.post("/api/v1/needs/" + sentBack + "/reject", "{\"reason\":\"跑步机不属于帮扶范围\"}", m);
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		assertThat(total(officer.id())).isEqualTo(10 + 20 + 3 - 5);

		// found false: a public report upheld by the manager withdraws the need: −30 to the poster, −10 to the verifier
		long reported = posted(api, o, "三床棉被（不实）");
		verify(api, reported, m);
		Answer report = api.post("/api/v1/needs/" + reported + "/reports", "{\"reason\":\"FALSE_INFO\",\"text\":\"这户家里棉被充足\"}", null);
		assertThat(report.status()).as(report.body()).isIn(200, 201, 202);
		long reportId = jdbc.sql("SELECT id FROM need_report WHERE need_id = ?").param(reported).query(Long.class).single();
		reports.handle(accounts.findById(manager.id()).orElseThrow(), reportId, true, "走访核实：不实");
		assertThat(pointsByKind(officer.id())).isEqualTo(Map.of("VERIFIED", 20L, "CONFIRMED", 20L, "RATING", 3L, "REJECTED", -5L, "FOUND_FALSE", -30L));
		assertThat(pointsByKind(manager.id()))
			.isEqualTo(Map.of("VERIFICATION", 4L, "CONFIRMED_VERIFIER", 5L, "FOUND_FALSE_VERIFIER", -10L));
		long officerTotal = 10 + 20 + 3 - 5 + 10 - 30;
		long managerTotal = 2 + 5 + 2 - 10;
		assertThat(total(officer.id())).isEqualTo(officerTotal);
		assertThat(total(manager.id())).isEqualTo(managerTotal);

		// the same events handed out a second time (the registry retrying a listener) count nothing more
		var at = jdbc.sql("SELECT at FROM assessment_point WHERE account_id = ? AND kind = 'VERIFIED' AND need_id = ?")
			.params(officer.id(), met).query(java.sql.Timestamp.class).single().toInstant();
		listeners.on(new NeedVerified(met, village, "OTHER", officer.id(), manager.id(), at));
		listeners.on(new NeedConfirmed(met, village, "OTHER", officer.id(), manager.id(), at));
		listeners.on(new PledgeRated(pledge, met, true, officer.id(), at));
		assertThat(total(officer.id())).isEqualTo(officerTotal);
		assertThat(total(manager.id())).isEqualTo(managerTotal);

		// the ranking of the village officers of the township, all time, counts them behind the points
		var line = api.get("/api/v1/assessment/rankings?region=" + township + "&level=village&period=all", m).json().get("lines").get(0);
		assertThat(line.get("name").asString()).as("the manager covers the township: full name").isEqualTo("耒阳村官甲");
		assertThat(line.get("points").asLong()).isEqualTo(officerTotal);
		assertThat(List.of(line.get("verified").asLong(), line.get("confirmed").asLong(), line.get("ratings").asLong(),
				line.get("rejected").asLong(), line.get("foundFalse").asLong())).isEqualTo(List.of(2L, 1L, 1L, 1L, 1L));
	}

	@Test
	void aHouseholdPostingItsOwnNeedEarnsNothingAndItsVerifierDoes() {
		ApiClient api = api();
		PointFixtures.Staff officer = PointFixtures.staff(accounts, regions, newPhone(), "耒阳村官丙", Role.VILLAGE_OFFICER, village);
		PointFixtures.Staff manager = PointFixtures.staff(accounts, regions, newPhone(), "耒阳镇管丁", Role.TOWNSHIP_MANAGER, township);
		long household = NeedFixtures.household(jdbc, personalData, village, "耒阳自报户", true);
		String phone = newPhone();
		Answer made = api.post("/api/v1/households/" + household + "/account", "{\"phone\":\"" + phone + "\"}", officer.token(api));
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		long own = made.json().get("accountId").asLong();
		accounts.changePassword(own, DEMO_PASSWORD);
		String h = api.login(phone, DEMO_PASSWORD);

		long need = NeedFixtures.create(api, h, NeedFixtures.quiltNeed(household, "自己报的棉被", 1));
		assertThat(api.post("/api/v1/needs/" + need + "/submit", null, h).status()).isEqualTo(200);
		verify(api, need, manager.token(api));
		assertThat(pointsByKind(own)).as("a household is helped, not assessed").isEmpty();
		assertThat(pointsByKind(manager.id())).isEqualTo(Map.of("VERIFICATION", 2L));
		assertThat(pointsByKind(officer.id())).isEmpty();
	}

	@Test
	void everyRejectionCountsButTheSameRejectionOnlyOnce() {
		ApiClient api = api();
		PointFixtures.Staff officer = PointFixtures.staff(accounts, regions, newPhone(), "耒阳村官戊", Role.VILLAGE_OFFICER, village);
		PointFixtures.Staff manager = PointFixtures.staff(accounts, regions, newPhone(), "耒阳镇管己", Role.TOWNSHIP_MANAGER, township);
		String o = officer.token(api);
		String m = manager.token(api);
		long need = posted(api, o, "被退回两次的棉被");
		assertThat(api.post("/api/v1/needs/" + need + "/reject", "{\"reason\":\"估价偏高\"}", m).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/needs/" + need + "/submit", null, o).status()).isEqualTo(200);
		clock.advance(java.time.Duration.ofMinutes(5));
		assertThat(api.post("/api/v1/needs/" + need + "/reject", "{\"reason\":\"还是偏高\"}", m).status()).isEqualTo(200);
		assertThat(pointsByKind(officer.id())).isEqualTo(Map.of("REJECTED", -10L));
		var first = jdbc.sql("SELECT min(at) FROM assessment_point WHERE account_id = ?").param(officer.id())
			.query(java.sql.Timestamp.class).single().toInstant();
		listeners.on(new org.bangfu.shared.events.NeedRejected(need, village, "OTHER", officer.id(), manager.id(), first));
		assertThat(pointsByKind(officer.id())).isEqualTo(Map.of("REJECTED", -10L));
	}
}
