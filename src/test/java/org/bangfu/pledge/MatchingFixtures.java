package org.bangfu.pledge;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Villages of 杉桥镇 that no other test uses, and published needs put straight in the table, for the campaign tests. */
public final class MatchingFixtures {

	private MatchingFixtures() {
	}

	/** A new individual donor named 爱心人士 and the phone's last four digits; answers its API token. */
	public static String newDonor(org.bangfu.account.Accounts accounts, org.bangfu.ApiClient api, String phone) {
		accounts.create(new org.bangfu.account.Accounts.NewAccount(phone, "爱心人士" + phone.substring(7), org.bangfu.ApplicationTest.DEMO_PASSWORD,
				org.bangfu.account.DonorType.INDIVIDUAL, null, null, null));
		return api.login(phone, org.bangfu.ApplicationTest.DEMO_PASSWORD);
	}

	/** The n-th village of 杉桥镇, emptied of needs, pledges and invitations. Each test class keeps to its own numbers. */
	public static String emptyVillage(JdbcClient jdbc, int n) {
		String code = jdbc.sql("SELECT code FROM region WHERE parent_code = '430421103' ORDER BY code OFFSET ? LIMIT 1").param(n)
			.query(String.class)
			.single();
		clearVillage(jdbc, code);
		return code;
	}

	/** Removes the village's needs with their pledges and invitations. */
	public static void clearVillage(JdbcClient jdbc, String code) {
		jdbc.sql("DELETE FROM campaign_invitation WHERE need_id IN (SELECT id FROM need WHERE region_code = ?)").param(code).update();
		for (String table : new String[] { "pledge_transition", "pledge_item", "pledge_rating", "pledge_feedback", "pledge_message" }) {
			jdbc.sql("DELETE FROM " + table + " WHERE pledge_id IN (SELECT id FROM pledge WHERE region_code = ?)").param(code).update();
		}
		jdbc.sql("DELETE FROM pledge WHERE region_code = ?").param(code).update();
		jdbc.sql("DELETE FROM need_transition WHERE need_id IN (SELECT id FROM need WHERE region_code = ?)").param(code).update();
		jdbc.sql("DELETE FROM need_item WHERE need_id IN (SELECT id FROM need WHERE region_code = ?)").param(code).update();
		jdbc.sql("DELETE FROM need WHERE region_code = ?").param(code).update();
	}

	/** A need published three days before {@code now}, with item lines of (quantity, the line's value in fen). */
	public static long publishedNeed(JdbcClient jdbc, Instant now, String village, String category, String title, long[]... lines) {
		Instant at = now.minus(Duration.ofDays(3));
		int total = 0;
		long value = 0;
		for (long[] l : lines) {
			total += (int) l[0];
			value += l[1];
		}
		long poster = jdbc.sql("SELECT min(id) FROM account").query(Long.class).single();
		long id = jdbc.sql("""
				INSERT INTO need (region_code, category, title, story, producer, urgency, state, poster_id, on_behalf, total_quantity,
				                  total_value_fen, created_at, updated_at, published_at, verified_at, search_pairs)
				VALUES (?, ?, ?, '活动测试的需求说明', '活动测试合作社', 2, 'PUBLISHED', ?, true, ?, ?, ?, ?, ?, ?, ' ') RETURNING id""")
			.params(village, category, title, poster, total, value, Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), Timestamp.from(at))
			.query(Long.class)
			.single();
		for (int p = 0; p < lines.length; p++) {
			jdbc.sql("INSERT INTO need_item (need_id, position, name, quantity, unit, value_fen) VALUES (?, ?, ?, ?, '件', ?)")
				.params(id, p, "物品" + p, (int) lines[p][0], lines[p][1])
				.update();
		}
		return id;
	}
}
