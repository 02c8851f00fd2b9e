package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.pledge.MatchingFixtures;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read models of issue 15 (V31) agree with counting the needs themselves, whatever happens to the needs (inserted,
 * moved through states and months, met by staff, deleted), before and after their delta rows are folded together; and a
 * station's reports are the needs its own staff collected and submitted. Township 三湖镇 (430421112) is this test's.
 */
class NeedRollupsTest extends ApplicationTest {

	static final String TOWNSHIP = "430421112";

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	NeedRollups rollups;

	@Autowired
	Regions regions;

	@Autowired
	Accounts accounts;

	List<String> villages;

	@BeforeEach
	void emptyTownship() {
		villages = jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code LIMIT 4").param(TOWNSHIP).query(String.class).list();
		villages.forEach(v -> MatchingFixtures.clearVillage(jdbc, v));
		MatchingFixtures.clearVillage(jdbc, TOWNSHIP);
	}

	/** The random needs are not whole needs (no items, no publication moment): no other test may meet them. */
	@org.junit.jupiter.api.AfterEach
	void leaveNothing() {
		emptyTownship();
	}

	@Test
	void figuresAgreeWithCountingTheNeedsThroughEveryKindOfChange() {
		Random random = new Random(15);
		String[] states = { "DRAFT", "SUBMITTED", "REJECTED", "VERIFIED", "PUBLISHED", "PARTLY_PLEDGED", "PLEDGED", "DELIVERED", "CONFIRMED",
				"CLOSED", "EXPIRED", "WITHDRAWN" };
		String[] categories = { "MEDICAL", "EDUCATION", "HOUSING", "VILLAGE" };
		long poster = jdbc.sql("SELECT min(id) FROM account").query(Long.class).single();
		Instant base = Instant.parse("2026-03-31T17:30:00Z"); // 1:30 on 1 April in Beijing: months are Beijing months
		for (int round = 0; round < 150; round++) {
			int op = random.nextInt(10);
			List<Long> ids = jdbc.sql("SELECT id FROM need WHERE region_code LIKE ? ORDER BY id").param(TOWNSHIP + "%").query(Long.class).list();
			if (op < 4 || ids.isEmpty()) {
				Instant created = base.plusSeconds(random.nextInt(200) * 86_400L - 20 * 86_400L);
				Instant submitted = random.nextBoolean() ? created.plusSeconds(random.nextInt(10) * 86_400L) : null;
				Instant verified = submitted != null && random.nextBoolean() ? submitted.plusSeconds(3600) : null;
				jdbc.sql("""
						INSERT INTO need (region_code, category, title, story, producer, urgency, state, poster_id, on_behalf, total_quantity,
						                  total_value_fen, created_at, updated_at, submitted_at, verified_at, staff_met, reporting_unit, search_pairs)
						VALUES (?, ?, '汇总测试', '汇总测试的需求说明', '测试合作社', 2, ?, ?, true, 1, ?, ?, ?, ?, ?, ?, ?, ' ')""")
					.params(villages.get(random.nextInt(villages.size())), categories[random.nextInt(categories.length)],
							states[random.nextInt(states.length)], poster, 100L * random.nextInt(5000), ts(created), ts(created), ts(submitted),
							ts(verified), random.nextInt(5) == 0, random.nextBoolean() ? villages.get(random.nextInt(villages.size())) : null)
					.update();
			}
			else {
				long id = ids.get(random.nextInt(ids.size()));
				switch (op) {
					case 4, 5 -> jdbc.sql("UPDATE need SET state = ? WHERE id = ?").params(states[random.nextInt(states.length)], id).update();
					case 6 -> jdbc.sql("UPDATE need SET verified_at = ?, submitted_at = coalesce(submitted_at, ?) WHERE id = ?")
						.params(ts(base.plusSeconds(random.nextInt(150) * 86_400L)), ts(base), id).update();
					case 7 -> jdbc.sql("UPDATE need SET staff_met = NOT staff_met, total_value_fen = total_value_fen + 100 WHERE id = ?").param(id).update();
					case 8 -> jdbc.sql("UPDATE need SET pledged_quantity = 0, updated_at = now() WHERE region_code LIKE ?").param(TOWNSHIP + "%").update();
					default -> {
						jdbc.sql("DELETE FROM need_transition WHERE need_id = ?").param(id).update();
						jdbc.sql("DELETE FROM need WHERE id = ?").param(id).update();
					}
				}
			}
			if (round % 50 == 49) {
				assertAgree();
				rollups.compact();
				assertThat(jdbc.sql("SELECT count(*) FROM need_rollup WHERE delta AND region_code LIKE ?").param(TOWNSHIP + "%").query(Long.class).single())
					.as("every delta folded").isZero();
				assertThat(jdbc.sql("""
						SELECT count(*) FROM (SELECT 1 FROM need_rollup WHERE region_code LIKE ?
						GROUP BY region_code, verified_month, category, state, staff_met HAVING count(*) > 1) k""").param(TOWNSHIP + "%")
					.query(Long.class).single()).as("one row per key").isZero();
				assertAgree();
			}
		}
	}

	private void assertAgree() {
		Region township = regions.get(RegionCode.parse(TOWNSHIP));
		Map<String, Long> counted = new HashMap<>();
		jdbc.sql("SELECT category, state, count(*), sum(total_value_fen) FROM need WHERE region_code LIKE ? GROUP BY 1, 2")
			.param(TOWNSHIP + "%")
			.query(rs -> {
				counted.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3) * 1_000_000_000L + rs.getLong(4));
			});
		Map<String, Long> rolled = new HashMap<>();
		rollups.byCategoryAndState(township)
			.forEach((category, byState) -> byState.forEach((state, c) -> rolled.put(category + " " + state, c.n() * 1_000_000_000L + c.valueFen())));
		assertThat(rolled).isEqualTo(counted);

		YearMonth from = YearMonth.of(2026, 3), to = YearMonth.of(2026, 8);
		List<Region> all = new java.util.ArrayList<>(List.of(township));
		villages.forEach(v -> all.add(regions.get(RegionCode.parse(v))));
		Map<String, NeedRollups.Matching> matching = rollups.matching(all, from, to);
		for (Region r : all) {
			assertThat(matching.get(r.code())).as(r.code()).isEqualTo(matchingCounted(r.prefix() + "%", "2026-03-01", "2026-09-01"));
		}
		Map<YearMonth, NeedRollups.Matching> trend = rollups.trend(township, from, to);
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			NeedRollups.Matching expected = matchingCounted(TOWNSHIP + "%", m.atDay(1).toString(), m.plusMonths(1).atDay(1).toString());
			assertThat(trend.getOrDefault(m, new NeedRollups.Matching(0, 0, 0, 0, 0, 0))).as(m.toString()).isEqualTo(expected);
		}

		LocalDate first = LocalDate.of(2026, 4, 1), last = LocalDate.of(2026, 6, 30), deadline = LocalDate.of(2026, 5, 5);
		Map<String, NeedRollups.UnitReports> counts = new HashMap<>();
		jdbc.sql("""
				SELECT reporting_unit, count(*), count(*) FILTER (WHERE (submitted_at AT TIME ZONE 'Asia/Shanghai')::date <= ?)
				FROM need WHERE region_code LIKE ? AND reporting_unit IS NOT NULL AND submitted_at IS NOT NULL
				  AND state NOT IN ('DRAFT', 'REJECTED') AND category IN ('MEDICAL', 'HOUSING')
				  AND (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ? AND ?
				GROUP BY 1""")
			.params(java.sql.Date.valueOf(deadline), TOWNSHIP + "%", java.sql.Date.valueOf(first), java.sql.Date.valueOf(last))
			.query(rs -> {
				counts.put(rs.getString(1), new NeedRollups.UnitReports(rs.getLong(2), rs.getLong(3)));
			});
		assertThat(rollups.reportsWithin(township, first, last, Set.of(NeedCategory.MEDICAL, NeedCategory.HOUSING), deadline)).isEqualTo(counts);
	}

	private NeedRollups.Matching matchingCounted(String like, String from, String to) {
		return jdbc.sql("""
				SELECT count(*), coalesce(sum(total_value_fen), 0),
				       count(*) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED')),
				       coalesce(sum(total_value_fen) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED')), 0),
				       count(*) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED') AND staff_met),
				       coalesce(sum(total_value_fen) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED') AND staff_met), 0)
				FROM need WHERE region_code LIKE ? AND verified_at >= ((?::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
				  AND verified_at < ((?::date)::timestamp AT TIME ZONE 'Asia/Shanghai')""")
			.params(like, from, to)
			.query((rs, n) -> new NeedRollups.Matching(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.single();
	}

	@Test
	void aStationsReportsAreTheNeedsItsOwnStaffCollectedAndSubmitted() {
		ApiClient api = api();
		String village = villages.get(0);
		String officer = staff(Role.VILLAGE_OFFICER, village);
		String manager = staff(Role.TOWNSHIP_MANAGER, TOWNSHIP);
		long byOfficer = post(api, officer, village, "村信息员采集的需求");
		long byManager = post(api, manager, village, "服务站采集的需求");
		long draft = post(api, officer, village, "还没提交的需求");
		assertThat(api.post("/api/v1/needs/" + byOfficer + "/submit", "{}", officer).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/needs/" + byManager + "/submit", "{}", manager).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT reporting_unit FROM need WHERE id = ?").param(draft).query(String.class).single()).isEqualTo(village);

		Region township = regions.get(RegionCode.parse(TOWNSHIP));
		LocalDate today = LocalDate.ofInstant(clock.instant(), BEIJING);
		Set<NeedCategory> village_ = Set.of(NeedCategory.VILLAGE);
		assertThat(rollups.reportsWithin(township, today, today, village_, today))
			.isEqualTo(Map.of(village, new NeedRollups.UnitReports(1, 1), TOWNSHIP, new NeedRollups.UnitReports(1, 1)));
		assertThat(rollups.reportsWithin(township, today, today, village_, today.minusDays(1)))
			.as("submitted after the deadline: reported, not on time")
			.isEqualTo(Map.of(village, new NeedRollups.UnitReports(1, 0), TOWNSHIP, new NeedRollups.UnitReports(1, 0)));
		assertThat(rollups.reportsWithin(township, today, today, Set.of(NeedCategory.MEDICAL), today)).isEmpty();

		// the township manager sends the officer's need back: it no longer counts as reported
		ApiClient.Answer rejected = api.post("/api/v1/needs/" + byOfficer + "/reject", "{\"reason\":\"照片看不清\"}", manager);
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		assertThat(rollups.reportsWithin(township, today, today, village_, today)).isEqualTo(Map.of(TOWNSHIP, new NeedRollups.UnitReports(1, 1)));
		assertThat(rollups.reportsWithin(regions.get(RegionCode.parse(village)), today, today, village_, today)).as("the village's own units only")
			.isEmpty();
	}

	private String staff(Role role, String region) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, "汇总测试员", DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(RegionCode.parse(region)), null);
		return api().login(phone, DEMO_PASSWORD);
	}

	private static long post(ApiClient api, String token, String village, String title) {
		ApiClient.Answer created = api.post("/api/v1/needs", """
				{"category":"VILLAGE","title":"%s","story":"村里饮水管道老化，需要新铺管道并请人施工。","urgency":"NORMAL","regionCode":"%s",
				 "items":[{"kind":"饮水","name":"PE 水管","quantity":100,"unit":"米","valueFen":120000}]}""".formatted(title, village), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		NeedFixtures.photo(api, token, id);
		return id;
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}
}
