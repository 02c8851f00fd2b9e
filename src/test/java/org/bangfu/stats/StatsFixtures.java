package org.bangfu.stats;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Hand-made registry households, needs and pledges in 祁东县 (430426), the dashboards' own test region. */
public final class StatsFixtures {

	private StatsFixtures() {
	}

	/** The n-th village of the township (code order). */
	public static String village(JdbcClient jdbc, String township, int n) {
		return jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code OFFSET ? LIMIT 1").params(township, n)
			.query(String.class)
			.single();
	}

	/** A registry household of the village, with an own account (on the platform) when {@code accountId} is given. */
	public static long household(JdbcClient jdbc, org.bangfu.shared.PersonalData personalData, String village, String number, Long accountId) {
		// a real-looking, properly sealed ID number: other tests' staff lists decrypt every household they show
		String idNumber = "430426" + (1950 + Math.floorMod(number.hashCode(), 50)) + "0101" + String.format("%03d", Math.floorMod(number.hashCode(), 1000)) + "X";
		return jdbc.sql("""
				INSERT INTO household (household_number, region_code, head_name, head_id_hash, head_id_cipher, created_at, account_id)
				VALUES (?, ?, '统计测试户', ?, ?, now(), ?) RETURNING id""")
			.params(number, village, personalData.lookupHash(idNumber + number), personalData.encrypt(idNumber), accountId)
			.query(Long.class)
			.single();
	}

	/** A new account that only exists to be a household's own. */
	public static long account(JdbcClient jdbc, org.bangfu.shared.PersonalData personalData, String phone) {
		return jdbc.sql("""
				INSERT INTO account (phone_hash, phone_cipher, name, password_hash, created_at)
				VALUES (?, ?, '统计测试户', 'x', now()) RETURNING id""")
			.params(personalData.lookupHash(phone), personalData.encrypt(phone))
			.query(Long.class)
			.single();
	}

	/**
	 * A need of the village with one item line of the value, in the state given: verified at {@code verifiedAt} unless it
	 * is null (never verified). A need that ends CONFIRMED or CLOSED goes there the way the platform takes it: published,
	 * a pledge received (by staff within their scope or not), then confirmed.
	 */
	public static long need(JdbcClient jdbc, Instant verifiedAt, String village, String category, String state, long valueFen, Boolean pledgeByStaff) {
		long poster = jdbc.sql("SELECT min(id) FROM account").query(Long.class).single();
		boolean ends = state.equals("CONFIRMED") || state.equals("CLOSED");
		Timestamp at = verifiedAt == null ? Timestamp.from(Instant.now()) : Timestamp.from(verifiedAt);
		long id = jdbc.sql("""
				INSERT INTO need (region_code, category, title, story, producer, urgency, state, poster_id, on_behalf, total_quantity,
				                  total_value_fen, created_at, updated_at, published_at, verified_at, search_pairs)
				VALUES (?, ?, '统计测试需求', '统计测试的需求说明', '统计测试合作社', 2, ?, ?, true, 1, ?, ?, ?, ?, ?, ' ') RETURNING id""")
			.params(village, category, ends ? "PLEDGED" : state, poster, valueFen, at, at, verifiedAt == null ? null : at,
					verifiedAt == null ? null : at)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO need_item (need_id, position, name, quantity, unit, value_fen) VALUES (?, 0, '物品', 1, '件', ?)")
			.params(id, valueFen)
			.update();
		if (pledgeByStaff != null) {
			jdbc.sql("""
					INSERT INTO pledge (need_id, region_code, donor_id, state, quantity, value_fen, staff_in_scope, deadline, created_at, received_at)
					VALUES (?, ?, ?, 'RECEIVED', 1, ?, ?, ?, ?, ?)""")
				.params(id, village, poster, valueFen, pledgeByStaff, at, at, at)
				.update();
		}
		if (ends) {
			// the need module marks a need met by staff within their scope when such a pledge arrives (Needs.staffMet)
			jdbc.sql("UPDATE need SET state = ?, staff_met = ?, updated_at = ? WHERE id = ?").params(state, Boolean.TRUE.equals(pledgeByStaff), at, id).update();
		}
		return id;
	}
}
