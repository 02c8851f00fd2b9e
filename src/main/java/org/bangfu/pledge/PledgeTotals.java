package org.bangfu.pledge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.shared.DonorPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only sums of pledges made by donors within periods (a social organisation's members while members, the accounts
 * an ambassador brought): for the team module, which may not read the pledge table. A pledge counts once it is made and
 * until it is cancelled or lapses; its value is "delivered" once received. A pledge inside two periods counts once.
 */
@Component
public class PledgeTotals {

	/** Pledges, distinct households they help, the value pledged and the value of those received, in fen. */
	public record Totals(long pledges, long households, long valuePledgedFen, long valueDeliveredFen) {

		public static final Totals NONE = new Totals(0, 0, 0, 0);
	}

	/** One pledge as a public list may show it: no names, the village's code. */
	public record Made(long pledgeId, long donorId, long needId, String regionCode, long valueFen, boolean delivered, Instant at) {
	}

	private static final String COUNTED = "p.state NOT IN ('CANCELLED', 'LAPSED')";

	private final JdbcClient jdbc;

	PledgeTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static String within() {
		// Driven by the periods (a few) through pledge_donor_idx, not by a scan of every pledge; IN counts a pledge once.
		return "p.id IN (SELECT q.id FROM " + DonorPeriod.table("w")
				+ " JOIN pledge q ON q.donor_id = w.donor_id AND q.created_at >= w.from_at AND q.created_at < w.until_at)";
	}

	private static Object[] params(Collection<DonorPeriod> periods) {
		return new Object[] { DonorPeriod.donors(periods), DonorPeriod.starts(periods), DonorPeriod.ends(periods) };
	}

	/** All the periods' pledges together. */
	public Totals of(Collection<DonorPeriod> periods) {
		if (periods.isEmpty()) {
			return Totals.NONE;
		}
		return jdbc.sql("SELECT count(*), count(DISTINCT p.household_id), coalesce(sum(p.value_fen), 0),"
				+ " coalesce(sum(p.value_fen) FILTER (WHERE p.state = 'RECEIVED'), 0) FROM pledge p WHERE " + COUNTED + " AND " + within())
			.params(params(periods))
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/** The periods' pledges per donor (donors without any are absent). */
	public Map<Long, Totals> perDonor(Collection<DonorPeriod> periods) {
		Map<Long, Totals> totals = new HashMap<>();
		if (periods.isEmpty()) {
			return totals;
		}
		jdbc.sql("SELECT p.donor_id, count(*), count(DISTINCT p.household_id), coalesce(sum(p.value_fen), 0),"
				+ " coalesce(sum(p.value_fen) FILTER (WHERE p.state = 'RECEIVED'), 0) FROM pledge p WHERE " + COUNTED + " AND " + within()
				+ " GROUP BY p.donor_id")
			.params(params(periods))
			.query((rs, n) -> totals.put(rs.getLong(1), new Totals(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))))
			.list();
		return totals;
	}

	/** The newest pledges of the periods, newest first. */
	public List<Made> recent(Collection<DonorPeriod> periods, int limit) {
		if (periods.isEmpty()) {
			return List.of();
		}
		Object[] p = params(periods);
		return jdbc.sql("SELECT p.id, p.donor_id, p.need_id, p.region_code, p.value_fen, p.state, p.created_at FROM pledge p WHERE " + COUNTED
				+ " AND " + within() + " ORDER BY p.created_at DESC, p.id DESC LIMIT ?")
			.params(p[0], p[1], p[2], limit)
			.query((rs, n) -> new Made(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
					"RECEIVED".equals(rs.getString(6)), ((Timestamp) rs.getTimestamp(7)).toInstant()))
			.list();
	}
}
