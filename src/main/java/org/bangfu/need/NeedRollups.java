package org.bangfu.need;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.region.Region;
import org.springframework.stereotype.Component;

/**
 * The needs' read models for dashboards and quotas (issue 15), kept up to date by triggers as needs change, so that no
 * figure here reads the needs themselves. Months and days are Beijing time.
 * SKELETON: signatures fixed; bodies come next.
 */
@Component
public class NeedRollups {

	/** How many needs and their estimated value. */
	public record Count(long n, long valueFen) {
	}

	/**
	 * The matching figures of needs verified in a span of months: all of them, those confirmed (CONFIRMED, CLOSED), and of
	 * those the ones met by a pledge of staff within their own scope (counted apart, DESIGN.md).
	 */
	public record Matching(long verified, long verifiedValueFen, long confirmed, long confirmedValueFen, long confirmedByStaff,
			long confirmedByStaffValueFen) {
	}

	/** A reporting unit's (station's) reports of a period: needs collected in it and submitted (not rejected), and of those submitted by the deadline. */
	public record UnitReports(long reported, long onTime) {
	}

	/** Every need of the region's subtree by category and state, all time. */
	public Map<NeedCategory, Map<NeedState, Count>> byCategoryAndState(Region region) {
		throw new UnsupportedOperationException("need rollups are not built yet");
	}

	/** Matching of the needs verified in the months [from, to] in each of the regions (keyed by code), in one query. */
	public Map<String, Matching> matching(List<Region> regions, YearMonth from, YearMonth to) {
		throw new UnsupportedOperationException("need rollups are not built yet");
	}

	/** Matching of the region's needs month by month of their verification, [from, to]; months without needs are absent. */
	public Map<YearMonth, Matching> trend(Region region, YearMonth from, YearMonth to) {
		throw new UnsupportedOperationException("need rollups are not built yet");
	}

	/**
	 * The reports of every reporting unit (the region code of the station whose staff posted the needs) within the
	 * region's subtree: needs of the given categories collected (created) on days [from, to] and submitted and not
	 * rejected, and those of them submitted no later than the deadline day. Units that reported nothing are absent.
	 */
	public Map<String, UnitReports> reportsWithin(Region region, LocalDate from, LocalDate to, Set<NeedCategory> categories, LocalDate deadline) {
		throw new UnsupportedOperationException("need rollups are not built yet");
	}
}
