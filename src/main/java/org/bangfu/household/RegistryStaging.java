package org.bangfu.household;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.bangfu.household.registry.RegistryColumn;
import org.bangfu.household.registry.RegistryFile;
import org.bangfu.household.registry.RegistryRows;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.PersonalData;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Component;

/**
 * The first step of a registry import: reads the file row by row, checks each row and resolves it to
 * its village, reports the refused ones, and (on a second thread) encrypts and hashes the accepted
 * rows' ID numbers and phones and streams them with COPY into the temporary table registry_stage.
 */
@Component
class RegistryStaging {

	private static final int PROGRESS_EVERY = 5_000;

	private static final int HAND_OVER = 1_000;

	/** A checked row and its village's code, on its way to the encoding thread. */
	private record Accepted(RegistryRows.MemberRow row, String village) {
	}

	private static final List<Accepted> END = new ArrayList<>();

	private final PersonalData personalData;

	private final Regions regions;

	private final RegistryImportReport report;

	private final Clock clock;

	RegistryStaging(PersonalData personalData, Regions regions, RegistryImportReport report, Clock clock) {
		this.personalData = personalData;
		this.regions = regions;
		this.report = report;
		this.clock = clock;
	}

	/** Creates the stage, a temporary table that lives until the import's transaction ends. */
	void createStage(Connection c) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("""
					CREATE TEMP TABLE registry_stage (
					    line int, household_number text, member_number text, name text, id_hash bytea, id_cipher bytea,
					    relation text, is_head boolean, gender text, birth_date date, ethnicity text, education text, schooling text,
					    health text, labor_skill text, work_status text, region_code text, poverty_cause text, household_type text,
					    lifted boolean, lifted_year int, phone_hash bytea, phone_cipher bytea) ON COMMIT DROP""");
		}
	}

	/** Streams the file's accepted rows into the stage, counting what was read and refused and reporting the refused rows. */
	void stream(Connection c, long jobId, Path file, String fileName, Region scope, RegistryImportCounts counts) throws SQLException, IOException {
		RegionNames names = new RegionNames(regions, scope);
		List<Object[]> problems = new ArrayList<>();
		CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY registry_stage FROM STDIN (FORMAT text)");
		// two cores: this thread reads and checks, a second one encrypts, hashes and streams the rows into COPY
		BlockingQueue<List<Accepted>> queue = new ArrayBlockingQueue<>(16);
		FutureTask<Void> encoder = new FutureTask<>(() -> {
			StringBuilder batch = new StringBuilder(1 << 17);
			for (List<Accepted> rows = queue.take(); rows != END; rows = queue.take()) {
				for (Accepted a : rows) {
					stage(batch, a.row(), a.village());
				}
				if (batch.length() > (1 << 16)) {
					write(copy, batch);
				}
			}
			write(copy, batch);
			return null;
		});
		Thread encoderThread = new Thread(encoder, "registry-import-encode");
		encoderThread.setDaemon(true);
		encoderThread.start();
		try (RegistryFile registry = RegistryFile.open(file, fileName)) {
			List<Accepted> accepted = new ArrayList<>(HAND_OVER);
			Iterator<RegistryFile.RawRow> rows = registry.rows();
			while (rows.hasNext()) {
				RegistryFile.RawRow raw = rows.next();
				counts.read++;
				RegistryRows.Result checked = RegistryRows.check(raw, clock);
				if (!checked.problems().isEmpty()) {
					for (RegistryRows.RowProblem p : checked.problems()) {
						problems.add(new Object[] { p.line(), report.columnName(p.column()), report.text(p.messageKey(), p.args()) });
					}
					counts.rejected++;
				}
				else {
					RegistryRows.MemberRow m = checked.row();
					RegionNames.Resolution where = names.resolve(m.county(), m.township(), m.village());
					if (where instanceof RegionNames.Found found) {
						accepted.add(new Accepted(m, found.code()));
					}
					else {
						problems.add(unresolved(raw.line(), where, m.village(), scope));
						counts.rejected++;
					}
				}
				if (accepted.size() >= HAND_OVER) {
					handOver(queue, accepted, encoder);
					accepted = new ArrayList<>(HAND_OVER);
				}
				if (problems.size() >= 500) {
					report.saveProblems(jobId, problems);
				}
				if (counts.read % PROGRESS_EVERY == 0) {
					report.progress(jobId, counts);
				}
			}
			handOver(queue, accepted, encoder);
			handOver(queue, END, encoder);
			finish(encoder);
			copy.endCopy();
		}
		finally {
			encoder.cancel(true);
			try {
				encoderThread.join(10_000); // the connection is this thread's again before the copy is cancelled
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		report.saveProblems(jobId, problems);
	}

	/** Hands rows to the encoding thread, waiting while it is behind; its failure is rethrown here. */
	private static void handOver(BlockingQueue<List<Accepted>> queue, List<Accepted> rows, FutureTask<Void> encoder) throws SQLException, IOException {
		try {
			while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
				if (encoder.isDone()) {
					finish(encoder);
					throw new IllegalStateException("the encoding thread stopped early");
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("registry import interrupted", e);
		}
	}

	private static void finish(FutureTask<Void> encoder) throws SQLException, IOException {
		try {
			encoder.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("registry import interrupted", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof SQLException sql) {
				throw sql;
			}
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	private void stage(StringBuilder b, RegistryRows.MemberRow m, String village) {
		field(b, m.line()).field(b, m.householdNumber()).field(b, m.memberNumber()).field(b, m.name());
		bytes(b, personalData.lookupHash(m.idNumber()));
		bytes(b, personalData.encrypt(m.idNumber()));
		field(b, m.relation()).field(b, m.isHead()).field(b, m.gender()).field(b, m.birthDate()).field(b, m.ethnicity())
			.field(b, m.education()).field(b, m.schooling()).field(b, m.health()).field(b, m.laborSkill()).field(b, m.workStatus())
			.field(b, village).field(b, m.povertyCause() == null ? null : m.povertyCause().name())
			.field(b, m.householdType()).field(b, m.lifted()).field(b, m.liftedYear());
		if (m.phone() == null) {
			b.append("\\N\t\\N\n");
		}
		else {
			bytes(b, personalData.lookupHash(m.phone()));
			b.append("\\\\x").append(HexFormat.of().formatHex(personalData.encrypt(m.phone()))).append('\n');
		}
	}

	private RegistryStaging field(StringBuilder b, Object value) {
		if (value == null) {
			b.append("\\N");
		}
		else {
			String s = value.toString();
			for (int i = 0; i < s.length(); i++) {
				char ch = s.charAt(i);
				switch (ch) {
					case '\\' -> b.append("\\\\");
					case '\t' -> b.append("\\t");
					case '\n' -> b.append("\\n");
					case '\r' -> b.append("\\r");
					default -> b.append(ch);
				}
			}
		}
		b.append('\t');
		return this;
	}

	private static void bytes(StringBuilder b, byte[] value) {
		b.append("\\\\x").append(HexFormat.of().formatHex(value)).append('\t');
	}

	private static void write(CopyIn copy, StringBuilder batch) throws SQLException {
		byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		batch.setLength(0);
	}

	/** A row whose place is not one village of the scope: misspelt, ambiguous, or another area's (to be passed on, not corrected). */
	private Object[] unresolved(int line, RegionNames.Resolution where, String village, Region scope) {
		if (where instanceof RegionNames.Outside outside) {
			RegistryColumn column = switch (outside.level()) {
				case COUNTY -> RegistryColumn.COUNTY;
				case TOWNSHIP -> RegistryColumn.TOWNSHIP;
				default -> RegistryColumn.VILLAGE;
			};
			return new Object[] { line, report.columnName(column), report.text("import.row.outside-scope", new Object[] { outside.place(), scope.name() }) };
		}
		String key = where instanceof RegionNames.Ambiguous ? "import.row.village-ambiguous" : "import.row.village-unknown";
		return new Object[] { line, report.columnName(RegistryColumn.VILLAGE), report.text(key, new Object[] { village, scope.name() }) };
	}
}
