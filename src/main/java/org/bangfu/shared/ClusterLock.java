package org.bangfu.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Work that must not run on two application nodes (or two threads) at the same time: a scheduled task's body, the
 * sending of one exchange link. The lock is a PostgreSQL session advisory lock ({@code pg_try_advisory_lock}) on a
 * connection of its own, held while the body runs and released after it, so the body keeps its own transactions. A
 * node that dies loses its connection and with it the lock: nothing to expire, nothing to clean. Whoever finds the
 * lock taken skips the work (it is not queued): the holder is doing it, and the next tick looks again.
 * <p>
 * It needs a session-level connection to PostgreSQL: not a pooler in transaction mode (PgBouncer) in between.
 */
@Component
public class ClusterLock {

	private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

	private final DataSource dataSource;

	public ClusterLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Runs {@code body} unless the named lock is held elsewhere; true when it ran. */
	public boolean runIfFree(String name, Runnable body) {
		return callIfFree(name, () -> {
			body.run();
			return Boolean.TRUE;
		}).isPresent();
	}

	/** The body's answer, or empty when the named lock is held elsewhere (the body did not run). */
	public <T> Optional<T> callIfFree(String name, Supplier<T> body) {
		try (Connection connection = dataSource.getConnection()) {
			if (!lock(connection, "pg_try_advisory_lock", name)) {
				return Optional.empty();
			}
			try {
				return Optional.ofNullable(body.get());
			}
			finally {
				unlock(connection, name);
			}
		}
		catch (SQLException e) {
			throw new DataAccessResourceFailureException("cluster lock " + name + ": " + e.getMessage(), e);
		}
	}

	private static boolean lock(Connection connection, String function, String name) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement("SELECT " + function + "(hashtextextended(?, 0))")) {
			s.setString(1, "bangfu:" + name);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static void unlock(Connection connection, String name) {
		try {
			if (!lock(connection, "pg_advisory_unlock", name)) {
				log.warn("cluster lock {} was not held at its release", name);
			}
			return;
		}
		catch (SQLException e) {
			log.warn("cluster lock {} could not be released: {}", name, e.toString());
		}
		// the connection must not go back to the pool holding the lock: closing it for good releases it
		try {
			connection.abort(Runnable::run);
		}
		catch (SQLException | RuntimeException e) {
			log.warn("cluster lock {}: connection not aborted: {}", name, e.toString());
		}
	}
}
