package org.bangfu.household;

import org.bangfu.shared.NotPermittedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.household.registry.RegistryFile;
import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registry import jobs: an uploaded file is kept under the data directory, a job row tracks it, and
 * one background worker per node imports the jobs queued with it one at a time ({@link RegistryImportRun}),
 * so a big county file does not starve the web requests of a two-core machine. With several nodes a job
 * belongs to one of them and is taken over when that node stops ({@link RegistryImportWorker}).
 */
@Component
public class RegistryImports {

	public enum Status {
		QUEUED, RUNNING, DONE, FAILED
	}

	public record Job(long id, long accountId, String regionCode, String fileName, Status status, Long rowsTotal, long rowsRead,
			long rowsRejected, long households, long householdsNew, long householdsUpdated, long members, String error, Instant createdAt,
			Instant finishedAt) {

		/** Percent done, when the total is known (CSV); null for spreadsheets until they finish. */
		public Integer percent() {
			if (status == Status.DONE) {
				return 100;
			}
			if (rowsTotal == null || rowsTotal == 0) {
				return null;
			}
			return (int) Math.min(99, rowsRead * 100 / rowsTotal);
		}
	}

	public record Problem(int line, String column, String message) {
	}

	private final JdbcClient jdbc;

	private final RegistryImportClaims claims;

	private final RegistryImportWorker worker;

	private final OperationLog operationLog;

	private final Path uploads;

	RegistryImports(JdbcClient jdbc, RegistryImportClaims claims, RegistryImportWorker worker, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.claims = claims;
		this.worker = worker;
		this.operationLog = operationLog;
		this.uploads = worker.uploads();
	}

	/** Who may import: the city office, county centers and township managers, into their own scope. */
	public static boolean mayImport(BangfuUser user) {
		return user.has(Role.CITY_ADMIN) || user.has(Role.COUNTY_ADMIN) || user.has(Role.TOWNSHIP_MANAGER);
	}

	/** Keeps the upload and queues its import into the scope; answers the job id at once. */
	public long submit(BangfuUser user, Region scope, String fileName, InputStream content) {
		if (!mayImport(user)) {
			throw new NotPermittedException("import.forbidden");
		}
		// the name as the uploader's system gave it, without its folders and without control characters (a NUL in it
		// once answered 500): it is only shown back, never used as a path here
		String cleaned = fileName == null ? "" : fileName.replaceAll("\\p{Cntrl}", "").replace('\\', '/');
		cleaned = cleaned.substring(cleaned.lastIndexOf('/') + 1).strip();
		String name = cleaned.isEmpty() ? "upload" : cleaned;
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		Path stored;
		try {
			Files.createDirectories(uploads);
			stored = uploads.resolve(UUID.randomUUID() + ".upload");
			try (InputStream in = content) {
				Files.copy(in, stored);
			}
			if (Files.size(stored) == 0) {
				Files.delete(stored);
				throw new BadInputException("import.empty");
			}
			// what can be told at once is told at once: not a CSV/XLSX/XLS, damaged, no header
			try (RegistryFile probe = RegistryFile.open(stored, name)) {
				probe.columns();
			}
			catch (RuntimeException e) {
				Files.deleteIfExists(stored);
				throw e;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		long id = claims.queue(user.id(), scope.code(), name, stored.getFileName().toString());
		operationLog.record(user.id(), "registry.import", "import:" + id, scope.code(), name);
		worker.enqueue(id);
		return id;
	}

	/** The job, if the user's scope contains the region it was imported into. */
	public Job get(BangfuUser user, long id) {
		return jdbc.sql("SELECT * FROM household_import WHERE id = ?")
			.param(id)
			.query(RegistryImports::job)
			.optional()
			.filter(j -> user.inScope(j.regionCode()))
			.orElseThrow(() -> new NotFoundException("import.not-found"));
	}

	public List<Job> recent(Region scope) {
		Scope in = Scope.of(scope);
		return in.bind(jdbc.sql("SELECT * FROM household_import WHERE " + in.sql("region_code") + " ORDER BY id DESC LIMIT 20"))
			.query(RegistryImports::job)
			.list();
	}

	public List<Problem> problems(long jobId, int limit) {
		return jdbc.sql("SELECT line, column_name, message FROM household_import_problem WHERE import_id = ? ORDER BY line LIMIT ?")
			.params(jobId, limit)
			.query((rs, n) -> new Problem(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	static Job job(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Job(rs.getLong("id"), rs.getLong("account_id"), rs.getString("region_code"), rs.getString("file_name"),
				Status.valueOf(rs.getString("status")), (Long) rs.getObject("rows_total"), rs.getLong("rows_read"),
				rs.getLong("rows_rejected"), rs.getLong("households"), rs.getLong("households_new"), rs.getLong("households_updated"),
				rs.getLong("members"), rs.getString("error"),
				rs.getTimestamp("created_at").toInstant(),
				Optional.ofNullable(rs.getTimestamp("finished_at")).map(Timestamp::toInstant).orElse(null));
	}
}
