package org.bangfu.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The points ledger ({@code assessment_point}): appends one row per event that earns or costs an officer points. Only
 * staff earn: the account needs a staff grant covering the need's region, and the narrowest such grant is its station
 * (a township manager who also serves a village earns for that village's needs as its officer). Households and donors
 * have none and earn nothing. The same event written twice counts once (the unique key).
 */
@Component
class PointLedger {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final PointSettings settings;

	private final Clock clock;

	PointLedger(JdbcClient jdbc, Accounts accounts, PointSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Awards (or deducts) the kind's points to the account for the need; nothing when the account is not staff where the
	 * need is. {@code ref} tells apart two events of one kind on one need (a pledge's rating, a second rejection).
	 *
	 * @return whether a row was written (false: no staff grant there, or this event was already counted)
	 */
	boolean award(long accountId, PointKind kind, long needId, String needRegion, String ref, Instant at) {
		Optional<Grant> station = accounts.findById(accountId).flatMap(u -> stationFor(u, needRegion));
		if (station.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				INSERT INTO assessment_point (account_id, role, region_code, kind, points, need_id, ref, at, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT ON CONSTRAINT assessment_point_once DO NOTHING""")
			.params(accountId, station.get().role().name(), station.get().region().code(), kind.name(), settings.pointsFor(kind), needId,
					ref == null ? "" : ref, Timestamp.from(at), Timestamp.from(clock.instant()))
			.update() == 1;
	}

	/** The narrowest staff grant covering the region (the lower role when two grants sit at one region). */
	static Optional<Grant> stationFor(BangfuUser user, String needRegion) {
		return user.staffGrants()
			.stream()
			.filter(g -> g.covers(needRegion))
			.max(Comparator.<Grant>comparingInt(g -> g.region().code().length()).thenComparingInt(g -> g.role().ordinal()));
	}
}
