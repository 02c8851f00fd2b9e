package org.bangfu.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff and published needs of 雁峰区 (430406), the region only the supervision tests use. */
final class SupervisionFixtures {

	static final String COUNTY = "430406";

	static final String TOWNSHIP = "430406001"; // 先锋街道

	private SupervisionFixtures() {
	}

	/** A new account with one grant; answers its id. */
	static long staff(Accounts accounts, JdbcClient jdbc, String phone, String name, String role, String region) {
		accounts.create(new Accounts.NewAccount(phone, name, ApplicationTest.DEMO_PASSWORD, null, null, null, null));
		long id = accounts.findByPhone(phone).orElseThrow().id();
		jdbc.sql("INSERT INTO role_grant (account_id, role, region_code, granted_at) VALUES (?, ?, ?, now())").params(id, role, region).update();
		return id;
	}

	/** Takes the village's earlier needs out of every population (the tests of this class share the database). */
	static void emptyVillage(JdbcClient jdbc, String village) {
		jdbc.sql("UPDATE need SET state = 'WITHDRAWN' WHERE region_code = ? AND state <> 'WITHDRAWN'").param(village).update();
	}

	/** A need published three days before {@code now} by the poster, verified by the verifier: {@code quantity} items of 100 yuan. */
	static long publishedNeed(JdbcClient jdbc, Instant now, String village, String category, String title, long poster, long verifier,
			int quantity) {
		Instant at = now.minus(Duration.ofDays(3));
		long id = jdbc.sql("""
				INSERT INTO need (region_code, category, title, story, producer, urgency, state, poster_id, on_behalf, total_quantity,
				                  total_value_fen, created_at, updated_at, published_at, verified_at, verified_by, search_pairs)
				VALUES (?, ?, ?, '督查测试的需求说明', '督查测试合作社', 2, 'PUBLISHED', ?, false, ?, ?, ?, ?, ?, ?, ?, ' ') RETURNING id""")
			.params(village, category, title, poster, quantity, quantity * 10000L, Timestamp.from(at), Timestamp.from(at), Timestamp.from(at),
					Timestamp.from(at), verifier)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO need_item (need_id, position, name, quantity, unit, value_fen) VALUES (?, 0, '棉被', ?, '床', ?)")
			.params(id, quantity, quantity * 10000L)
			.update();
		return id;
	}
}
