package org.bangfu.household;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last step of a registry import: writes the checked stage into the registry's household and
 * household_member tables, one statement per table, keyed by household number and ID number, so
 * that a re-import updates instead of duplicating.
 */
@Component
class RegistryMerge {

	private static final Logger log = LoggerFactory.getLogger(RegistryMerge.class);

	private final Clock clock;

	/** From how many rows, and what share of the registry's members, an import counts as a big load (see {@link #merge}); tests lower them. */
	long bulkMinRows = 100_000;

	double bulkMinShare = 0.25;

	RegistryMerge(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Merges the stage into the registry. A big load (at least {@link #bulkMinRows} rows, and at least
	 * a quarter of the members the registry already holds) takes both tables for itself, drops their secondary
	 * indexes and foreign keys, merges, and builds them again before the commit: building an index over
	 * sorted keys is several times cheaper than millions of random insertions into it. The tables are
	 * then locked for the merge (readers wait); if that lock cannot be had within a few seconds, or the
	 * load is small, the merge keeps the indexes and uses {@code INSERT … ON CONFLICT}.
	 */
	void merge(Connection c, long jobId, RegistryImportCounts counts, long staged) throws SQLException {
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
	private void mergeBulk(Connection c, long jobId, RegistryImportCounts counts, Timestamp now) throws SQLException {
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

	private void mergeIncremental(Connection c, long jobId, RegistryImportCounts counts, Timestamp now) throws SQLException {
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
}
