package org.bangfu.exchange;

import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The exchange_link rows: this node's links to other nodes and where each stands. */
@Component
class Links {

	private static final String SELECT = """
			SELECT l.*, (SELECT count(*) FROM exchange_outbox o WHERE o.link_node = l.node_id AND o.state = 'PENDING') AS backlog,
			       (SELECT min(o.created_at) FROM exchange_outbox o WHERE o.link_node = l.node_id AND o.state = 'PENDING') AS oldest
			FROM exchange_link l""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Links(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Link> all() {
		return jdbc.sql(SELECT + " ORDER BY l.role DESC, l.node_id").query(Links::link).list();
	}

	Optional<Link> find(String node) {
		return jdbc.sql(SELECT + " WHERE l.node_id = ?").param(node).query(Links::link).optional();
	}

	/** Adds the link, or changes its address, key and role (keeping its sequences) and enables it again. */
	void save(String node, String url, String publicKey, Link.Role role) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO exchange_link (node_id, url, public_key, role, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, true, ?, ?)
				ON CONFLICT (node_id) DO UPDATE SET url = excluded.url, public_key = excluded.public_key, role = excluded.role,
				    enabled = true, updated_at = excluded.updated_at""")
			.params(node, url, publicKey, role.name(), now, now)
			.update();
	}

	boolean disable(String node) {
		return jdbc.sql("UPDATE exchange_link SET enabled = false, updated_at = ? WHERE node_id = ? AND enabled")
			.params(Timestamp.from(clock.instant()), node)
			.update() > 0;
	}

	/** The public keys of the enabled links: the nodes whose messages this node accepts. */
	Map<String, PublicKey> knownKeys() {
		Map<String, PublicKey> keys = new HashMap<>();
		jdbc.sql("SELECT node_id, public_key FROM exchange_link WHERE enabled")
			.query((rs, n) -> keys.put(rs.getString(1), NodeKeys.publicKey(rs.getString(2))))
			.list();
		return keys;
	}

	/** The last sequence accepted from the node, its row locked until the transaction ends (receipts in turn); 0 when none. */
	long lockReceived(String node) {
		return jdbc.sql("SELECT last_sequence_received FROM exchange_link WHERE node_id = ? FOR UPDATE")
			.param(node)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	void received(String node, long sequence) {
		jdbc.sql("UPDATE exchange_link SET last_sequence_received = ?, last_received_at = ? WHERE node_id = ?")
			.params(sequence, Timestamp.from(clock.instant()), node)
			.update();
	}

	/** Gives the next sequence of the link (the row stays locked until the caller's transaction ends). */
	long nextSequence(String node) {
		return jdbc.sql("UPDATE exchange_link SET last_sequence_sent = last_sequence_sent + 1 WHERE node_id = ? RETURNING last_sequence_sent")
			.param(node)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new org.bangfu.shared.NotFoundException("exchange.link.not-found", node));
	}

	void succeeded(String node, long sequence, Instant at) {
		jdbc.sql("""
				UPDATE exchange_link SET last_sequence_acked = greatest(last_sequence_acked, ?), last_success_at = ?,
				       consecutive_failures = 0 WHERE node_id = ?""")
			.params(sequence, Timestamp.from(at), node)
			.update();
	}

	void failed(String node, String error, Instant at) {
		jdbc.sql("""
				UPDATE exchange_link SET last_error = ?, last_error_at = ?, consecutive_failures = consecutive_failures + 1
				WHERE node_id = ?""")
			.params(error, Timestamp.from(at), node)
			.update();
	}

	private static Link link(ResultSet rs, int n) throws SQLException {
		return new Link(rs.getString("node_id"), rs.getString("url"), rs.getString("public_key"), Link.Role.valueOf(rs.getString("role")),
				rs.getBoolean("enabled"), rs.getLong("last_sequence_sent"), rs.getLong("last_sequence_acked"),
				rs.getLong("last_sequence_received"), instant(rs, "last_received_at"), instant(rs, "last_success_at"),
				rs.getString("last_error"), instant(rs, "last_error_at"), rs.getInt("consecutive_failures"), rs.getLong("backlog"),
				instant(rs, "oldest"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
