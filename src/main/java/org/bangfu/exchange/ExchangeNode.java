package org.bangfu.exchange;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This node: its id ({@code bangfu.exchange.node-id}, by default the region it serves), its Ed25519 key pair (made on
 * first use and kept in exchange_node_key) and its links to other nodes.
 */
@Component
public class ExchangeNode {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String nodeId;

	private final Links links;

	private volatile KeyPair keys;

	ExchangeNode(JdbcClient jdbc, Clock clock, Links links,
			@Value("${bangfu.exchange.node-id:${bangfu.root-region:430400}}") String nodeId) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.links = links;
		this.nodeId = nodeId.strip();
	}

	public String id() {
		return nodeId;
	}

	public PublicKey publicKey() {
		return keys().getPublic();
	}

	public String publicKeyBase64() {
		return NodeKeys.publicKeyBase64(publicKey());
	}

	PrivateKey privateKey() {
		return keys().getPrivate();
	}

	public List<Link> links() {
		return links.all();
	}

	/** The enabled link whose role is UPPER, if any (the node this one pushes its needs to). */
	public Optional<Link> upperNode() {
		return links.all().stream().filter(l -> l.enabled() && l.role() == Link.Role.UPPER).findFirst();
	}

	/** The key pair: read once; made and stored on first use (two instances racing keep the first one stored). */
	private KeyPair keys() {
		KeyPair k = keys;
		if (k != null) {
			return k;
		}
		synchronized (this) {
			if (keys == null) {
				KeyPair fresh = NodeKeys.generate();
				jdbc.sql("""
						INSERT INTO exchange_node_key (node_id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)
						ON CONFLICT (node_id) DO NOTHING""")
					.params(nodeId, NodeKeys.publicKeyBase64(fresh.getPublic()), NodeKeys.privateKeyBase64(fresh.getPrivate()),
							Timestamp.from(clock.instant()))
					.update();
				keys = jdbc.sql("SELECT public_key, private_key FROM exchange_node_key WHERE node_id = ?")
					.param(nodeId)
					.query((rs, n) -> new KeyPair(NodeKeys.publicKey(rs.getString(1)), NodeKeys.privateKey(rs.getString(2))))
					.single();
			}
			return keys;
		}
	}
}
