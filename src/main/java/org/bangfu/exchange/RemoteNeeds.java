package org.bangfu.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bangfu.region.Regions;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/** The needs lower nodes pushed to this one (exchange_remote_need): public, masked fields, marked with their origin. */
@Component
public class RemoteNeeds {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Regions regions;

	RemoteNeeds(JdbcClient jdbc, Clock clock, Regions regions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.regions = regions;
	}

	public record Item(String name, int quantity, String unit, long valueFen) {
	}

	/** A need of another node as this node shows it; {@code url} its page on the owning node. */
	public record RemoteNeed(String originNode, String originName, long id, String title, String category, String regionCode, List<Item> items,
			int remainingQuantity, String state, String url, String outcome, Instant updatedAt) {
	}

	void publish(String origin, JsonNode p) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO exchange_remote_need (origin_node, need_id, title, category, region_code, items, remaining_quantity, state, url,
				                                  received_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
				ON CONFLICT (origin_node, need_id) DO UPDATE SET title = excluded.title, category = excluded.category,
				    region_code = excluded.region_code, items = excluded.items, remaining_quantity = excluded.remaining_quantity,
				    state = excluded.state, url = excluded.url, updated_at = excluded.updated_at""")
			.params(origin, p.get("id").asLong(), p.get("title").asString(), p.get("category").asString(), p.get("regionCode").asString(),
					CanonicalJson.text(p.get("items")), p.get("remainingQuantity").asInt(), p.get("state").asString(), p.get("url").asString(),
					now, now)
			.update();
	}

	/** @return false when this node never received that need */
	boolean change(String origin, long id, String state, int remaining, String outcome) {
		return jdbc.sql("""
				UPDATE exchange_remote_need SET state = ?, remaining_quantity = ?, outcome = coalesce(?, outcome), updated_at = ?
				WHERE origin_node = ? AND need_id = ?""")
			.params(state, remaining, outcome, Timestamp.from(clock.instant()), origin, id)
			.update() > 0;
	}

	/** Remote needs whose title holds the text (all when blank), optionally of one origin, newest first. */
	public List<RemoteNeed> search(String text, String origin, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM exchange_remote_need WHERE true");
		List<Object> params = new ArrayList<>();
		// what a search box sends: no control characters (PostgreSQL refuses a NUL), at most 40 characters
		text = text == null ? null : text.replaceAll("\\p{Cntrl}", "").strip();
		text = text != null && text.length() > 40 ? text.substring(0, 40) : text;
		origin = origin == null ? null : origin.replaceAll("\\p{Cntrl}", "");
		if (text != null && !text.isBlank()) {
			sql.append(" AND title ILIKE ?");
			params.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (origin != null && !origin.isBlank()) {
			sql.append(" AND origin_node = ?");
			params.add(origin.strip());
		}
		sql.append(" ORDER BY updated_at DESC, need_id DESC LIMIT ?");
		params.add(Math.max(1, Math.min(limit, 200)));
		return jdbc.sql(sql.toString()).params(params).query(this::need).list();
	}

	public RemoteNeed get(String origin, long id) {
		return find(origin, id).orElseThrow(() -> new NotFoundException("exchange.remote-need.not-found"));
	}

	Optional<RemoteNeed> find(String origin, long id) {
		return jdbc.sql("SELECT * FROM exchange_remote_need WHERE origin_node = ? AND need_id = ?").params(origin, id).query(this::need).optional();
	}

	/** The origin's region name as this node knows it (the code itself when it does not). */
	private String originName(String origin) {
		try {
			return regions.find(RegionCode.parse(origin)).map(org.bangfu.region.Region::name).orElse(origin);
		}
		catch (org.bangfu.shared.BadInputException e) {
			return origin;
		}
	}

	private RemoteNeed need(ResultSet rs, int n) throws SQLException {
		List<Item> items = new ArrayList<>();
		for (JsonNode i : CanonicalJson.MAPPER.readTree(rs.getString("items"))) {
			items.add(new Item(i.path("name").asString(""), i.path("quantity").asInt(), i.path("unit").asString(""), i.path("valueFen").asLong()));
		}
		return new RemoteNeed(rs.getString("origin_node"), originName(rs.getString("origin_node")), rs.getLong("need_id"), rs.getString("title"), rs.getString("category"),
				rs.getString("region_code"), items, rs.getInt("remaining_quantity"), rs.getString("state"), rs.getString("url"),
				rs.getString("outcome"), rs.getTimestamp("updated_at").toInstant());
	}
}
