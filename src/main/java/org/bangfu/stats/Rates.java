package org.bangfu.stats;

import org.bangfu.need.NeedRollups;

/**
 * The matching rate of a region and span from the rollups' figures (DESIGN.md §3): needs confirmed ÷ needs verified,
 * by count and by value; the needs met by staff pledging within their own scope are given apart, and the rates without
 * them, so that officers cannot raise their own figure. Shares in percent with one decimal.
 */
public record Rates(long verified, long verifiedValueFen, long confirmed, long confirmedValueFen, long confirmedByStaff,
		long confirmedByStaffValueFen, double rate, double valueRate, double rateWithoutStaff, double valueRateWithoutStaff) {

	/** The city plan's matching target, in percent. */
	public static final int TARGET = 35;

	public static Rates of(NeedRollups.Matching m) {
		if (m == null) {
			return of(new NeedRollups.Matching(0, 0, 0, 0, 0, 0));
		}
		return new Rates(m.verified(), m.verifiedValueFen(), m.confirmed(), m.confirmedValueFen(), m.confirmedByStaff(),
				m.confirmedByStaffValueFen(), MatchingRate.ratio(m.confirmed(), m.verified()),
				MatchingRate.ratio(m.confirmedValueFen(), m.verifiedValueFen()),
				MatchingRate.ratio(m.confirmed() - m.confirmedByStaff(), m.verified()),
				MatchingRate.ratio(m.confirmedValueFen() - m.confirmedByStaffValueFen(), m.verifiedValueFen()));
	}

	/** Whether the rate without staff self-pledges reaches the target: the figure the assessment believes. */
	public boolean meetsTarget() {
		return verified > 0 && rateWithoutStaff >= TARGET;
	}
}
