package org.bangfu.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The period's reward list (奖励名单) for payment: every officer and manager of the region with points above zero, at
 * each station where they earned them, with the reward in fen (points × {@code bangfu.assessment.reward-fen-per-point}).
 * For the county centers and the city office, each within its scope (another county's list is a 404). The list carries
 * full phones, for the payment; drawing it up is logged as a view of personal data.
 */
@Component
public class Rewards {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Accounts accounts;

	private final OperationLog log;

	private final PointSettings settings;

	private final Clock clock;

	Rewards(JdbcClient jdbc, Regions regions, Accounts accounts, OperationLog log, PointSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.accounts = accounts;
		this.log = log;
		this.settings = settings;
		this.clock = clock;
	}

	public record Line(String name, String phone, String station, Role role, long points, long rewardFen) {
	}

	public record RewardList(Region region, RankingPeriod period, long fenPerPoint, List<Line> lines) {

		public long totalPoints() {
			return lines.stream().mapToLong(Line::points).sum();
		}

		public long totalFen() {
			return lines.stream().mapToLong(Line::rewardFen).sum();
		}
	}

	/** Whether the user may draw up reward lists at all (a county center's or the city office's grant). */
	public static boolean mayDrawUp(BangfuUser user) {
		return user != null && (user.has(Role.COUNTY_ADMIN) || user.has(Role.CITY_ADMIN));
	}

	/** The list, for a county or city admin whose admin grant covers the region; the view of the phones is logged. */
	@Transactional
	public RewardList of(BangfuUser user, String region, String period) {
		if (!mayDrawUp(user)) {
			throw new NotPermittedException("assessment.rewards.not-admin");
		}
		RankingPeriod p = RankingPeriod.parse(period, clock);
		Region r = region == null || region.isBlank() ? user.scopeFor(null) : regions.get(Rankings.parse(region));
		boolean covered = user.staffGrants().stream()
			.filter(g -> g.role() == Role.COUNTY_ADMIN || g.role() == Role.CITY_ADMIN)
			.anyMatch((Grant g) -> g.covers(r.code()));
		if (!covered) {
			throw new NotFoundException("region.not-found", r.code());
		}
		List<Line> lines = lines(r, p);
		log.record(user.id(), "assessment.rewards.export", "region:" + r.code(), r.code(),
				"%s %s %d lines".formatted(r.name(), p.key(), lines.size()));
		return new RewardList(r, p, settings.rewardFenPerPoint(), lines);
	}

	private List<Line> lines(Region region, RankingPeriod period) {
		Scope in = Scope.of(region);
		record Row(long accountId, String role, String station, long points) {
		}
		List<Row> rows = in.bind(jdbc.sql("""
				SELECT p.account_id, p.role, coalesce(r.name, p.region_code) AS station, sum(p.points) AS points
				FROM assessment_point p LEFT JOIN region r ON r.code = p.region_code
				WHERE %s AND p.at >= :from AND p.at < :to
				GROUP BY p.account_id, p.role, p.region_code, r.name
				HAVING sum(p.points) > 0
				ORDER BY p.region_code, CASE p.role WHEN 'CITY_ADMIN' THEN 0 WHEN 'COUNTY_ADMIN' THEN 1 WHEN 'TOWNSHIP_MANAGER' THEN 2 ELSE 3 END,
				         points DESC, p.account_id""".formatted(in.sql("p.region_code"))))
			.param("from", Timestamp.from(period.from() == null ? java.time.Instant.parse("2000-01-01T00:00:00Z") : period.from()))
			.param("to", Timestamp.from(period.to() == null ? java.time.Instant.parse("3000-01-01T00:00:00Z") : period.to()))
			.query((rs, n) -> new Row(rs.getLong("account_id"), rs.getString("role"), rs.getString("station"), rs.getLong("points")))
			.list();
		Map<Long, String> names = accounts.namesOf(rows.stream().map(Row::accountId).toList());
		return rows.stream()
			.map(r -> new Line(names.getOrDefault(r.accountId(), ""), accounts.phoneOf(r.accountId()).orElse(""), r.station(),
					Role.valueOf(r.role()), r.points(), Math.multiplyExact(r.points(), settings.rewardFenPerPoint())))
			.toList();
	}
}
