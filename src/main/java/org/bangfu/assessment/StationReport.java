package org.bangfu.assessment;

/**
 * One station's report for a period: its quota (> 0: a station with nothing expected has no report), the needs it
 * collected that count (submitted, not rejected, of the counted categories, collected in the period) and those of them
 * submitted by the deadline.
 */
public record StationReport(long stationId, String regionCode, String name, int quota, long counted, long onTimeCounted) {

	/** DHIS2's "reported": the counted needs reach the quota. */
	public boolean reported() {
		return counted >= quota;
	}

	/** Reported on time: the needs submitted by the deadline alone reach the quota. */
	public boolean onTime() {
		return onTimeCounted >= quota;
	}

	/** How much of the quota the counted needs fill (never more than the quota). */
	public long attained() {
		return Math.min(counted, quota);
	}

	public long missing() {
		return Math.max(0, quota - counted);
	}
}
