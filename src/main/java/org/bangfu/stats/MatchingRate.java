package org.bangfu.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.bangfu.need.NeedFigures;
import org.bangfu.pledge.Pledges;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * The matching rate (对接率, DESIGN.md §3), the city's headline: of the needs verified in the period
 * and region, the share whose receipt has been confirmed — by count and by value. Needs met by a
 * pledge of staff within their own scope are counted apart (and the rate without them given), so
 * officers cannot raise their own figure by pledging their own villages' needs. The need module gives
 * the needs' figures, the pledge module says which confirmed ones staff met (two queries).
 */
@Component
public class MatchingRate {

	private final NeedFigures needs;

	private final Pledges pledges;

	private final Regions regions;

	private final BangfuProperties properties;

	private final Clock clock;

	public MatchingRate(NeedFigures needs, Pledges pledges, Regions regions, BangfuProperties properties, Clock clock) {
		this.needs = needs;
		this.pledges = pledges;
		this.regions = regions;
		this.properties = properties;
		this.clock = clock;
	}

	public record Rate(String regionCode, Instant from, Instant to, long verified, long confirmed, long confirmedByStaffInScope,
			long verifiedValueFen, long confirmedValueFen, double rate, double valueRate, double rateWithoutStaffInScope) {
	}

	public Rate of(Region region, Instant from, Instant to) {
		NeedFigures.Verified v = needs.verifiedIn(region, from, to);
		long byStaff = pledges.needsReceivedFromStaffInScope(v.confirmedIds());
		return new Rate(region.code(), from, to, v.verified(), v.confirmed(), byStaff, v.verifiedValueFen(), v.confirmedValueFen(),
				ratio(v.confirmed(), v.verified()), ratio(v.confirmedValueFen(), v.verifiedValueFen()),
				ratio(v.confirmed() - byStaff, v.verified()));
	}

	/**
	 * The rate as the public asks for it: a region code (default the deployment's root) and days
	 * {@code [from, to)} in Beijing time, by default the last 30 days up to and including today.
	 */
	public Rate of(String regionCode, LocalDate from, LocalDate to) {
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		LocalDate end = to == null ? LocalDate.now(clock.withZone(zone)).plusDays(1) : to;
		LocalDate start = from == null ? end.minusDays(30) : from;
		if (!start.isBefore(end)) {
			throw new BadInputException("stats.period");
		}
		String code = regionCode == null || regionCode.isBlank() ? properties.rootRegion() : regionCode;
		return of(regions.get(RegionCode.parse(code)), start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
	}

	/** A share in percent with one decimal; 0 when nothing was verified. */
	public static double ratio(long part, long whole) {
		return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
	}
}
