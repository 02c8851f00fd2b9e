package org.bangfu.need;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.bangfu.shared.ClusterLock;
import org.bangfu.shared.database.ReplicaReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The needs' read models for dashboards and quotas (issue 15), kept up to date by triggers as needs change (V31), so
 * that no figure here reads the needs themselves: {@code need_rollup} counts needs per region of every level, month of
 * verification, category, state and whether staff met them; {@code need_unit_report} counts a reporting unit's needs
 * per day collected, category and day submitted. Both take delta rows, folded together every minute. Months and days
 * are Beijing time.
 */
@Component
public class NeedRollups {

	private static final String CONFIRMED = "state IN ('CONFIRMED', 'CLOSED')";

	private final JdbcClient jdbc;

	private final ClusterLock cluster;

	private final ReplicaReads reads;

	NeedRollups(JdbcClient jdbc, ClusterLock cluster, ReplicaReads reads) {
		this.cluster = cluster;
		this.reads = reads;
		this.jdbc = jdbc;
	}

	/** How many needs and their estimated value. */
	public record Count(long n, long valueFen) {
	}

	/**
	 * The matching figures of needs verified in a span of months: all of them, those confirmed (CONFIRMED, CLOSED), and of
	 * those the ones met by a pledge of staff within their own scope (counted apart, DESIGN.md).
	 */
	public record Matching(long verified, long verifiedValueFen, long confirmed, long confirmedValueFen, long confirmedByStaff,
			long confirmedByStaffValueFen) {

		static final Matching NONE = new Matching(0, 0, 0, 0, 0, 0);
	}

	/** A reporting unit's (station's) reports of a period: needs collected in it and submitted (not rejected), and of those submitted by the deadline. */
	public record UnitReports(long reported, long onTime) {
	}

	/** Every need of the region's subtree by category and state, all time. */
	public Map<NeedCategory, Map<NeedState, Count>> byCategoryAndState(Region region) {
		Map<NeedCategory, Map<NeedState, Count>> figures = new EnumMap<>(NeedCategory.class);
		reads.readEach(db -> db.sql("""
				SELECT category, state, sum(n), sum(value_fen) FROM need_rollup WHERE region_code = ?
				GROUP BY category, state HAVING sum(n) <> 0""")
			.param(region.prefix())
			.query(rs -> {
				figures.computeIfAbsent(NeedCategory.valueOf(rs.getString(1)), c -> new EnumMap<>(NeedState.class))
					.put(NeedState.valueOf(rs.getString(2)), new Count(rs.getLong(3), rs.getLong(4)));
			}));
		return figures;
	}

	/** Matching of the needs verified in the months [from, to] in each of the regions (keyed by code), in one query. */
	public Map<String, Matching> matching(List<Region> regions, YearMonth from, YearMonth to) {
		Map<String, Matching> byCode = new HashMap<>();
		if (regions.isEmpty()) {
			return byCode;
		}
		Map<String, String> codeOfPrefix = new HashMap<>();
		regions.forEach(r -> codeOfPrefix.put(r.prefix(), r.code()));
		reads.readEach(db -> db.sql(MATCHING.formatted("region_code", "region_code IN (:prefixes)"))
			.param("prefixes", codeOfPrefix.keySet())
			.param("from", first(from))
			.param("to", first(to))
			.query(rs -> {
				byCode.put(codeOfPrefix.get(rs.getString(1)), matching(rs));
			}));
		regions.forEach(r -> byCode.putIfAbsent(r.code(), Matching.NONE));
		return byCode;
	}

	/** Matching of the region's needs month by month of their verification, [from, to]; months without needs are absent. */
	public Map<YearMonth, Matching> trend(Region region, YearMonth from, YearMonth to) {
		Map<YearMonth, Matching> byMonth = new TreeMap<>();
		reads.readEach(db -> db.sql(MATCHING.formatted("verified_month", "region_code = :prefix"))
			.param("prefix", region.prefix())
			.param("from", first(from))
			.param("to", first(to))
			.query(rs -> {
				byMonth.put(YearMonth.from(rs.getDate(1).toLocalDate()), matching(rs));
			}));
		return byMonth;
	}

	private static final String MATCHING = """
			SELECT %1$s, sum(n), sum(value_fen),
			       coalesce(sum(n) FILTER (WHERE %3$s), 0), coalesce(sum(value_fen) FILTER (WHERE %3$s), 0),
			       coalesce(sum(n) FILTER (WHERE %3$s AND staff_met), 0), coalesce(sum(value_fen) FILTER (WHERE %3$s AND staff_met), 0)
			FROM need_rollup WHERE %2$s AND verified_month BETWEEN :from AND :to
			GROUP BY %1$s HAVING sum(n) <> 0""".replace("%3$s", CONFIRMED);

	private static Matching matching(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Matching(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
	}

	/**
	 * The reports of every reporting unit (the region code of the station whose staff posted the needs) within the
	 * region's subtree: needs of the given categories collected (created) on days [from, to] and submitted and not
	 * rejected, and those of them submitted no later than the deadline day. Units that reported nothing are absent.
	 */
	public Map<String, UnitReports> reportsWithin(Region region, LocalDate from, LocalDate to, Collection<NeedCategory> categories,
			LocalDate deadline) {
		Map<String, UnitReports> byUnit = new HashMap<>();
		if (categories.isEmpty()) {
			return byUnit;
		}
		Scope in = Scope.of(region);
		in.bind(jdbc.sql("""
				SELECT reporting_unit, sum(n), coalesce(sum(n) FILTER (WHERE submitted_on <= :deadline), 0)
				FROM need_unit_report
				WHERE %s AND collected_on BETWEEN :from AND :to AND category IN (:categories)
				GROUP BY reporting_unit HAVING sum(n) <> 0""".formatted(in.sql("reporting_unit"))))
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("deadline", Date.valueOf(deadline))
			.param("categories", categories.stream().map(NeedCategory::name).toList())
			.query(rs -> {
				byUnit.put(rs.getString(1), new UnitReports(rs.getLong(2), rs.getLong(3)));
			});
		return byUnit;
	}

	private static Date first(YearMonth month) {
		return Date.valueOf(month.atDay(1));
	}

	/** Once across the cluster: the node holding the lock does it, the others skip this tick (see ClusterLock). */
	@Scheduled(fixedDelayString = "${bangfu.needs.figures-compaction:1m}", initialDelayString = "${bangfu.needs.figures-compaction:1m}")
	void compactOncePerCluster() {
		cluster.runIfFree("need.NeedRollups.compact", this::compact);
	}

	/**
	 * Folds the delta rows into one row per key (and drops keys that sum to nothing), looking only at the keys that have
	 * delta rows (a partial index finds them), so the work is what changed since the last fold, not the size of the
	 * tables. Rows are only ever inserted (by the triggers) and replaced here in one statement each, so a reader always
	 * sums to the right figure.
	 */
	public void compact() {
		jdbc.sql("""
				WITH touched AS (SELECT DISTINCT region_code, verified_month, category, state, staff_met FROM need_rollup WHERE delta),
				     gone AS (DELETE FROM need_rollup c USING touched m
				              WHERE c.region_code = m.region_code AND c.verified_month IS NOT DISTINCT FROM m.verified_month
				                AND c.category = m.category AND c.state = m.state AND c.staff_met = m.staff_met
				              RETURNING c.*)
				INSERT INTO need_rollup (region_code, verified_month, category, state, staff_met, n, value_fen, delta)
				SELECT region_code, verified_month, category, state, staff_met, sum(n), sum(value_fen), false FROM gone
				GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(value_fen) <> 0""")
			.update();
		jdbc.sql("""
				WITH touched AS (SELECT DISTINCT reporting_unit, collected_on, category, submitted_on FROM need_unit_report WHERE delta),
				     gone AS (DELETE FROM need_unit_report c USING touched m
				              WHERE c.reporting_unit = m.reporting_unit AND c.collected_on = m.collected_on AND c.category = m.category
				                AND c.submitted_on = m.submitted_on
				              RETURNING c.*)
				INSERT INTO need_unit_report (reporting_unit, collected_on, category, submitted_on, n, delta)
				SELECT reporting_unit, collected_on, category, submitted_on, sum(n), false FROM gone
				GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0""")
			.update();
	}
}
