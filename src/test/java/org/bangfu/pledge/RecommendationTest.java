package org.bangfu.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The recommendation order on a small hand-made case, and ratings once per received pledge. */
class RecommendationTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	private long poster() {
		return jdbc.sql("SELECT min(id) FROM account").query(Long.class).single();
	}

	/** An open need of one item straight in the table: what matters here is its urgency, age, pledges and village. */
	private long need(String village, String category, int urgency, int daysAgo, int total, int pledged, long valueFen) {
		Instant published = clock.instant().minus(Duration.ofDays(daysAgo));
		long id = jdbc.sql("""
				INSERT INTO need (region_code, category, title, story, producer, urgency, state, poster_id, on_behalf, total_quantity,
				                  pledged_quantity, total_value_fen, created_at, updated_at, published_at, verified_at, search_pairs)
				VALUES (?, ?, ?, '推荐测试的需求说明', '推荐测试合作社', ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ' ') RETURNING id""")
			.params(village, category, "推荐" + urgency + "-" + daysAgo, urgency, pledged > 0 ? "PARTLY_PLEDGED" : "PUBLISHED", poster(), total,
					pledged, valueFen, Timestamp.from(published), Timestamp.from(published), Timestamp.from(published),
					Timestamp.from(published))
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO need_item (need_id, position, name, quantity, unit, value_fen, pledged_quantity) VALUES (?, 0, '物品', ?, '件', ?, ?)")
			.params(id, total, valueFen, pledged)
			.update();
		return id;
	}

	@Test
	void theDonorSeesFittingNeedsMostUrgentLongestWaitingAndLeastHelpedFirst() {
		List<String> villages = jdbc.sql("SELECT code FROM region WHERE parent_code = '430421101' ORDER BY code LIMIT 3").query(String.class).list();
		String v1 = villages.get(0), v2 = villages.get(1), v3 = villages.get(2);
		jdbc.sql("DELETE FROM need_item WHERE need_id IN (SELECT id FROM need WHERE region_code LIKE '430421101%')").update();
		jdbc.sql("DELETE FROM need WHERE region_code LIKE '430421101%'").update();
		long critical = need(v1, "ELDERLY_CARE", 3, 2, 2, 0, 40000);
		long longWaiting = need(v2, "ELDERLY_CARE", 1, 50, 1, 0, 30000);
		long halfPledged = need(v1, "ELDERLY_CARE", 2, 10, 4, 2, 80000);
		long helpedVillage = need(v3, "ELDERLY_CARE", 2, 10, 1, 0, 20000);
		long overBudget = need(v2, "ELDERLY_CARE", 2, 10, 1, 0, 900000);
		long otherCategory = need(v1, "MEDICAL", 3, 30, 1, 0, 10000);
		long otherTownship = need("430421100203", "ELDERLY_CARE", 3, 30, 1, 0, 10000);
		// v3 was helped often lately: five pledges in the last 90 days
		long helped = need(v3, "ELDERLY_CARE", 1, 80, 5, 5, 50000);
		for (int i = 0; i < 5; i++) {
			jdbc.sql("""
					INSERT INTO pledge (need_id, region_code, donor_id, state, quantity, value_fen, staff_in_scope, deadline, created_at)
					VALUES (?, ?, ?, 'RECEIVED', 1, 10000, false, now(), now() - interval '20 days')""")
				.params(helped, v3, poster())
				.update();
		}
		// the need counts its pledges as the pledge events would have had it count them
		jdbc.sql("UPDATE need SET state = 'PLEDGED', pledges_active = 5, pledges_received = 5 WHERE id = ?").param(helped).update();

		ApiClient api = api();
		String phone = newPhone();
		long donorId = accounts.create(new Accounts.NewAccount(phone, "关爱老人的企业", DEMO_PASSWORD, DonorType.ENTERPRISE, null, null, null));
		String donor = api.login(phone, DEMO_PASSWORD);
		Answer intent = api.put("/api/v1/me/intent",
				"{\"categories\":[\"ELDERLY_CARE\"],\"regionPrefixes\":[\"430421101\"],\"budgetFen\":100000,\"monthly\":true}", donor);
		assertThat(intent.status()).as(intent.body()).isEqualTo(200);

		JsonNode list = api.get("/api/v1/recommendations", donor).json();
		List<Long> order = new ArrayList<>();
		list.forEach(r -> order.add(r.get("needId").asLong()));
		// scores: critical 3+0.07+1.5+1.5+1 = 7.07; longWaiting 1+1.67+1.5+1.5+1 = 6.67;
		// helpedVillage 2+0.33+1.5+0.25+1 = 5.08; overBudget 2+0.33+1.5+1.5+0.11 = 5.44, second of v2 → ×0.7 = 3.81;
		// halfPledged 2+0.33+0.75+1.5+1 = 5.58, second of v1 → ×0.7 = 3.91
		assertThat(order).containsExactly(critical, longWaiting, helpedVillage, halfPledged, overBudget);
		assertThat(order).doesNotContain(otherCategory, otherTownship, helped);
		assertThat(list.get(0).get("reasons").toString()).contains("非常紧急").contains("还没有人认领");
		assertThat(list.get(1).get("reasons").toString()).contains("已等待 50 天");

		// a need the donor has a live pledge on is not recommended to it again (an old pledge: the village counts stay)
		jdbc.sql("""
				INSERT INTO pledge (need_id, region_code, donor_id, state, quantity, value_fen, staff_in_scope, deadline, created_at)
				VALUES (?, ?, ?, 'COMMITTED', 1, 10000, false, now() + interval '30 days', now() - interval '200 days')""")
			.params(critical, v1, donorId)
			.update();
		jdbc.sql("UPDATE need SET pledges_active = pledges_active + 1 WHERE id = ?").param(critical).update();
		List<Long> without = new ArrayList<>();
		api.get("/api/v1/recommendations", donor).json().forEach(r -> without.add(r.get("needId").asLong()));
		// halfPledged is now v1's first: 5.58, before helpedVillage's 5.08
		assertThat(without).containsExactly(longWaiting, halfPledged, helpedVillage, overBudget);
		assertThat(api.put("/api/v1/me/intent", "{\"budgetFen\":0}", donor).status()).isEqualTo(400);
		assertThat(api.put("/api/v1/me/intent", "{\"budgetFen\":100,\"regionPrefixes\":[\"999999\"]}", donor).status()).isEqualTo(400);
	}
}
