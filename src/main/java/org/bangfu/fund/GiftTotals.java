package org.bangfu.fund;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bangfu.shared.DonorPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only sums of the money donors gave through the fund within periods (for the team module: a social organisation's
 * members, the accounts an ambassador brought). A gift counts when it was made within the period and its money arrived
 * and stayed with the fund (received, or pooled when its need ended); promised, lapsed, cancelled and refunded gifts do
 * not.
 */
@Component
public class GiftTotals {

	/** Gifts and their money in fen. */
	public record Totals(long gifts, long amountFen) {

		public static final Totals NONE = new Totals(0, 0);
	}

	private static final String COUNTED = "g.state IN ('RECEIVED', 'POOLED')";

	private final JdbcClient jdbc;

	GiftTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static String within() {
		// Driven by the periods (a few) through fund_gift_donor_idx, not by a scan of every gift; IN counts a gift once.
		return "g.id IN (SELECT h.id FROM " + DonorPeriod.table("w")
				+ " JOIN fund_gift h ON h.donor_id = w.donor_id AND h.created_at >= w.from_at AND h.created_at < w.until_at)";
	}

	/** All the periods' gifts together; a gift inside two periods counts once. */
	public Totals of(Collection<DonorPeriod> periods) {
		if (periods.isEmpty()) {
			return Totals.NONE;
		}
		return jdbc.sql("SELECT count(*), coalesce(sum(g.amount_fen), 0) FROM fund_gift g WHERE " + COUNTED + " AND " + within())
			.params(DonorPeriod.donors(periods), DonorPeriod.starts(periods), DonorPeriod.ends(periods))
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** The periods' gifts per donor (donors without any are absent). */
	public Map<Long, Totals> perDonor(Collection<DonorPeriod> periods) {
		Map<Long, Totals> totals = new HashMap<>();
		if (periods.isEmpty()) {
			return totals;
		}
		jdbc.sql("SELECT g.donor_id, count(*), coalesce(sum(g.amount_fen), 0) FROM fund_gift g WHERE " + COUNTED + " AND " + within()
				+ " GROUP BY g.donor_id")
			.params(DonorPeriod.donors(periods), DonorPeriod.starts(periods), DonorPeriod.ends(periods))
			.query((rs, n) -> totals.put(rs.getLong(1), new Totals(rs.getLong(2), rs.getLong(3))))
			.list();
		return totals;
	}
}
