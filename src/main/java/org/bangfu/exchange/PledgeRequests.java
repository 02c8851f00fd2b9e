package org.bangfu.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bangfu.account.BangfuUser;
import org.bangfu.pledge.DonorNames;
import org.bangfu.pledge.DonorTools;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.InconsistentRequestException;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The upper node's side of a pledge on a need another node owns: the request is saved WAITING and PLEDGE_REQUESTED
 * queued for the owner in one transaction; the owner's PLEDGE_ANSWERED settles it ({@link PledgeAnsweredHandler}). The
 * quantities are checked against the need's last known remaining at once, but only the owner decides.
 */
@Component
public class PledgeRequests {

	private final JdbcClient jdbc;

	private final ExchangeNode node;

	private final ExchangeOutbox outbox;

	private final RemoteNeedCopies needs;

	private final PledgeRequestNotices notices;

	private final Clock clock;

	private final Links links;

	PledgeRequests(JdbcClient jdbc, ExchangeNode node, ExchangeOutbox outbox, RemoteNeedCopies needs, PledgeRequestNotices notices, Clock clock,
			Links links) {
		this.links = links;
		this.jdbc = jdbc;
		this.node = node;
		this.outbox = outbox;
		this.needs = needs;
		this.notices = notices;
		this.clock = clock;
	}

	/** The request and whether this call made it (false: a repeat with the same Idempotency-Key). */
	public record Made(PledgeRequest request, boolean created) {
	}

	/**
	 * A donor asks for quantities (by item position, as the need was published) of a need of {@code origin}. Refused at
	 * once: a household's own account (403), an unknown need (404), a need not open or more than its last known remaining
	 * (400). With a key, a repeat answers the first request.
	 */
	@Transactional
	public Made request(BangfuUser donor, String origin, long needId, Map<Integer, Integer> byPosition, Integer quantity, String idempotencyKey) {
		DonorTools.refuseHousehold(donor);
		boolean plain = byPosition == null || byPosition.isEmpty();
		if (plain && (quantity == null || quantity <= 0)) {
			throw new BadInputException("pledge.quantity-positive");
		}
		// a plain quantity is of the first item: the upper node does not know what is left of each, so it spreads nothing
		Map<Integer, Integer> items = plain ? Map.of(0, quantity) : byPosition;
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null) {
			if (key.length() > 100) {
				throw new BadInputException("pledge.key-too-long");
			}
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("exchange-pledge/" + donor.id() + "/" + key).query(Object.class).single();
			Optional<PledgeRequest> earlier = jdbc.sql("SELECT * FROM pledge_request WHERE donor_id = ? AND idempotency_key = ?")
				.params(donor.id(), key)
				.query(PledgeRequests::row)
				.optional();
			if (earlier.isPresent()) {
				PledgeRequest e = earlier.get();
				if (!e.originNode().equals(origin) || e.needId() != needId) {
					throw new ConflictException("pledge.key-reused");
				}
				if (!e.items().equals(new TreeMap<>(items))) {
					throw new InconsistentRequestException("pledge.key-other-request");
				}
				return new Made(e, false);
			}
		}
		RemoteNeedCopies.Copy need = needs.get(origin, needId);
		if (links.find(origin).filter(l -> l.enabled() && l.role() == Link.Role.LOWER).isEmpty()) {
			// a link taken down: the request could never be sent, so it is not taken
			throw new ConflictException("exchange.pledge.origin-not-linked");
		}
		if (plain && need.itemNames().size() > 1) {
			throw new BadInputException("exchange.pledge.items-required");
		}
		ArrayNode asked = asked(need, items);
		int total = items.values().stream().mapToInt(Integer::intValue).sum();
		long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('pledge_request', 'id'))").query(Long.class).single();
		String requestId = node.id() + "-" + id;
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO pledge_request (id, request_id, donor_id, origin_node, need_id, items, quantity, idempotency_key, state, created_at)
				VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, 'WAITING', ?)""")
			.params(id, requestId, donor.id(), origin, needId, asked.toString(), total, key, Timestamp.from(now))
			.update();
		ObjectNode payload = JsonNodeFactory.instance.objectNode();
		payload.put("requestId", requestId);
		payload.put("needId", needId);
		payload.put("originNode", origin);
		payload.set("items", asked);
		payload.putObject("donor").put("displayName", DonorNames.shown(donor));
		outbox.enqueue(origin, MessageKind.PLEDGE_REQUESTED, payload);
		PledgeRequest made = get(requestId);
		notices.waiting(made, need.title());
		return new Made(made, true);
	}

	/** The items as PLEDGE_REQUESTED carries them: position, name and quantity; checked against the copy of the need. */
	private static ArrayNode asked(RemoteNeedCopies.Copy need, Map<Integer, Integer> items) {
		if (!need.open()) {
			throw new BadInputException("exchange.pledge.need-not-open");
		}
		if (items == null || items.isEmpty()) {
			throw new BadInputException("pledge.quantity-positive");
		}
		ArrayNode asked = JsonNodeFactory.instance.arrayNode();
		int total = 0;
		for (Map.Entry<Integer, Integer> e : new TreeMap<>(items).entrySet()) {
			if (e.getKey() == null || e.getKey() < 0 || e.getKey() >= need.itemNames().size()) {
				throw new BadInputException("pledge.item-unknown", e.getKey());
			}
			if (e.getValue() == null || e.getValue() <= 0) {
				throw new BadInputException("pledge.quantity-positive");
			}
			total += e.getValue();
			asked.addObject().put("position", e.getKey()).put("name", need.itemNames().get(e.getKey())).put("quantity", e.getValue());
		}
		if (total > need.remainingQuantity()) {
			throw new BadInputException("exchange.pledge.more-than-remains", need.remainingQuantity());
		}
		return asked;
	}

	/** The donor's requests, newest first, 50 a page. */
	public List<PledgeRequest> mine(long donorId, int page) {
		return jdbc.sql("SELECT * FROM pledge_request WHERE donor_id = ? ORDER BY id DESC LIMIT 50 OFFSET ?")
			.params(donorId, Math.max(0, page) * 50)
			.query(PledgeRequests::row)
			.list();
	}

	/** The need's title as this node's copy has it ("" when the copy is gone). */
	public String needTitle(PledgeRequest r) {
		return needs.find(r.originNode(), r.needId()).map(RemoteNeedCopies.Copy::title).orElse("");
	}

	/** Whether the last delivery to the node succeeded: a request to it is answered soon, as far as this node knows. */
	public boolean reachable(String node) {
		return !notices.unreachable(node);
	}

	/** The requests to one origin still waiting for its answer. */
	public long waitingFor(String origin) {
		return jdbc.sql("SELECT count(*) FROM pledge_request WHERE origin_node = ? AND state = 'WAITING'").param(origin).query(Long.class).single();
	}

	PledgeRequest get(String requestId) {
		return find(requestId).orElseThrow(() -> new NotFoundException("exchange.pledge.request-not-found", requestId));
	}

	Optional<PledgeRequest> find(String requestId) {
		return jdbc.sql("SELECT * FROM pledge_request WHERE request_id = ?").param(requestId).query(PledgeRequests::row).optional();
	}

	/** The row locked until the transaction ends, for the answer. */
	Optional<PledgeRequest> lock(String requestId) {
		return jdbc.sql("SELECT * FROM pledge_request WHERE request_id = ? FOR UPDATE").param(requestId).query(PledgeRequests::row).optional();
	}

	void save(PledgeRequest r) {
		jdbc.sql("""
				UPDATE pledge_request SET state = ?, owner_pledge_id = ?, reason = ?, reason_text = ?, answered_at = ?
				WHERE request_id = ?""")
			.params(r.state().name(), r.ownerPledgeId(), r.reason(), r.reasonText(), r.answeredAt() == null ? null : Timestamp.from(r.answeredAt()),
					r.requestId())
			.update();
	}

	private static PledgeRequest row(ResultSet rs, int n) throws SQLException {
		Map<Integer, Integer> items = new TreeMap<>();
		for (JsonNode i : CanonicalJson.MAPPER.readTree(rs.getString("items"))) {
			items.put(i.get("position").asInt(), i.get("quantity").asInt());
		}
		long pledgeId = rs.getLong("owner_pledge_id");
		Long ownerPledgeId = rs.wasNull() ? null : pledgeId;
		Timestamp answered = rs.getTimestamp("answered_at");
		return new PledgeRequest(rs.getLong("id"), rs.getString("request_id"), rs.getLong("donor_id"), rs.getString("origin_node"),
				rs.getLong("need_id"), items, rs.getInt("quantity"), PledgeRequest.State.valueOf(rs.getString("state")), ownerPledgeId,
				rs.getString("reason"), rs.getString("reason_text"), rs.getTimestamp("created_at").toInstant(),
				answered == null ? null : answered.toInstant());
	}
}
