package org.bangfu.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.Masking;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 扶贫榜样: the staff of one level within a region, by their points in a period. One line per account and station (an
 * officer moved to another village is ranked at each, as the points were earned there). Ties share a rank (1, 1, 3).
 * Names are shown in full to staff whose scope covers the region, masked to everyone else.
 */
@Component
public class Rankings {

	/** A ranking shows its top lines; a county has a few hundred village points. */
	static final int LIMIT = 500;

	private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

	private static final Instant END = Instant.parse("3000-01-01T00:00:00Z");

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Accounts accounts;

	private final Clock clock;

	private final PointSettings settings;

	Rankings(JdbcClient jdbc, Regions regions, Accounts accounts, Clock clock, PointSettings settings) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.accounts = accounts;
		this.clock = clock;
		this.settings = settings;
	}

	/** What each kind of event is worth (signed), in the order of {@link PointKind}: the page's "how points are counted". */
	public Map<PointKind, Integer> pointValues() {
		Map<PointKind, Integer> values = new java.util.LinkedHashMap<>();
		for (PointKind k : PointKind.values()) {
			values.put(k, settings.pointsFor(k));
		}
		return values;
	}

	/** What a point pays in the reward list, in fen. */
	public long rewardFenPerPoint() {
		return settings.rewardFenPerPoint();
	}

	/** One line: the counts are events, the points their sum after deductions. */
	public record Line(int rank, String name, String regionCode, String station, long points, long verified, long confirmed,
			long ratings, long rejected, long foundFalse) {
	}

	/**
	 * @param up    the region above, for the page's way up (null at the top)
	 * @param below the regions under it, for the way down
	 * @param thisMonth the current month's key, for the page's quick choices
	 */
	public record Ranking(Region region, RankingLevel level, RankingPeriod period, boolean fullNames, List<Line> lines, Region up,
			List<Region> below, String thisMonth) {

		/** Last month's key: the month a reward list is usually drawn up for. */
		public String lastMonth() {
			return java.time.YearMonth.parse(thisMonth).minusMonths(1).toString();
		}

		public String thisYear() {
			return thisMonth.substring(0, 4);
		}
	}

	/** The ranking the request names (texts as typed: 400 when malformed, 404 for an unknown region); the viewer may be null. */
	public Ranking of(String region, String level, String period, BangfuUser viewer) {
		RankingPeriod p = RankingPeriod.parse(period, clock);
		RankingLevel l = RankingLevel.parse(level);
		Region r = region == null || region.isBlank() ? top() : regions.get(parse(region));
		boolean full = viewer != null && viewer.inScope(r.code());
		Region up = r.parentCode() == null || r.parentCode().isBlank() ? null
				: regions.find(new RegionCode(r.parentCode())).orElse(null);
		List<Region> below = regions.children(r.regionCode(), null).stream().map(Regions.RegionNode::region).toList();
		return new Ranking(r, l, p, full, lines(r, l, p, full), up, below,
				java.time.YearMonth.from(clock.instant().atZone(RankingPeriod.CITY)).toString());
	}

	/** The region code as typed; 400 with the region module's message when it is none. */
	static RegionCode parse(String region) {
		return RegionCode.parse(region);
	}

	/** The top of this deployment's tree (the city office's region). */
	Region top() {
		return regions.get(new RegionCode(jdbc.sql("SELECT code FROM region ORDER BY length(code), code LIMIT 1").query(String.class).single()));
	}

	List<Line> lines(Region region, RankingLevel level, RankingPeriod period, boolean fullNames) {
		Scope in = Scope.of(region);
		record Row(int rank, long accountId, String regionCode, String station, long points, long verified, long confirmed, long ratings,
				long rejected, long foundFalse) {
		}
		List<Row> rows = in.bind(jdbc.sql("""
				SELECT rank() OVER (ORDER BY sum(p.points) DESC) AS rank, p.account_id, p.region_code, coalesce(r.name, p.region_code) AS station,
				       sum(p.points) AS points,
				       count(*) FILTER (WHERE p.kind IN ('VERIFIED', 'VERIFICATION')) AS verified,
				       count(*) FILTER (WHERE p.kind IN ('CONFIRMED', 'CONFIRMED_VERIFIER')) AS confirmed,
				       count(*) FILTER (WHERE p.kind = 'RATING') AS ratings,
				       count(*) FILTER (WHERE p.kind = 'REJECTED') AS rejected,
				       count(*) FILTER (WHERE p.kind IN ('FOUND_FALSE', 'FOUND_FALSE_VERIFIER')) AS found_false
				FROM assessment_point p LEFT JOIN region r ON r.code = p.region_code
				WHERE p.role = :role AND %s AND p.at >= :from AND p.at < :to
				GROUP BY p.account_id, p.region_code, r.name
				ORDER BY rank, p.region_code, p.account_id
				LIMIT :limit""".formatted(in.sql("p.region_code"))))
			.param("role", level.role().name())
			.param("from", Timestamp.from(period.from() == null ? BEGINNING : period.from()))
			.param("to", Timestamp.from(period.to() == null ? END : period.to()))
			.param("limit", LIMIT)
			.query((rs, n) -> new Row(rs.getInt("rank"), rs.getLong("account_id"), rs.getString("region_code"), rs.getString("station"),
					rs.getLong("points"), rs.getLong("verified"), rs.getLong("confirmed"), rs.getLong("ratings"), rs.getLong("rejected"),
					rs.getLong("found_false")))
			.list();
		Map<Long, String> names = accounts.namesOf(rows.stream().map(Row::accountId).toList());
		return rows.stream().map(r -> {
			String name = names.getOrDefault(r.accountId(), "");
			return new Line(r.rank(), fullNames ? name : Masking.name(name), r.regionCode(), r.station(), r.points(), r.verified(),
					r.confirmed(), r.ratings(), r.rejected(), r.foundFalse());
		}).toList();
	}
}
