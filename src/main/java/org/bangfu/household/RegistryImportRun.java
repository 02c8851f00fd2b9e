package org.bangfu.household;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.bangfu.region.Region;
import org.bangfu.shared.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One registry import, streamed with constant memory: each row is read, checked and resolved to its
 * village, then (on a second thread) its ID number and phone are encrypted and hashed and the row is
 * streamed with COPY into a temporary table ({@link RegistryStaging}). Whole-file rules (an ID twice in the file, a household without or with two
 * heads, a household or person that belongs outside the importer's scope) are checked there in SQL ({@link WholeFileRules});
 * the rest is merged into the registry in one statement per table, keyed by household number and
 * ID number, so a re-import updates instead of duplicating ({@link RegistryMerge}). Refused rows are reported with line,
 * column and reason; every other row is imported. All of it is one transaction on one connection.
 */
@Component
class RegistryImportRun {

	private static final Logger log = LoggerFactory.getLogger(RegistryImportRun.class);

	private final DataSource dataSource;

	private final RegistryStaging staging;

	private final WholeFileRules wholeFileRules;

	private final RegistryMerge merge;

	private final RegistryImportReport report;

	RegistryImportRun(DataSource dataSource, RegistryStaging staging, WholeFileRules wholeFileRules, RegistryMerge merge,
			RegistryImportReport report) {
		this.dataSource = dataSource;
		this.staging = staging;
		this.wholeFileRules = wholeFileRules;
		this.merge = merge;
		this.report = report;
	}

	/**
	 * Runs one claimed attempt. True when this attempt ended the job (done or failed); false when the
	 * job was taken from it meanwhile, in which case nothing of it was committed.
	 */
	boolean execute(RegistryImportClaims.Claim claim, Path file, Region scope) {
		long jobId = claim.jobId();
		report.started(jobId, estimateRows(file));
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				RegistryImportCounts counts = importInto(c, jobId, file, claim.fileName(), scope);
				if (!report.done(c, claim, counts)) {
					c.rollback();
					log.warn("registry import {}: attempt {} of {} lost the job to another node; its merge is rolled back", jobId,
							claim.attempt(), claim.owner());
					return false;
				}
				c.commit();
				return true;
			}
			catch (BadInputException e) {
				c.rollback();
				return report.fail(claim, report.text(e.messageKey(), e.args()));
			}
			catch (RuntimeException | SQLException | IOException e) {
				c.rollback();
				log.error("registry import {} failed", jobId, e);
				return report.fail(claim, report.text("import.failed", null));
			}
		}
		catch (SQLException e) {
			log.error("registry import {}: no database connection", jobId, e);
			return report.fail(claim, report.text("import.failed", null));
		}
	}

	private RegistryImportCounts importInto(Connection c, long jobId, Path file, String fileName, Region scope) throws SQLException, IOException {
		staging.createStage(c);
		long started = System.nanoTime();
		RegistryImportCounts counts = new RegistryImportCounts();
		staging.stream(c, jobId, file, fileName, scope, counts);
		try (Statement s = c.createStatement()) {
			// temporary tables are never analysed by autovacuum: without statistics the checks and merges plan badly
			s.execute("ANALYZE registry_stage");
			// the checks and the merge group and join whole files: let their hashes stay in memory (a server-side cost, not the JVM's)
			s.execute("SET LOCAL work_mem = '256MB'");
		}
		long streamed = System.nanoTime();
		counts.rejected += wholeFileRules.rejectWholeFileProblems(c, jobId, scope);
		long checked = System.nanoTime();
		merge.merge(c, jobId, counts, counts.read - counts.rejected);
		log.info("registry import {}: {} rows read and staged in {} ms, whole-file checks {} ms, merge {} ms", jobId, counts.read,
				(streamed - started) / 1_000_000, (checked - streamed) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
		return counts;
	}

	/** A CSV's line count (minus a header) gives the progress bar its end; spreadsheets have none until done. */
	private static Long estimateRows(Path file) {
		try (var in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(4);
			if (head.length >= 2 && ((head[0] == 'P' && head[1] == 'K') || (head[0] & 0xff) == 0xD0)) {
				return null;
			}
		}
		catch (IOException e) {
			return null;
		}
		long lines = 0;
		byte[] buffer = new byte[1 << 16];
		try (var in = Files.newInputStream(file)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		catch (IOException e) {
			return null;
		}
		return Math.max(lines - 1, 0);
	}
}
