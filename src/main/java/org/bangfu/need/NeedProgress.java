package org.bangfu.need;

import java.util.List;

/**
 * How far a need is pledged. Its lines are in different units (1,200 m of pipe and one day of work), so
 * quantities are never added up: the share is by value, each line's value pro rata of its pledged
 * quantity (as a pledge's value is counted), and only for a need of no stated value the mean share of
 * its lines. Percentages are rounded down, so 100% means all of it.
 */
public final class NeedProgress {

	private NeedProgress() {
	}

	/** The pledged value of the lines, in fen (each line rounded down, as {@link NeedPledging} values a pledge). */
	public static long pledgedValueFen(List<NeedItem> items) {
		return items.stream().mapToLong(i -> i.valueFen() * i.pledgedQuantity() / i.quantity()).sum();
	}

	/** The mean share of the lines pledged, in percent (rounded down per line). */
	static int lineShare(List<NeedItem> items) {
		return items.isEmpty() ? 0 : (int) items.stream().mapToLong(i -> i.pledgedQuantity() * 100L / i.quantity()).sum() / items.size();
	}

	/** The percentage pledged: by value, or by the lines' mean share when the need has no stated value. */
	public static int percent(long pledgedValueFen, long totalValueFen, int lineShare) {
		if (totalValueFen <= 0) {
			return Math.max(0, Math.min(100, lineShare));
		}
		return (int) Math.max(0, Math.min(100, pledgedValueFen * 100 / totalValueFen));
	}

	static int percent(List<NeedItem> items) {
		return percent(pledgedValueFen(items), items.stream().mapToLong(NeedItem::valueFen).sum(), lineShare(items));
	}
}
