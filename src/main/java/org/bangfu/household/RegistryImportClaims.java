package org.bangfu.household;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.bangfu.shared.AppInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who works on a registry import job when several nodes share the database. A job belongs to one
 * application instance (owner_instance) from its upload on; the owner keeps heartbeat_at fresh while
 * the job waits in its queue or runs. A node picks a job only through {@code FOR UPDATE SKIP LOCKED},
 * so two nodes never get the same one, and every write that ends a run names the owner and the
 * attempt it started: a node that lost its job (paused past dead-after, taken over) changes nothing.
 * Times are the database's, one clock for all nodes.
 */
@Component
class RegistryImportClaims {

	/** A job as one attempt of one instance holds it. */
	record Claim(long jobId, String owner, int attempt, String regionCode, String fileName, String uploadName) {
	}

	private static final String RETURNING = " RETURNING id, owner_instance, attempt, region_code, file_name, upload_name";

	private final JdbcClient jdbc;

	private final AppInstance instance;

	private final Clock clock;

	RegistryImportClaims(JdbcClient jdbc, AppInstance instance, Clock clock) {
		this.jdbc = jdbc;
		this.instance = instance;
		this.clock = clock;
	}

	String self() {
		return instance.id();
	}

	/** Queues a new job with this instance, its upload kept under the given name. */
	long queue(long accountId, String regionCode, String fileName, String uploadName) {
		return jdbc.sql("""
				INSERT INTO household_import (account_id, region_code, file_name, status, created_at, upload_name, owner_instance, heartbeat_at)
				VALUES (?, ?, ?, 'QUEUED', ?, ?, ?, clock_timestamp()) RETURNING id""")
			.params(accountId, regionCode, fileName, Timestamp.from(clock.instant()), uploadName, self())
			.query(Long.class)
			.single();
	}

	/** Starts a job queued with this instance: RUNNING, one attempt more; empty when it is no longer ours to start. */
	Optional<Claim> start(long jobId) {
		return jdbc.sql("""
				UPDATE household_import SET status = 'RUNNING', attempt = attempt + 1, heartbeat_at = clock_timestamp()
				WHERE id = (SELECT id FROM household_import WHERE id = ? AND status = 'QUEUED' AND owner_instance = ?
				            FOR UPDATE SKIP LOCKED)""" + RETURNING)
			.params(jobId, self())
			.query(RegistryImportClaims::claim)
			.optional();
	}

	/**
	 * Takes over the oldest open job (queued or running) whose owner has not beaten for longer than
	 * deadAfter, for {@code by}: it is queued with that instance, attempt unchanged until it starts.
	 */
	Optional<Claim> takeOverOne(String by, Duration deadAfter) {
		return jdbc.sql("""
				UPDATE household_import SET status = 'QUEUED', owner_instance = ?, heartbeat_at = clock_timestamp()
				WHERE id = (SELECT id FROM household_import
				            WHERE status IN ('QUEUED', 'RUNNING')
				              AND (heartbeat_at IS NULL OR heartbeat_at < clock_timestamp() - make_interval(secs => ?))
				            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)""" + RETURNING)
			.params(by, deadAfter.toMillis() / 1000.0)
			.query(RegistryImportClaims::claim)
			.optional();
	}

	/** This instance is alive: every job queued with it or running on it says so. */
	int beat() {
		return jdbc.sql("UPDATE household_import SET heartbeat_at = clock_timestamp() WHERE owner_instance = ? AND status IN ('QUEUED', 'RUNNING')")
			.param(self())
			.update();
	}

	/**
	 * A node stopping in order gives its open jobs up at once: no owner, so an attempt of its still
	 * running can end nothing, and no heartbeat, so another node takes them at its next tick.
	 */
	int release() {
		return jdbc.sql("""
				UPDATE household_import SET owner_instance = NULL, heartbeat_at = NULL
				WHERE owner_instance = ? AND status IN ('QUEUED', 'RUNNING')""")
			.param(self())
			.update();
	}

	private static Claim claim(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Claim(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6));
	}
}
