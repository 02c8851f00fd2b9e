package org.bangfu.fund;

import java.time.Instant;

import org.bangfu.pledge.MatchingFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Villages and needs for the fund's tests. Each test class keeps to its own township (so parallel work never shares a
 * village): 430421104 井头镇 statements and gateway, 430421106 金兰镇 payments and grants, 430421107 洪市镇 pages,
 * 430421108 曲兰镇 campaigns, 430421109 金溪镇 the giving and the browser walk.
 */
public final class FundFixtures {

	private FundFixtures() {
	}

	/** The n-th village of the township, emptied of needs, pledges, invitations and gifts (ledger entries stay: append-only). */
	public static String emptyVillage(JdbcClient jdbc, String township, int n) {
		String code = jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code OFFSET ? LIMIT 1").params(township, n)
			.query(String.class)
			.single();
		jdbc.sql("DELETE FROM fund_gift WHERE need_id IN (SELECT id FROM need WHERE region_code = ?)").param(code).update();
		jdbc.sql("DELETE FROM fund_money_line WHERE need_id IN (SELECT id FROM need WHERE region_code = ?)").param(code).update();
		MatchingFixtures.clearVillage(jdbc, code);
		return code;
	}

	/**
	 * A need published three days before {@code now} in the village, with a money line (position 0) of {@code moneyFen} and,
	 * when {@code goods} is positive, a goods line (position 1) of that many units at 100 yuan each.
	 */
	public static long moneyNeed(JdbcClient jdbc, Instant now, String village, String title, long moneyFen, int goods) {
		long id = goods > 0 ? MatchingFixtures.publishedNeed(jdbc, now, village, "MEDICAL", title, new long[] { 1, moneyFen },
				new long[] { goods, goods * 10_000L })
				: MatchingFixtures.publishedNeed(jdbc, now, village, "MEDICAL", title, new long[] { 1, moneyFen });
		jdbc.sql("UPDATE need_item SET money = true, name = '手术费', unit = '项' WHERE need_id = ? AND position = 0").param(id).update();
		return id;
	}
}
