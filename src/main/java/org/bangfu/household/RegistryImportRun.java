package org.bangfu.household;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.bangfu.household.registry.RegistryColumn;
import org.bangfu.household.registry.RegistryFile;
import org.bangfu.household.registry.RegistryRows;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.PersonalData;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * One registry import, streamed with constant memory: each row is read, checked and resolved to its
 * village, then (on a second thread) its ID number and phone are encrypted and hashed and the row is
 * streamed with COPY into a temporary table. Whole-file rules (an ID twice in the file, a household without or with two
 * heads, a household or person that belongs outside the importer's scope) are checked there in SQL;
 * the rest is merged into the registry in one statement per table, keyed by household number and
 * ID number, so a re-import updates instead of duplicating. Refused rows are reported with line,
 * column and reason; every other row is imported.
 */
@Component
class RegistryImportRun {

	private static final Logger log = LoggerFactory.getLogger(RegistryImportRun.class);

	private static final int PROGRESS_EVERY = 5_000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Regions regions;

	private final MessageSource messages;

	private final Clock clock;

	/** From how many rows, and what share of the registry's members, an import counts as a big load (see {@link #merge}); tests lower them. */
	long bulkMinRows = 100_000;

	double bulkMinShare = 0.25;

	RegistryImportRun(DataSource dataSource, JdbcClient jdbc, PersonalData personalData, Regions regions, MessageSource messages, Clock clock) {
		this.dataSource = dataSource;
		this.regions = regions;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.messages = messages;
		this.clock = clock;
	}

	void execute(long jobId, Path file, String fileName, Region scope) {
		jdbc.sql("UPDATE household_import SET status = 'RUNNING', started_at = ?, rows_total = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), estimateRows(file), jobId)
			.update();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				Counts counts = importInto(c, jobId, file, fileName, scope);
				c.commit();
				jdbc.sql("""
						UPDATE household_import SET status = 'DONE', finished_at = ?, rows_read = ?, rows_rejected = ?, households = ?,
						    households_new = ?, households_updated = ?, members = ?
						WHERE id = ?""")
					.params(Timestamp.from(clock.instant()), counts.read, counts.rejected, counts.householdsNew + counts.householdsUpdated,
							counts.householdsNew, counts.householdsUpdated, counts.members, jobId)
					.update();
			}
			catch (BadInputException e) {
				c.rollback();
				fail(jobId, text(e.messageKey(), e.args()));
			}
			catch (RuntimeException | SQLException | IOException e) {
				c.rollback();
				log.error("registry import {} failed", jobId, e);
				fail(jobId, text("import.failed", null));
			}
		}
		catch (SQLException e) {
			log.error("registry import {}: no database connection", jobId, e);
			fail(jobId, text("import.failed", null));
		}
	}

	private static final class Counts {

		long read;

		long rejected;

		long householdsNew;

		long householdsUpdated;

		long members;
	}

	private Counts importInto(Connection c, long jobId, Path file, String fileName, Region scope) throws SQLException, IOException {
		try (Statement s = c.createStatement()) {
			s.execute("""
					CREATE TEMP TABLE registry_stage (
					    line int, household_number text, member_number text, name text, id_hash bytea, id_cipher bytea,
					    relation text, is_head boolean, gender text, birth_date date, ethnicity text, education text, schooling text,
					    health text, labor_skill text, work_status text, region_code text, poverty_cause text, household_type text,
					    lifted boolean, lifted_year int, phone_hash bytea, phone_cipher bytea) ON COMMIT DROP""");
		}
		long started = System.nanoTime();
		RegionNames names = new RegionNames(regions, scope);
		Counts counts = new Counts();
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
						problems.add(new Object[] { p.line(), columnName(p.column()), text(p.messageKey(), p.args()) });
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
					saveProblems(jobId, problems);
				}
				if (counts.read % PROGRESS_EVERY == 0) {
					jdbc.sql("UPDATE household_import SET rows_read = ?, rows_rejected = ? WHERE id = ?")
						.params(counts.read, counts.rejected, jobId)
						.update();
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
		saveProblems(jobId, problems);
		try (Statement s = c.createStatement()) {
			// temporary tables are never analysed by autovacuum: without statistics the checks and merges plan badly
			s.execute("ANALYZE registry_stage");
			// the checks and the merge group and join whole files: let their hashes stay in memory (a server-side cost, not the JVM's)
			s.execute("SET LOCAL work_mem = '256MB'");
		}
		long streamed = System.nanoTime();
		counts.rejected += rejectWholeFileProblems(c, jobId, scope);
		long checked = System.nanoTime();
		merge(c, jobId, counts, counts.read - counts.rejected);
		log.info("registry import {}: {} rows read and staged in {} ms, whole-file checks {} ms, merge {} ms", jobId, counts.read,
				(streamed - started) / 1_000_000, (checked - streamed) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
		return counts;
	}

	/** A checked row and its village's code, on its way to the encoding thread. */
	private record Accepted(RegistryRows.MemberRow row, String village) {
	}

	private static final int HAND_OVER = 1_000;

	private static final List<Accepted> END = new ArrayList<>();

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

	private RegistryImportRun field(StringBuilder b, Object value) {
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

	/**
	 * The rules that need the whole file: refused rows are reported and removed from the stage.
	 * Answers how many rows were refused.
	 */
	private long rejectWholeFileProblems(Connection c, long jobId, Region scope) throws SQLException {
		long rejected = 0;
		String idColumn = columnName(RegistryColumn.ID_NUMBER);
		String numberColumn = columnName(RegistryColumn.HOUSEHOLD_NUMBER);
		// the same person twice in the file: keep the first row
		String duplicateId = text("import.row.duplicate-id", new Object[] { "%s" });
		rejected += reject(c, jobId, """
				SELECT s.line, :column, format(:message, f.first_line) FROM registry_stage s
				JOIN (SELECT id_hash, min(line) AS first_line FROM registry_stage GROUP BY id_hash HAVING count(*) > 1) f
				  ON f.id_hash = s.id_hash AND s.line > f.first_line""", s -> s.param("column", idColumn).param("message", duplicateId));
		// a household must have exactly one head and lie in one village
		String householdHeads = text("import.row.household-heads", new Object[] { "%s" });
		rejected += reject(c, jobId, """
				SELECT s.line, :column, format(:message, s.household_number) FROM registry_stage s
				JOIN (SELECT household_number FROM registry_stage GROUP BY household_number
				      HAVING count(*) FILTER (WHERE is_head) <> 1 OR min(region_code) <> max(region_code)) bad
				  USING (household_number)""", s -> s.param("column", numberColumn).param("message", householdHeads));
		// a household number or a person already in the registry outside the importer's scope: refused with the same
		// words and no column, so that an importer cannot probe which numbers are registered in other counties
		String notHere = text("import.row.not-here", null);
		Scope in = Scope.of(scope);
		rejected += reject(c, jobId, """
				SELECT DISTINCT s.line, NULL::text, :message FROM registry_stage s
				LEFT JOIN household h ON h.household_number = s.household_number AND %s
				LEFT JOIN household_member m ON m.id_hash = s.id_hash AND %s
				WHERE h.id IS NOT NULL OR m.id IS NOT NULL""".formatted(in.sqlOutside("h.region_code"), in.sqlOutside("m.region_code")),
				s -> in.bind(s.param("message", notHere)));
		return rejected;
	}

	/** Reports the rows the select names (line, column, message; named parameters, bound by {@code params}) and unstages them. */
	private long reject(Connection c, long jobId, String select, UnaryOperator<StatementSpec> params) {
		// the statement runs on the import's own connection (its transaction, its temporary stage)
		JdbcClient onImport = JdbcClient.create(new SingleConnectionDataSource(c, true));
		return params.apply(onImport.sql("""
				WITH bad AS (%s),
				     reported AS (INSERT INTO household_import_problem (import_id, line, column_name, message)
				                  SELECT :job, * FROM bad RETURNING line)
				DELETE FROM registry_stage WHERE line IN (SELECT line FROM reported)""".formatted(select)))
			.param("job", jobId)
			.update();
	}

	/**
	 * Merges the stage into the registry. A big load (at least {@link #bulkMinRows} rows, and at least
	 * a quarter of the members the registry already holds) takes both tables for itself, drops their secondary
	 * indexes and foreign keys, merges, and builds them again before the commit: building an index over
	 * sorted keys is several times cheaper than millions of random insertions into it. The tables are
	 * then locked for the merge (readers wait); if that lock cannot be had within a few seconds, or the
	 * load is small, the merge keeps the indexes and uses {@code INSERT … ON CONFLICT}.
	 */
	private void merge(Connection c, long jobId, Counts counts, long staged) throws SQLException {
		long start = System.nanoTime();
		Timestamp now = Timestamp.from(clock.instant());
		List<String> rebuild = staged >= bulkMinRows && staged >= existingMembers(c) * bulkMinShare ? dropSecondaryIndexes(c) : null;
		long afterDrop = System.nanoTime();
		if (rebuild != null) {
			mergeBulk(c, jobId, counts, now);
		}
		else {
			mergeIncremental(c, jobId, counts, now);
		}
		long afterMerge = System.nanoTime();
		try (Statement s = c.createStatement()) {
			if (rebuild != null) {
				s.execute("SET LOCAL maintenance_work_mem = '512MB'");
				for (String sql : rebuild) {
					s.execute(sql);
				}
			}
			long afterRebuild = System.nanoTime();
			// a household's size is what the registry now holds for it (a household the bulk merge added has exactly its staged members)
			s.executeUpdate("""
					UPDATE household h SET member_count = m.n
					FROM (SELECT household_id, count(*) AS n FROM household_member
					      WHERE household_id IN (%s) GROUP BY household_id) m
					WHERE h.id = m.household_id AND h.member_count <> m.n""".formatted(rebuild != null ? "SELECT id FROM registry_updated"
					: "SELECT h2.id FROM household h2 WHERE h2.import_id = " + jobId));
			log.info("registry import {}: {} merge: dropped indexes in {} ms, merged households and members in {} ms, rebuilt indexes in {} ms, recounted in {} ms",
					jobId, rebuild != null ? "bulk" : "incremental", (afterDrop - start) / 1_000_000, (afterMerge - afterDrop) / 1_000_000,
					(afterRebuild - afterMerge) / 1_000_000, (System.nanoTime() - afterRebuild) / 1_000_000);
		}
	}

	private static long existingMembers(Connection c) throws SQLException {
		try (Statement s = c.createStatement();
				var rs = s.executeQuery("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'household_member'::regclass")) {
			return rs.next() ? rs.getLong(1) : 0;
		}
	}

	private static final String[] BULK_TABLES = { "household", "household_member" };

	/**
	 * Locks the registry's two tables and drops their secondary indexes, unique constraints and
	 * outgoing foreign keys (not the primary keys, nor a unique key another table's foreign key
	 * needs), read from the catalog so that what later migrations add is kept too. Answers the
	 * statements that build them again, or null when the tables could not be locked at once.
	 */
	private static List<String> dropSecondaryIndexes(Connection c) throws SQLException {
		java.sql.Savepoint before = c.setSavepoint();
		try (Statement s = c.createStatement()) {
			s.execute("SET LOCAL lock_timeout = '5s'");
			s.execute("LOCK TABLE household, household_member IN ACCESS EXCLUSIVE MODE");
			s.execute("SET LOCAL lock_timeout = 0");
		}
		catch (SQLException e) {
			log.info("registry import: the registry tables are busy ({}); merging with their indexes in place", e.getMessage());
			c.rollback(before);
			return null;
		}
		List<String> drop = new ArrayList<>();
		List<String> rebuild = new ArrayList<>();
		List<String> foreignKeys = new ArrayList<>();
		for (String table : BULK_TABLES) {
			try (PreparedStatement ps = c.prepareStatement("""
					SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), k.conname, pg_get_constraintdef(k.oid)
					FROM pg_index i
					LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('u', 'x')
					WHERE i.indrelid = ?::regclass AND NOT i.indisprimary
					  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
					ORDER BY 1""")) {
				ps.setString(1, table);
				try (var rs = ps.executeQuery()) {
					while (rs.next()) {
						if (rs.getString(3) == null) {
							drop.add("DROP INDEX " + rs.getString(1));
							rebuild.add(rs.getString(2));
						}
						else {
							drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(3));
							rebuild.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(3) + " " + rs.getString(4));
						}
					}
				}
			}
			try (PreparedStatement ps = c.prepareStatement("""
					SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'f' ORDER BY 1""")) {
				ps.setString(1, table);
				try (var rs = ps.executeQuery()) {
					while (rs.next()) {
						drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(1));
						// foreign keys last: checking one reads the whole table, best done with the indexes back
						foreignKeys.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
					}
				}
			}
		}
		try (Statement s = c.createStatement()) {
			for (String sql : drop) {
				s.execute(sql);
			}
		}
		rebuild.addAll(foreignKeys);
		return rebuild;
	}

	/** The big load: both tables are ours alone and unindexed but for their keys, so update what exists, then add what does not. */
	private void mergeBulk(Connection c, long jobId, Counts counts, Timestamp now) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("""
					CREATE TEMP TABLE registry_household ON COMMIT DROP AS
					SELECT h.household_number, h.region_code, h.name, h.id_hash, h.id_cipher, n.members,
					       coalesce(h.poverty_cause, n.cause) AS poverty_cause, h.household_type, coalesce(h.lifted, false) AS lifted,
					       h.lifted_year, coalesce(h.phone_hash, n.phone_hash) AS phone_hash, coalesce(h.phone_cipher, n.phone_cipher) AS phone_cipher
					FROM registry_stage h
					JOIN (SELECT household_number, count(*) AS members, min(poverty_cause) AS cause,
					             (array_agg(phone_hash) FILTER (WHERE phone_hash IS NOT NULL))[1] AS phone_hash,
					             (array_agg(phone_cipher) FILTER (WHERE phone_cipher IS NOT NULL))[1] AS phone_cipher
					      FROM registry_stage GROUP BY household_number) n USING (household_number)
					WHERE h.is_head""");
			s.execute("ANALYZE registry_household");
			s.execute("CREATE TEMP TABLE registry_updated (id bigint) ON COMMIT DROP");
		}
		try (PreparedStatement update = c.prepareStatement("""
				WITH updated AS (
				UPDATE household t SET head_name = h.name, head_id_hash = h.id_hash, head_id_cipher = h.id_cipher,
				    poverty_cause = h.poverty_cause, household_type = h.household_type, lifted = h.lifted, lifted_year = h.lifted_year,
				    phone_hash = coalesce(h.phone_hash, t.phone_hash), phone_cipher = coalesce(h.phone_cipher, t.phone_cipher),
				    import_id = ?, updated_at = ?
				FROM registry_household h WHERE t.household_number = h.household_number RETURNING t.id)
				INSERT INTO registry_updated SELECT id FROM updated""");
				PreparedStatement insert = c.prepareStatement("""
						INSERT INTO household (household_number, region_code, head_name, head_id_hash, head_id_cipher, member_count,
						                       poverty_cause, household_type, lifted, lifted_year, phone_hash, phone_cipher, import_id,
						                       created_at, updated_at)
						SELECT h.household_number, h.region_code, h.name, h.id_hash, h.id_cipher, h.members, h.poverty_cause,
						       h.household_type, h.lifted, h.lifted_year, h.phone_hash, h.phone_cipher, ?, ?, ?
						FROM registry_household h
						WHERE NOT EXISTS (SELECT FROM household t WHERE t.household_number = h.household_number)""")) {
			update.setLong(1, jobId);
			update.setTimestamp(2, now);
			counts.householdsUpdated = update.executeUpdate();
			insert.setLong(1, jobId);
			insert.setTimestamp(2, now);
			insert.setTimestamp(3, now);
			counts.householdsNew = insert.executeUpdate();
		}
		try (Statement s = c.createStatement()) {
			s.execute("ANALYZE household");
			counts.members = s.executeUpdate("""
					UPDATE household_member m SET household_id = h.id, region_code = s.region_code, member_number = s.member_number,
					    name = s.name, relation = s.relation, gender = s.gender, birth_date = s.birth_date, ethnicity = s.ethnicity,
					    education = s.education, schooling = s.schooling, health = s.health, labor_skill = s.labor_skill,
					    work_status = s.work_status
					FROM registry_stage s JOIN household h ON h.household_number = s.household_number
					WHERE m.id_hash = s.id_hash""");
			counts.members += s.executeUpdate("""
					INSERT INTO household_member (household_id, region_code, member_number, name, id_hash, id_cipher, relation, gender,
					                              birth_date, ethnicity, education, schooling, health, labor_skill, work_status)
					SELECT h.id, s.region_code, s.member_number, s.name, s.id_hash, s.id_cipher, s.relation, s.gender, s.birth_date,
					       s.ethnicity, s.education, s.schooling, s.health, s.labor_skill, s.work_status
					FROM registry_stage s JOIN household h ON h.household_number = s.household_number
					WHERE NOT EXISTS (SELECT FROM household_member m WHERE m.id_hash = s.id_hash)""");
			s.execute("ANALYZE household_member");
		}
	}

	private void mergeIncremental(Connection c, long jobId, Counts counts, Timestamp now) throws SQLException {
		// xmax is 0 on a row this statement inserted, and set on one it updated: the report tells new from updated households
		try (PreparedStatement ps = c.prepareStatement("""
				WITH merged AS (
				INSERT INTO household (household_number, region_code, head_name, head_id_hash, head_id_cipher, member_count,
				                       poverty_cause, household_type, lifted, lifted_year, phone_hash, phone_cipher, import_id,
				                       created_at, updated_at)
				SELECT h.household_number, h.region_code, h.name, h.id_hash, h.id_cipher, n.members,
				       coalesce(h.poverty_cause, n.cause), h.household_type, coalesce(h.lifted, false), h.lifted_year,
				       coalesce(h.phone_hash, n.phone_hash), coalesce(h.phone_cipher, n.phone_cipher), ?, ?, ?
				FROM registry_stage h
				JOIN (SELECT household_number, count(*) AS members, min(poverty_cause) AS cause,
				             (array_agg(phone_hash) FILTER (WHERE phone_hash IS NOT NULL))[1] AS phone_hash,
				             (array_agg(phone_cipher) FILTER (WHERE phone_cipher IS NOT NULL))[1] AS phone_cipher
				      FROM registry_stage GROUP BY household_number) n USING (household_number)
				WHERE h.is_head
				ON CONFLICT (household_number) DO UPDATE SET
				    head_name = EXCLUDED.head_name, head_id_hash = EXCLUDED.head_id_hash, head_id_cipher = EXCLUDED.head_id_cipher,
				    poverty_cause = EXCLUDED.poverty_cause, household_type = EXCLUDED.household_type, lifted = EXCLUDED.lifted,
				    lifted_year = EXCLUDED.lifted_year, phone_hash = coalesce(EXCLUDED.phone_hash, household.phone_hash),
				    phone_cipher = coalesce(EXCLUDED.phone_cipher, household.phone_cipher), import_id = EXCLUDED.import_id,
				    updated_at = EXCLUDED.updated_at
				RETURNING xmax = 0 AS inserted)
				SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged""")) {
			ps.setLong(1, jobId);
			ps.setTimestamp(2, now);
			ps.setTimestamp(3, now);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				counts.householdsNew = rs.getLong(1);
				counts.householdsUpdated = rs.getLong(2);
			}
		}
		try (Statement s = c.createStatement()) {
			counts.members = s.executeUpdate("""
					INSERT INTO household_member (household_id, region_code, member_number, name, id_hash, id_cipher, relation, gender,
					                              birth_date, ethnicity, education, schooling, health, labor_skill, work_status)
					SELECT h.id, s.region_code, s.member_number, s.name, s.id_hash, s.id_cipher, s.relation, s.gender, s.birth_date,
					       s.ethnicity, s.education, s.schooling, s.health, s.labor_skill, s.work_status
					FROM registry_stage s JOIN household h ON h.household_number = s.household_number
					ON CONFLICT (id_hash) DO UPDATE SET
					    household_id = EXCLUDED.household_id, region_code = EXCLUDED.region_code, member_number = EXCLUDED.member_number,
					    name = EXCLUDED.name, relation = EXCLUDED.relation, gender = EXCLUDED.gender, birth_date = EXCLUDED.birth_date,
					    ethnicity = EXCLUDED.ethnicity, education = EXCLUDED.education, schooling = EXCLUDED.schooling,
					    health = EXCLUDED.health, labor_skill = EXCLUDED.labor_skill, work_status = EXCLUDED.work_status""");
		}
	}

	/** A row whose place is not one village of the scope: misspelt, ambiguous, or another area's (to be passed on, not corrected). */
	private Object[] unresolved(int line, RegionNames.Resolution where, String village, Region scope) {
		if (where instanceof RegionNames.Outside outside) {
			RegistryColumn column = switch (outside.level()) {
				case COUNTY -> RegistryColumn.COUNTY;
				case TOWNSHIP -> RegistryColumn.TOWNSHIP;
				default -> RegistryColumn.VILLAGE;
			};
			return new Object[] { line, columnName(column), text("import.row.outside-scope", new Object[] { outside.place(), scope.name() }) };
		}
		String key = where instanceof RegionNames.Ambiguous ? "import.row.village-ambiguous" : "import.row.village-unknown";
		return new Object[] { line, columnName(RegistryColumn.VILLAGE), text(key, new Object[] { village, scope.name() }) };
	}

	private void saveProblems(long jobId, List<Object[]> problems) {
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

	private void fail(long jobId, String message) {
		jdbc.sql("UPDATE household_import SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ?")
			.params(message, Timestamp.from(clock.instant()), jobId)
			.update();
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

	private String columnName(org.bangfu.household.registry.RegistryColumn column) {
		return column == null ? null : messages.getMessage("registry.column." + column.name(), null, column.name(), Locale.SIMPLIFIED_CHINESE);
	}

	private String text(String key, Object[] args) {
		return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
	}
}
