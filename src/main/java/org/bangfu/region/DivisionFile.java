package org.bangfu.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.region.InvalidDivisionFile.Problem;
import org.bangfu.shared.BadInputException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a division file ({@code code,name,level,parent_code}, UTF-8, as the National Bureau of
 * Statistics codes are published in ../shared/data) into the region table on the given connection:
 * validated row by row, streamed with COPY into a temporary table, then merged. Any error aborts
 * before the merge, so the caller's transaction rolls back with nothing half-imported.
 */
final class DivisionFile {

	static final String HEADER = "code,name,level,parent_code";

	private static final int MAX_REPORTED_ERRORS = 10;

	private DivisionFile() {
	}

	record Counts(long rows, long inserted, long updated, long skipped) {
	}

	/**
	 * The national file repeats each city without counties (不设区的地级市: 东莞, 中山, 儋州) as a
	 * county-level row with the city's own code and itself as parent. Its townships hang under the
	 * city, so the repeat adds nothing: it is skipped, and counted.
	 */
	private static final Problem SELF_PARENTED = new Problem(0, "divisions.row.self-parented");

	static Counts load(Connection connection, InputStream in) throws IOException, SQLException {
		try (Statement s = connection.createStatement()) {
			s.execute("CREATE TEMP TABLE division_import (code text, name text, level text, parent_code text, prefix text, line int) ON COMMIT DROP");
		}
		List<Problem> errors = new ArrayList<>();
		long rows = 0;
		long skipped = 0;
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY division_import FROM STDIN (FORMAT csv)");
		try {
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
			String header = reader.readLine();
			if (header == null) {
				throw new BadInputException("divisions.empty");
			}
			if (!header.replace("\uFEFF", "").strip().replace(" ", "").equalsIgnoreCase(HEADER)) {
				throw new BadInputException("divisions.header", HEADER, abbreviate(header));
			}
			StringBuilder batch = new StringBuilder(1 << 17);
			String line;
			int lineNo = 1;
			while ((line = reader.readLine()) != null) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				Problem problem = row(line, lineNo, batch);
				if (problem == SELF_PARENTED) {
					skipped++;
					continue;
				}
				if (problem != null) {
					errors.add(problem);
					if (errors.size() >= MAX_REPORTED_ERRORS) {
						break;
					}
					continue;
				}
				rows++;
				if (batch.length() > (1 << 16) && errors.isEmpty()) {
					byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
					copy.writeToCopy(bytes, 0, bytes.length);
					batch.setLength(0);
				}
			}
			if (!errors.isEmpty()) {
				throw new InvalidDivisionFile(errors);
			}
			if (rows == 0) {
				throw new BadInputException("divisions.empty");
			}
			byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			copy.endCopy();
		}
		catch (CharacterCodingException e) {
			throw new BadInputException("divisions.not-utf8");
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		checkTree(connection);
		return merge(connection, rows, skipped);
	}

	/** Validates one data line and appends it, as CSV, to the batch; answers the problem or null. */
	private static Problem row(String line, int lineNo, StringBuilder batch) {
		String[] f = line.split(",", -1);
		if (f.length != 4) {
			return new Problem(lineNo, "divisions.row.columns", f.length);
		}
		String code = f[0].strip();
		String name = f[1].strip();
		String parent = f[3].strip();
		RegionLevel level = RegionLevel.fromFile(f[2]).orElse(null);
		if (level == null) {
			return new Problem(lineNo, "divisions.row.level", abbreviate(f[2]));
		}
		if (!code.matches("\\d+") || code.length() != level.codeLength()) {
			return new Problem(lineNo, "divisions.row.code", abbreviate(code), level.codeLength());
		}
		if (name.isEmpty() || name.chars().anyMatch(Character::isISOControl) || name.contains("\"")) {
			return new Problem(lineNo, "divisions.row.name");
		}
		if (parent.isEmpty() ? level != RegionLevel.PROVINCE : !parent.matches("\\d{6}|\\d{9}")) {
			return new Problem(lineNo, "divisions.row.parent", abbreviate(parent));
		}
		if (code.equals(parent) && level == RegionLevel.COUNTY) {
			return SELF_PARENTED;
		}
		String prefix = switch (level) {
			case PROVINCE -> code.substring(0, 2);
			case CITY -> code.substring(0, 4);
			default -> code;
		};
		if (!parent.isEmpty() && !code.startsWith(prefixOfParent(parent))) {
			return new Problem(lineNo, "divisions.row.not-under-parent", code, parent);
		}
		batch.append(code).append(',').append(name).append(',').append(level.name()).append(',')
			.append(parent).append(',').append(prefix).append(',').append(lineNo).append('\n');
		return null;
	}

	private static String prefixOfParent(String parent) {
		if (parent.length() > 6) return parent;
		if (parent.endsWith("0000")) return parent.substring(0, 2);
		if (parent.endsWith("00")) return parent.substring(0, 4);
		return parent;
	}

	/**
	 * Codes must be unique, and every parent must be in the file or already here, except for the
	 * file's top level (the Hengyang file starts at the city, whose province is not in it).
	 */
	private static void checkTree(Connection connection) throws SQLException {
		List<Problem> problems = new ArrayList<>();
		try (Statement s = connection.createStatement()) {
			try (var rs = s.executeQuery("""
					SELECT code, min(line) AS line FROM division_import GROUP BY code HAVING count(*) > 1 ORDER BY 2 LIMIT 10""")) {
				while (rs.next()) {
					problems.add(new Problem(rs.getInt("line"), "divisions.row.duplicate", rs.getString("code")));
				}
			}
			try (var rs = s.executeQuery("""
					SELECT d.line, d.code, d.parent_code FROM division_import d
					WHERE d.parent_code IS NOT NULL
					  AND d.level <> (SELECT t.level FROM division_import t ORDER BY length(t.prefix), t.line LIMIT 1)
					  AND NOT EXISTS (SELECT 1 FROM division_import p WHERE p.code = d.parent_code)
					  AND NOT EXISTS (SELECT 1 FROM region r WHERE r.code = d.parent_code)
					ORDER BY d.line LIMIT 10""")) {
				while (rs.next()) {
					problems.add(new Problem(rs.getInt("line"), "divisions.row.parent-missing", rs.getString("parent_code")));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidDivisionFile(problems);
		}
	}

	private static Counts merge(Connection connection, long rows, long skipped) throws SQLException {
		try (Statement s = connection.createStatement(); var rs = s.executeQuery("""
				WITH merged AS (
				    INSERT INTO region (code, name, level, parent_code, prefix)
				    SELECT code, name, level, parent_code, prefix FROM division_import
				    ON CONFLICT (code) DO UPDATE
				        SET name = EXCLUDED.name, level = EXCLUDED.level,
				            parent_code = EXCLUDED.parent_code, prefix = EXCLUDED.prefix
				        WHERE (region.name, region.level, region.parent_code, region.prefix)
				              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.prefix)
				    RETURNING (xmax = 0) AS inserted)
				SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM merged""")) {
			rs.next();
			return new Counts(rows, rs.getLong("inserted"), rs.getLong("updated"), skipped);
		}
	}

	private static String abbreviate(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}
}
