package org.bangfu.household;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

import org.bangfu.household.registry.RegistryColumn;
import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/** The registry rules only the whole file can break, checked in SQL on the stage once every row is in it. */
@Component
class WholeFileRules {

	private final RegistryImportReport report;

	WholeFileRules(RegistryImportReport report) {
		this.report = report;
	}

	/**
	 * The rules that need the whole file: refused rows are reported and removed from the stage.
	 * Answers how many rows were refused.
	 */
	long rejectWholeFileProblems(Connection c, long jobId, Region scope) throws SQLException {
		long rejected = 0;
		String idColumn = report.columnName(RegistryColumn.ID_NUMBER);
		String numberColumn = report.columnName(RegistryColumn.HOUSEHOLD_NUMBER);
		// the same person twice in the file: keep the first row
		String duplicateId = report.text("import.row.duplicate-id", new Object[] { "%s" });
		rejected += reject(c, jobId, """
				SELECT s.line, :column, format(:message, f.first_line) FROM registry_stage s
				JOIN (SELECT id_hash, min(line) AS first_line FROM registry_stage GROUP BY id_hash HAVING count(*) > 1) f
				  ON f.id_hash = s.id_hash AND s.line > f.first_line""", s -> s.param("column", idColumn).param("message", duplicateId));
		// a household must have exactly one head and lie in one village
		String householdHeads = report.text("import.row.household-heads", new Object[] { "%s" });
		rejected += reject(c, jobId, """
				SELECT s.line, :column, format(:message, s.household_number) FROM registry_stage s
				JOIN (SELECT household_number FROM registry_stage GROUP BY household_number
				      HAVING count(*) FILTER (WHERE is_head) <> 1 OR min(region_code) <> max(region_code)) bad
				  USING (household_number)""", s -> s.param("column", numberColumn).param("message", householdHeads));
		// a household number or a person already in the registry outside the importer's scope: refused with the same
		// words and no column, so that an importer cannot probe which numbers are registered in other counties
		String notHere = report.text("import.row.not-here", null);
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
}
