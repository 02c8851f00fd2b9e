package org.bangfu.household;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.bangfu.household.registry.RegistryColumn;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A registry import's report as the importer sees it: the job's status and progress in
 * household_import and its refused rows (line, column, reason) in household_import_problem, in the
 * importer's words. Written outside the import's transaction, so that progress shows while it runs
 * and a failure is still reported after the rollback.
 */
@Component
class RegistryImportReport {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	RegistryImportReport(JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	/** An attempt begins: what an earlier, interrupted attempt reported (progress, refused rows) is cleared. */
	void started(long jobId, Long rowsTotal) {
		jdbc.sql("DELETE FROM household_import_problem WHERE import_id = ?").param(jobId).update();
		jdbc.sql("UPDATE household_import SET started_at = ?, rows_total = ?, rows_read = 0, rows_rejected = 0, error = NULL WHERE id = ?")
			.params(Timestamp.from(clock.instant()), rowsTotal, jobId)
			.update();
	}

	void progress(long jobId, RegistryImportCounts counts) {
		jdbc.sql("UPDATE household_import SET rows_read = ?, rows_rejected = ? WHERE id = ?")
			.params(counts.read, counts.rejected, jobId)
			.update();
	}

	/**
	 * Marks the job done inside the import's own transaction, on its connection, so that the merge and
	 * "done" commit together or not at all; false (and the caller rolls back) if the job is no longer
	 * this attempt's: another node took it over.
	 */
	boolean done(Connection c, RegistryImportClaims.Claim claim, RegistryImportCounts counts) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("""
				UPDATE household_import SET status = 'DONE', finished_at = ?, rows_read = ?, rows_rejected = ?, households = ?,
				    households_new = ?, households_updated = ?, members = ?
				WHERE id = ? AND owner_instance = ? AND attempt = ? AND status = 'RUNNING'""")) {
			Object[] params = { Timestamp.from(clock.instant()), counts.read, counts.rejected, counts.householdsNew + counts.householdsUpdated,
					counts.householdsNew, counts.householdsUpdated, counts.members, claim.jobId(), claim.owner(), claim.attempt() };
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			return ps.executeUpdate() == 1;
		}
	}

	/** Ends the claimed attempt as failed with the message; false if the job is no longer this attempt's. */
	boolean fail(RegistryImportClaims.Claim claim, String message) {
		return jdbc.sql("""
				UPDATE household_import SET status = 'FAILED', error = ?, finished_at = ?
				WHERE id = ? AND owner_instance = ? AND attempt = ? AND status IN ('QUEUED', 'RUNNING')""")
			.params(message, Timestamp.from(clock.instant()), claim.jobId(), claim.owner(), claim.attempt())
			.update() == 1;
	}

	/** Saves the refused rows collected so far (line, column, message each) and empties the list. */
	void saveProblems(long jobId, List<Object[]> problems) {
		if (problems.isEmpty()) {
			return;
		}
		for (Object[] p : problems) {
			jdbc.sql("INSERT INTO household_import_problem (import_id, line, column_name, message) VALUES (?, ?, ?, ?)")
				.params(jobId, p[0], p[1], p[2])
				.update();
		}
		problems.clear();
	}

	/** A column's header as the importer's files name it. */
	String columnName(RegistryColumn column) {
		return column == null ? null : messages.getMessage("registry.column." + column.name(), null, column.name(), Locale.SIMPLIFIED_CHINESE);
	}

	String text(String key, Object[] args) {
		return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
	}
}
