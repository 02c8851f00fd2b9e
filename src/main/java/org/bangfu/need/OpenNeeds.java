package org.bangfu.need;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bangfu.region.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open needs as a recommender reads them (pledge.Recommendations): the most urgent and longest waiting first,
 * with their progress by value. Titles as written: the caller masks them for the public.
 */
@Component
public class OpenNeeds {

	private final JdbcClient jdbc;

	OpenNeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An open need; progress as {@link NeedProgress} counts it ({@code pledgedValueFen} of {@code totalValueFen}, or the mean
	 * share of its lines, {@code lineShare}, for a need of no stated value).
	 */
	public record Candidate(long id, String title, Long householdId, NeedCategory category, String regionCode, String villageName,
			int urgency, Instant publishedAt, int totalQuantity, int pledgedQuantity, long totalValueFen, long pledgedValueFen,
			int lineShare) {
	}

	/**
	 * At most {@code limit} open needs (published, partly pledged) inside the scope (null: anywhere), of the categories
	 * (empty: all), product sales only in their sales window in the month (1–12), none of {@code leaveOut}; by urgency,
	 * then longest waiting.
	 */
	public List<Candidate> mostUrgent(Scope scope, List<NeedCategory> categories, int month, Collection<Long> leaveOut, int limit) {
		return jdbc.sql("""
				SELECT n.id, n.title, n.household_id, n.category, n.region_code, r.name AS village, n.urgency, n.published_at, n.total_quantity,
				       n.pledged_quantity, n.total_value_fen, pv.pledged_value_fen, pv.line_share
				FROM need n LEFT JOIN region r ON r.code = n.region_code
				CROSS JOIN LATERAL (SELECT coalesce(sum(i.value_fen * i.pledged_quantity / i.quantity), 0) AS pledged_value_fen,
				                           coalesce(floor(avg(i.pledged_quantity * 100 / i.quantity)), 0)::int AS line_share
				                    FROM need_item i WHERE i.need_id = n.id) pv
				WHERE n.state IN ('PUBLISHED', 'PARTLY_PLEDGED') AND %s
				  AND (cardinality(CAST(:categories AS text[])) = 0 OR n.category = ANY(CAST(:categories AS text[])))
				  AND %s
				  AND n.id <> ALL(CAST(:leaveOut AS bigint[]))
				ORDER BY n.urgency DESC, n.published_at LIMIT :limit""".formatted(ProductSale.windowHoldsSql("n", month),
					scope == null ? "TRUE" : scope.sql("n.region_code")))
			.param("categories", categories.stream().map(Enum::name).toArray(String[]::new))
			.param(Scope.PARAMETER, scope == null ? "" : scope.parameter()) // no scope: anywhere
			.param("leaveOut", leaveOut.stream().distinct().toArray(Long[]::new))
			.param("limit", limit)
			.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("title"), (Long) rs.getObject("household_id"),
					NeedCategory.valueOf(rs.getString("category")), rs.getString("region_code"), rs.getString("village"), rs.getInt("urgency"),
					rs.getTimestamp("published_at").toInstant(), rs.getInt("total_quantity"), rs.getInt("pledged_quantity"),
					rs.getLong("total_value_fen"), rs.getLong("pledged_value_fen"), rs.getInt("line_share")))
			.list();
	}
}
