package org.bangfu.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.region.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The samples, their needs and the findings, as stored (audit_sample, audit_sample_need, audit_finding). */
@Repository
class AuditSamples {

	private final JdbcClient jdbc;

	AuditSamples(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	enum Origin {
		RANDOM, REPORT
	}

	record Sample(long id, String regionCode, Origin origin, long seed, int size, int populationSize, String category, Long posterId,
			String flagRule, Long reportId, long drawnBy, Instant drawnAt, int found) {
	}

	record SampledNeed(long needId, int position, String regionCode) {
	}

	record Finding(long id, long sampleId, long needId, String regionCode, Outcome outcome, String note, LocalDate visitedOn, int photos,
			long posterId, long foundBy, Instant foundAt) {
	}

	long insert(Sample s, List<Long> needIds, List<String> regionCodes) {
		long id = jdbc.sql("""
				INSERT INTO audit_sample (region_code, origin, seed, size, population_size, category, poster_id, flag_rule, report_id,
				                          drawn_by, drawn_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(s.regionCode(), s.origin().name(), s.seed(), s.size(), s.populationSize(), s.category(), s.posterId(), s.flagRule(),
					s.reportId(), s.drawnBy(), Timestamp.from(s.drawnAt()))
			.query(Long.class)
			.single();
		for (int i = 0; i < needIds.size(); i++) {
			jdbc.sql("INSERT INTO audit_sample_need (sample_id, position, need_id, region_code) VALUES (?, ?, ?, ?)")
				.params(id, i, needIds.get(i), regionCodes.get(i))
				.update();
		}
		return id;
	}

	private static final String SAMPLE = """
			SELECT s.*, (SELECT count(*) FROM audit_finding f WHERE f.sample_id = s.id) AS found FROM audit_sample s""";

	Optional<Sample> find(long id) {
		return jdbc.sql(SAMPLE + " WHERE s.id = ?").param(id).query(AuditSamples::sample).optional();
	}

	List<Sample> within(Scope scope, int limit) {
		return scope.bind(jdbc.sql(SAMPLE + " WHERE " + scope.sql("s.region_code") + " ORDER BY s.drawn_at DESC, s.id DESC LIMIT :limit"))
			.param("limit", limit)
			.query(AuditSamples::sample)
			.list();
	}

	/** A report's visit not recorded yet, so that pressing "visit" twice opens the same one. */
	Optional<Long> openForReport(long reportId) {
		return jdbc.sql("SELECT s.id FROM audit_sample s WHERE s.report_id = ? "
				+ "AND NOT EXISTS (SELECT 1 FROM audit_finding f WHERE f.sample_id = s.id) ORDER BY s.id LIMIT 1")
			.param(reportId)
			.query(Long.class)
			.optional();
	}

	List<SampledNeed> needs(long sampleId) {
		return jdbc.sql("SELECT need_id, position, region_code FROM audit_sample_need WHERE sample_id = ? ORDER BY position")
			.param(sampleId)
			.query((rs, n) -> new SampledNeed(rs.getLong(1), rs.getInt(2), rs.getString(3)))
			.list();
	}

	long insertFinding(Finding f) {
		return jdbc.sql("""
				INSERT INTO audit_finding (sample_id, need_id, region_code, outcome, note, visited_on, photos, poster_id, found_by, found_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sample_id, need_id) DO NOTHING RETURNING id""")
			.params(f.sampleId(), f.needId(), f.regionCode(), f.outcome().name(), f.note(), java.sql.Date.valueOf(f.visitedOn()), f.photos(),
					f.posterId(), f.foundBy(), Timestamp.from(f.foundAt()))
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	List<Finding> findings(long sampleId) {
		return jdbc.sql("SELECT * FROM audit_finding WHERE sample_id = ? ORDER BY id").param(sampleId).query(AuditSamples::finding).list();
	}

	/** Findings in the scope recorded in [from, to). */
	List<Finding> findingsWithin(Scope scope, Instant from, Instant to) {
		return scope.bind(jdbc.sql("SELECT * FROM audit_finding WHERE " + scope.sql("region_code")
				+ " AND found_at >= :from AND found_at < :to ORDER BY id"))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(AuditSamples::finding)
			.list();
	}

	/** Samples drawn in the scope in [from, to). */
	int samplesWithin(Scope scope, Instant from, Instant to) {
		return scope.bind(jdbc.sql("SELECT count(*) FROM audit_sample WHERE " + scope.sql("region_code")
				+ " AND drawn_at >= :from AND drawn_at < :to"))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Integer.class)
			.single();
	}

	/** Needs checked (at least one finding) and of those found false at least once, in the scope, all time: public figures. */
	record Counts(long audited, long foundFalse) {
	}

	Counts counts(Scope scope) {
		return scope.bind(jdbc.sql("SELECT count(DISTINCT need_id), count(DISTINCT need_id) FILTER (WHERE outcome = 'FALSE') FROM audit_finding WHERE "
				+ scope.sql("region_code")))
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	private static Sample sample(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long poster = rs.getLong("poster_id");
		Long posterId = rs.wasNull() ? null : poster;
		long report = rs.getLong("report_id");
		Long reportId = rs.wasNull() ? null : report;
		return new Sample(rs.getLong("id"), rs.getString("region_code"), Origin.valueOf(rs.getString("origin")), rs.getLong("seed"),
				rs.getInt("size"), rs.getInt("population_size"), rs.getString("category"), posterId, rs.getString("flag_rule"), reportId,
				rs.getLong("drawn_by"), rs.getTimestamp("drawn_at").toInstant(), rs.getInt("found"));
	}

	private static Finding finding(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Finding(rs.getLong("id"), rs.getLong("sample_id"), rs.getLong("need_id"), rs.getString("region_code"),
				Outcome.valueOf(rs.getString("outcome")), rs.getString("note"), rs.getDate("visited_on").toLocalDate(), rs.getInt("photos"),
				rs.getLong("poster_id"), rs.getLong("found_by"), rs.getTimestamp("found_at").toInstant());
	}
}
