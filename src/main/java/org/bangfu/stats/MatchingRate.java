package org.bangfu.stats;

import java.sql.Timestamp;
import java.time.Instant;

import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The matching rate (对接率, DESIGN.md §3), the city's headline: of the needs verified in the period
 * and region, the share whose receipt has been confirmed — by count and by value. Needs met by a
 * pledge of staff within their own scope are counted apart (and the rate without them given), so
 * officers cannot raise their own figure by pledging their own villages' needs.
 */
@Component
public class MatchingRate {

	private final JdbcClient jdbc;

	public MatchingRate(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Rate(String regionCode, Instant from, Instant to, long verified, long confirmed, long confirmedByStaffInScope,
			long verifiedValueFen, long confirmedValueFen, double rate, double valueRate, double rateWithoutStaffInScope) {
	}

	public Rate of(Region region, Instant from, Instant to) {
		record Row(long verified, long confirmed, long byStaff, long verifiedValue, long confirmedValue) {
		}
		Scope scope = Scope.of(region);
		Row r = scope.bind(jdbc.sql("""
				SELECT count(*) AS verified,
				       count(*) FILTER (WHERE n.state IN ('CONFIRMED', 'CLOSED')) AS confirmed,
				       count(*) FILTER (WHERE n.state IN ('CONFIRMED', 'CLOSED') AND EXISTS (
				           SELECT 1 FROM pledge p WHERE p.need_id = n.id AND p.state = 'RECEIVED' AND p.staff_in_scope)) AS by_staff,
				       coalesce(sum(n.total_value_fen), 0) AS verified_value,
				       coalesce(sum(n.total_value_fen) FILTER (WHERE n.state IN ('CONFIRMED', 'CLOSED')), 0) AS confirmed_value
				FROM need n
				WHERE %s AND n.verified_at >= :from AND n.verified_at < :to""".formatted(scope.sql("n.region_code"))))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Row(rs.getLong("verified"), rs.getLong("confirmed"), rs.getLong("by_staff"), rs.getLong("verified_value"),
					rs.getLong("confirmed_value")))
			.single();
		return new Rate(region.code(), from, to, r.verified(), r.confirmed(), r.byStaff(), r.verifiedValue(), r.confirmedValue(),
				ratio(r.confirmed(), r.verified()), ratio(r.confirmedValue(), r.verifiedValue()),
				ratio(r.confirmed() - r.byStaff(), r.verified()));
	}

	/** A share in percent with one decimal; 0 when nothing was verified. */
	public static double ratio(long part, long whole) {
		return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
	}
}
