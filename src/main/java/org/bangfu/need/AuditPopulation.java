package org.bangfu.need;

import java.util.List;

import org.bangfu.region.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The needs supervision may draw a sample from (督查, issue 16): needs that were published and were not withdrawn or left
 * to expire — PUBLISHED, PARTLY_PLEDGED, PLEDGED, DELIVERED, CONFIRMED, CLOSED — in a region's subtree, optionally of one
 * category, one poster (officer) or carrying one flag rule ({@link #ANY_FLAG}: any flag). Always ordered by id, so that a
 * seeded draw over the same population picks the same needs.
 */
@Component
public class AuditPopulation {

	/** The flag filter that takes every flagged need, whatever its rule. */
	public static final String ANY_FLAG = "ANY";

	static final List<String> STATES = List.of("PUBLISHED", "PARTLY_PLEDGED", "PLEDGED", "DELIVERED", "CONFIRMED", "CLOSED");

	private final JdbcClient jdbc;

	AuditPopulation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Filter(String regionCode, NeedCategory category, Long posterId, String flagRule) {
	}

	/** The ids of the population, ascending. */
	public List<Long> ids(Filter f) {
		Scope in = Scope.of(f.regionCode());
		StringBuilder sql = new StringBuilder("SELECT id FROM need WHERE published_at IS NOT NULL AND state IN (:states) AND ")
			.append(in.sql("region_code"));
		if (f.category() != null) {
			sql.append(" AND category = :category");
		}
		if (f.posterId() != null) {
			sql.append(" AND poster_id = :poster");
		}
		if (f.flagRule() != null) {
			sql.append(ANY_FLAG.equals(f.flagRule()) ? " AND EXISTS (SELECT 1 FROM need_flag g WHERE g.need_id = need.id)"
					: " AND EXISTS (SELECT 1 FROM need_flag g WHERE g.need_id = need.id AND g.rule = :rule)");
		}
		sql.append(" ORDER BY id");
		JdbcClient.StatementSpec st = in.bind(jdbc.sql(sql.toString())).param("states", STATES);
		if (f.category() != null) {
			st = st.param("category", f.category().name());
		}
		if (f.posterId() != null) {
			st = st.param("poster", f.posterId());
		}
		if (f.flagRule() != null && !ANY_FLAG.equals(f.flagRule())) {
			st = st.param("rule", f.flagRule());
		}
		return st.query(Long.class).list();
	}

	/** Whether the need may be visited by supervision (it was published and is one of the population's states). */
	public static boolean auditable(Need need) {
		return need.publishedAt() != null && STATES.contains(need.state().name());
	}
}
