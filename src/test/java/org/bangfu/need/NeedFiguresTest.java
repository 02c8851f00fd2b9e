package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.need.NeedFixtures.*;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The need figures of region pages are what counting the needs would give, at every level, before and after folding the deltas. */
class NeedFiguresTest extends ApplicationTest {

	private static final String[] LEVELS = { "", "43", "4304", "430421", "430421105", "430421100203" };

	@Autowired
	NeedFigures figures;

	@Autowired
	Regions regions;

	private void countsAgreeWithTheNeeds() {
		for (String prefix : LEVELS) {
			java.util.Map<String, Long> counted = new java.util.HashMap<>();
			jdbc.sql("SELECT state, count(*) FROM need WHERE region_code LIKE ? || '%' GROUP BY state").param(prefix)
				.query(rs -> {
					counted.put(rs.getString(1), rs.getLong(2));
				});
			java.util.Map<String, Long> kept = new java.util.HashMap<>();
			jdbc.sql("SELECT state, sum(n) FROM need_state_count WHERE region_code = ? GROUP BY state HAVING sum(n) <> 0").param(prefix)
				.query(rs -> {
					kept.put(rs.getString(1), rs.getLong(2));
				});
			assertThat(kept).as("region '%s'", prefix).isEqualTo(counted);
		}
	}

	@Test
	void theFiguresFollowPublicationPledgeAndWithdrawalAtEveryLevelAndSurviveFolding() {
		String village = jdbc.sql("SELECT code FROM region WHERE parent_code = '430421105' ORDER BY code LIMIT 1").query(String.class).single();
		var township = regions.get(RegionCode.parse("430421105"));
		NeedFigures.Figures before = figures.of(township);

		ApiClient api = api();
		String county = api.login(COUNTY, DEMO_PASSWORD);
		String city = api.login(CITY, DEMO_PASSWORD);
		long[] ids = new long[2];
		for (int i = 0; i < 2; i++) {
			Answer created = api.post("/api/v1/needs", """
					{"category":"OTHER","title":"合作社农资 %d","story":"合作社为缺劳力的老人代种口粮田，需要化肥。","producer":"统计测试合作社",
					 "regionCode":"%s","items":[{"kind":"农资","name":"复合肥","quantity":2,"unit":"袋","valueFen":24000}]}""".formatted(i, village), county);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			ids[i] = created.json().get("id").asLong();
			assertThat(api.post("/api/v1/needs/" + ids[i] + "/submit", null, county).status()).isEqualTo(200);
			assertThat(api.post("/api/v1/needs/" + ids[i] + "/verify", VERIFY_REASON, city).status()).isEqualTo(200);
		}
		assertThat(figures.of(township)).isEqualTo(new NeedFigures.Figures(before.open() + 2, before.pledged(), before.confirmed()));
		assertThat(figures.openIn(java.util.List.of(township, regions.get(RegionCode.parse(village)))))
			.containsEntry("430421105", before.open() + 2).containsEntry(village, 2L);

		String donor = api.login(DONOR, DEMO_PASSWORD);
		Answer pledged = api.postWithHeader("/api/v1/needs/" + ids[0] + "/pledges", "{\"quantity\":2}", donor, "Idempotency-Key",
				java.util.UUID.randomUUID().toString());
		assertThat(pledged.status()).as(pledged.body()).isEqualTo(201);
		assertThat(api.post("/api/v1/needs/" + ids[1] + "/withdraw", "{\"reason\":\"合作社已自行解决\"}", county).status()).isEqualTo(200);
		assertThat(figures.of(township)).isEqualTo(new NeedFigures.Figures(before.open(), before.pledged() + 1, before.confirmed()));
		countsAgreeWithTheNeeds();

		figures.compact();
		assertThat(jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM need_state_count GROUP BY region_code, state HAVING count(*) > 1) x")
			.query(Long.class).single()).as("one row per region and state once folded").isZero();
		countsAgreeWithTheNeeds();
		assertThat(figures.of(township)).isEqualTo(new NeedFigures.Figures(before.open(), before.pledged() + 1, before.confirmed()));
	}
}
