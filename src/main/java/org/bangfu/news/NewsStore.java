package org.bangfu.news;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The news_story table: items written, their state, and the public lists (newest published first). */
@Component
class NewsStore {

	private static final String SELECT = """
			SELECT n.*, r.name AS region_name FROM news_story n JOIN region r ON r.code = n.region_code
			""";

	private final JdbcClient jdbc;

	NewsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewsKind kind, String title, String body, String regionCode, Long householdId, String householdMasked, boolean photo,
			long writtenBy, Instant at) {
		return jdbc.sql("""
				INSERT INTO news_story (kind, title, body, region_code, household_id, household_masked, photo, state, written_by, written_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?) RETURNING id""")
			.params(kind.name(), title, body, regionCode, householdId, householdMasked, photo ? "photo" : null, writtenBy, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	Optional<NewsItem> find(long id) {
		return jdbc.sql(SELECT + " WHERE n.id = ?").param(id).query(NewsStore::item).optional();
	}

	void markPhoto(long id) {
		jdbc.sql("UPDATE news_story SET photo = 'photo' WHERE id = ?").param(id).update();
	}

	/** Saves a state change, guarded by the state it was read in. */
	boolean save(NewsItem item, NewsState from) {
		return jdbc.sql("UPDATE news_story SET state = ?, published_at = ?, withdrawn_at = ? WHERE id = ? AND state = ?")
			.params(item.state().name(), ts(item.publishedAt()), ts(item.withdrawnAt()), item.id(), from.name())
			.update() == 1;
	}

	/** Published items, newest first; with a region: those of its subtree and those of its ancestors (city-wide, county-wide). */
	List<NewsItem> published(Region region, List<String> ancestorCodes, int limit, int offset) {
		if (region == null) {
			return jdbc.sql(SELECT + " WHERE n.state = 'PUBLISHED' ORDER BY n.published_at DESC, n.id DESC LIMIT ? OFFSET ?")
				.params(limit, offset)
				.query(NewsStore::item)
				.list();
		}
		Scope in = Scope.of(region);
		return in.bind(jdbc.sql(SELECT + """
				WHERE n.state = 'PUBLISHED' AND (%s OR n.region_code IN (:ancestors))
				ORDER BY n.published_at DESC, n.id DESC LIMIT :limit OFFSET :offset""".formatted(in.sql("n.region_code"))))
			.param("ancestors", ancestorCodes.isEmpty() ? List.of("-") : ancestorCodes)
			.param("limit", limit)
			.param("offset", offset)
			.query(NewsStore::item)
			.list();
	}

	/** Every item of the staff member's regions (all states), newest written first. */
	List<NewsItem> within(List<Region> scopes, int limit) {
		Scope in = Scope.anyOf(scopes);
		return in.bind(jdbc.sql(SELECT + " WHERE %s ORDER BY n.written_at DESC, n.id DESC LIMIT :limit".formatted(in.sql("n.region_code"))))
			.param("limit", limit)
			.query(NewsStore::item)
			.list();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static NewsItem item(ResultSet rs, int n) throws SQLException {
		return new NewsItem(rs.getLong("id"), NewsKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
				rs.getString("region_code"), rs.getString("region_name"), (Long) rs.getObject("household_id"), rs.getString("household_masked"),
				rs.getString("photo") != null, NewsState.valueOf(rs.getString("state")), rs.getLong("written_by"),
				rs.getTimestamp("written_at").toInstant(), instant(rs.getTimestamp("published_at")), instant(rs.getTimestamp("withdrawn_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
