package org.bangfu.pledge;

import org.bangfu.shared.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the pledge tables. */
@Component
public class Pledges {

	/** A pledge with its items by position, in the same statement (a list of pledges is one query, not one per pledge). */
	private static final String SELECT = """
			SELECT p.*, ARRAY(SELECT i.position FROM pledge_item i WHERE i.pledge_id = p.id ORDER BY i.position) AS positions,
			       ARRAY(SELECT i.quantity FROM pledge_item i WHERE i.pledge_id = p.id ORDER BY i.position) AS quantities
			FROM pledge p""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Pledges(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	long insert(long needId, String regionCode, Long householdId, long donorId, Map<Integer, Integer> items, int quantity, long valueFen,
			boolean staffInScope, String idempotencyKey, Instant deadline, String note, Instant at) {
		long id = jdbc.sql("""
				INSERT INTO pledge (need_id, region_code, household_id, donor_id, state, quantity, value_fen, staff_in_scope, idempotency_key,
				                    deadline, note, created_at)
				VALUES (?, ?, ?, ?, 'COMMITTED', ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(needId, regionCode, householdId, donorId, quantity, valueFen, staffInScope, idempotencyKey, Timestamp.from(deadline), note,
					Timestamp.from(at))
			.query(Long.class)
			.single();
		for (Map.Entry<Integer, Integer> e : items.entrySet()) {
			jdbc.sql("INSERT INTO pledge_item (pledge_id, position, quantity) VALUES (?, ?, ?)").params(id, e.getKey(), e.getValue()).update();
		}
		jdbc.sql("INSERT INTO pledge_transition (pledge_id, from_state, to_state, actor_id, at) VALUES (?, NULL, 'COMMITTED', ?, ?)")
			.params(id, donorId, Timestamp.from(at))
			.update();
		return id;
	}

	/**
	 * Writes the state and the recorded transitions, if the state is still the one it was loaded in (else 409), and
	 * publishes the pledge's events in the same transaction: the need module moves the need with them before the commit,
	 * and the event publication registry keeps them for the listeners that run after it.
	 */
	void save(Pledge p, PledgeState loadedIn) {
		int updated = jdbc.sql("""
				UPDATE pledge SET state = ?, shipped_at = ?, received_at = ?, received_by = ?, receipt_photo = ?, ended_at = ?, end_reason = ?
				WHERE id = ? AND state = ?""")
			.params(p.state().name(), ts(p.shippedAt()), ts(p.receivedAt()), p.receivedBy(), p.receiptPhoto(), ts(p.endedAt()),
					p.endReason(), p.id(), loadedIn.name())
			.update();
		if (updated == 0) {
			throw new ConflictException("pledge.changed-meanwhile");
		}
		for (Pledge.Transition t : p.recorded()) {
			jdbc.sql("INSERT INTO pledge_transition (pledge_id, from_state, to_state, actor_id, reason, at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(p.id(), t.from().name(), t.to().name(), t.actorId(), t.reason(), Timestamp.from(t.at()))
				.update();
		}
		p.events().forEach(events::publishEvent);
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	Optional<Pledge> find(long id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::pledge).optional();
	}

	public Pledge get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("pledge.not-found"));
	}

	/** Keeps what the request with an Idempotency-Key asked for (a fingerprint of its body). */
	void rememberRequest(long pledgeId, String fingerprint) {
		jdbc.sql("UPDATE pledge SET request_fingerprint = ? WHERE id = ?").params(fingerprint, pledgeId).update();
	}

	/** Whether the pledge was made by a request asking the same (pledges made before fingerprints were kept count as the same). */
	boolean madeBy(long pledgeId, String fingerprint) {
		return jdbc.sql("SELECT request_fingerprint IS NULL OR request_fingerprint = ? FROM pledge WHERE id = ?")
			.params(fingerprint, pledgeId)
			.query(Boolean.class)
			.single();
	}

	Optional<Pledge> byKey(long donorId, String key) {
		return jdbc.sql(SELECT + " WHERE donor_id = ? AND idempotency_key = ?").params(donorId, key).query(this::pledge).optional();
	}

	List<Pledge> ofNeed(long needId) {
		return jdbc.sql(SELECT + " WHERE need_id = ? ORDER BY id").param(needId).query(this::pledge).list();
	}

	/** The pledges of many needs in one query, oldest first. */
	List<Pledge> ofNeeds(List<Long> needIds) {
		return jdbc.sql(SELECT + " WHERE need_id = ANY(?) ORDER BY id").param(needIds.toArray(Long[]::new)).query(this::pledge).list();
	}

	public List<Pledge> ofDonor(long donorId, int page) {
		return jdbc.sql(SELECT + " WHERE donor_id = ? ORDER BY id DESC LIMIT 50 OFFSET ?")
			.params(donorId, Math.max(0, page) * 50)
			.query(this::pledge)
			.list();
	}

	List<Long> due(Instant now, int limit) {
		return jdbc.sql("SELECT id FROM pledge WHERE state IN ('COMMITTED', 'IN_TRANSIT') AND deadline < ? ORDER BY deadline LIMIT ?")
			.params(Timestamp.from(now), limit)
			.query(Long.class)
			.list();
	}

	/** Pledges still open whose deadline falls before {@code until} and whose people were not reminded yet. */
	List<Long> dueSoon(Instant now, Instant until, int limit) {
		return jdbc.sql("""
				SELECT id FROM pledge WHERE state IN ('COMMITTED', 'IN_TRANSIT') AND reminded_at IS NULL AND deadline >= ? AND deadline < ?
				ORDER BY deadline LIMIT ?""")
			.params(Timestamp.from(now), Timestamp.from(until), limit)
			.query(Long.class)
			.list();
	}

	/** Marks the reminder sent; false when it was sent already or the pledge is no longer open. */
	boolean markReminded(long id, Instant at) {
		return jdbc.sql("UPDATE pledge SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL AND state IN ('COMMITTED', 'IN_TRANSIT')")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	/**
	 * How many of the needs had a pledge received that staff made within their own scope: the part of the matching rate
	 * counted apart (stats.MatchingRate).
	 */
	public long needsReceivedFromStaffInScope(java.util.Collection<Long> needIds) {
		if (needIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("SELECT count(DISTINCT need_id) FROM pledge WHERE need_id = ANY(?) AND state = 'RECEIVED' AND staff_in_scope")
			.param(needIds.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	private Pledge pledge(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		Map<Integer, Integer> items = new LinkedHashMap<>();
		Integer[] positions = (Integer[]) rs.getArray("positions").getArray();
		Integer[] quantities = (Integer[]) rs.getArray("quantities").getArray();
		for (int i = 0; i < positions.length; i++) {
			items.put(positions[i], quantities[i]);
		}
		return new Pledge(id, rs.getLong("need_id"), rs.getString("region_code"), (Long) rs.getObject("household_id"), rs.getLong("donor_id"), items, rs.getInt("quantity"),
				rs.getLong("value_fen"), rs.getBoolean("staff_in_scope"), instant(rs, "deadline"), instant(rs, "created_at"),
				PledgeState.valueOf(rs.getString("state")), instant(rs, "shipped_at"), instant(rs, "received_at"),
				(Long) rs.getObject("received_by"), rs.getString("receipt_photo"), instant(rs, "ended_at"), rs.getString("end_reason"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
