package org.bangfu.account;

import org.bangfu.shared.TooManyAttemptsException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits password attempts per phone (5, then 15 minutes' lock) and per client address (by default
 * 20 failures in 15 minutes, then 15 minutes' wait), in the database so that all nodes share them.
 * An attempt is counted <em>before</em> the password is checked, under the counter row's lock: of 100
 * simultaneous wrong passwords only the first five are checked. A success gives the attempt back.
 */
@Component
class LoginThrottle {

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int perPhone;

	private final int perAddress;

	LoginThrottle(JdbcClient jdbc, Clock clock, @Value("${bangfu.login.failures-per-phone:5}") int perPhone,
			@Value("${bangfu.login.failures-per-address:20}") int perAddress) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.perPhone = perPhone;
		this.perAddress = perAddress;
	}

	/** Counts an attempt for the phone's lookup hash and the address; 429 (the same words for any phone) when either is locked. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void attempt(String phoneKey, String address) {
		if (address != null && !reserve("ip:" + address, perAddress)) {
			throw new TooManyAttemptsException("auth.login.address-locked");
		}
		if (!reserve("phone:" + phoneKey, perPhone)) {
			throw new TooManyAttemptsException("auth.login.locked");
		}
	}

	/** The attempt succeeded: the phone's count starts again, the address gets its attempt back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String phoneKey, String address) {
		jdbc.sql("DELETE FROM login_throttle WHERE key = ?").param("phone:" + phoneKey).update();
		if (address != null) {
			jdbc.sql("UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = ? AND locked_until IS NULL")
				.param("ip:" + address)
				.update();
		}
	}

	/** Whether one more attempt may be made on the key; counts it. Locks the key when this attempt reaches the limit. */
	private boolean reserve(String key, int limit) {
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO login_throttle (key, failures, window_start) VALUES (?, 0, ?) ON CONFLICT (key) DO NOTHING")
			.params(key, Timestamp.from(now))
			.update();
		Object[] row = jdbc.sql("SELECT failures, window_start, locked_until FROM login_throttle WHERE key = ? FOR UPDATE")
			.param(key)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant() })
			.single();
		Instant lockedUntil = (Instant) row[2];
		if (lockedUntil != null && lockedUntil.isAfter(now)) {
			return false;
		}
		boolean fresh = lockedUntil != null || ((Instant) row[1]).plus(WINDOW).isBefore(now);
		int failures = fresh ? 1 : (Integer) row[0] + 1;
		jdbc.sql("UPDATE login_throttle SET failures = ?, window_start = ?, locked_until = ? WHERE key = ?")
			.params(failures, Timestamp.from(fresh ? now : (Instant) row[1]), failures >= limit ? Timestamp.from(now.plus(WINDOW)) : null, key)
			.update();
		return true;
	}
}
