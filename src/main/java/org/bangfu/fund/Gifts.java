package org.bangfu.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads and saves gifts: the SQL of fund_gift. */
@Component
public class Gifts {

	private final JdbcClient jdbc;

	Gifts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NewGift(String referenceCode, long donorId, String shownAs, Long needId, Integer position, String regionCode, String category,
			long amountFen, IfUnfunded ifUnfunded, String idempotencyKey, Instant at) {
	}

	long insert(NewGift g) {
		return jdbc.sql("""
				INSERT INTO fund_gift (reference_code, donor_id, shown_as, need_id, position, region_code, category, amount_fen, if_unfunded,
				                       state, idempotency_key, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROMISED', ?, ?) RETURNING id""")
			.params(g.referenceCode(), g.donorId(), g.shownAs(), g.needId(), g.position(), g.regionCode(), g.category(), g.amountFen(),
					g.ifUnfunded().name(), g.idempotencyKey(), Timestamp.from(g.at()))
			.query(Long.class)
			.single();
	}

	/** Writes the gift's state; refused (409) if another step changed it since it was loaded. */
	void save(Gift g, GiftState loadedIn) {
		int updated = jdbc.sql("""
				UPDATE fund_gift SET state = ?, receipt_number = ?, received_at = ?, ended_at = ?, ended_reason = ?
				WHERE id = ? AND state = ?""")
			.params(g.state().name(), g.receiptNumber(), Rows.ts(g.receivedAt()), Rows.ts(g.endedAt()), g.endedReason(), g.id(), loadedIn.name())
			.update();
		if (updated == 0) {
			throw new ConflictException("fund.gift.changed-meanwhile", g.referenceCode());
		}
	}

	public Gift get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("fund.gift.not-found"));
	}

	public Optional<Gift> find(long id) {
		return jdbc.sql("SELECT * FROM fund_gift WHERE id = ?").param(id).query(Gifts::gift).optional();
	}

	/** The gift with this reference code, its row locked until the transaction ends. */
	Optional<Gift> lockedByReference(String referenceCode) {
		return jdbc.sql("SELECT * FROM fund_gift WHERE reference_code = ? FOR UPDATE").param(referenceCode).query(Gifts::gift).optional();
	}

	/** The gift with this reference code, read without a lock (to learn its line, which is locked first). */
	Optional<Gift> byReference(String referenceCode) {
		return jdbc.sql("SELECT * FROM fund_gift WHERE reference_code = ?").param(referenceCode).query(Gifts::gift).optional();
	}

	Optional<Gift> byKey(long donorId, String key) {
		return jdbc.sql("SELECT * FROM fund_gift WHERE donor_id = ? AND idempotency_key = ?").params(donorId, key).query(Gifts::gift)
			.optional();
	}

	/** A donor's gifts, newest first (50 a page). */
	public List<Gift> ofDonor(long donorId, int page) {
		return jdbc.sql("SELECT * FROM fund_gift WHERE donor_id = ? ORDER BY id DESC LIMIT 50 OFFSET ?")
			.params(donorId, (long) Math.max(0, page) * 50)
			.query(Gifts::gift)
			.list();
	}

	/** The gifts to one need (all its lines), oldest first. */
	public List<Gift> ofNeed(long needId) {
		return jdbc.sql("SELECT * FROM fund_gift WHERE need_id = ? ORDER BY id").param(needId).query(Gifts::gift).list();
	}

	/** The gifts of a line that still hold a share of it, locked: what a need ending unfunded hands back. */
	List<Gift> holdingLocked(long needId) {
		return jdbc.sql("SELECT * FROM fund_gift WHERE need_id = ? AND state IN ('PROMISED', 'RECEIVED') ORDER BY id FOR UPDATE")
			.param(needId)
			.query(Gifts::gift)
			.list();
	}

	/** The gifts of needs in the scope whose refund is due, oldest first (the fund staff's work page). */
	List<Gift> refundsDue(org.bangfu.region.Scope scope) {
		return scope.bind(jdbc.sql("SELECT * FROM fund_gift WHERE state = 'REFUND_DUE' AND %s ORDER BY id LIMIT 200".formatted(scope.sql("region_code"))))
			.query(Gifts::gift)
			.list();
	}

	/** Promised gifts older than the cut-off, for the lapse. */
	List<Long> promisedBefore(Instant cutOff, int limit) {
		return jdbc.sql("SELECT id FROM fund_gift WHERE state = 'PROMISED' AND created_at < ? ORDER BY id LIMIT ?")
			.params(Timestamp.from(cutOff), limit)
			.query(Long.class)
			.list();
	}



	static Gift gift(ResultSet rs, int row) throws SQLException {
		return new Gift(rs.getLong("id"), rs.getString("reference_code"), rs.getLong("donor_id"), rs.getString("shown_as"),
				rs.getObject("need_id", Long.class), rs.getObject("position", Integer.class), rs.getString("region_code"), rs.getString("category"),
				rs.getLong("amount_fen"), IfUnfunded.valueOf(rs.getString("if_unfunded")), GiftState.valueOf(rs.getString("state")),
				rs.getString("receipt_number"), Rows.instant(rs, "created_at"), Rows.instant(rs, "received_at"), Rows.instant(rs, "ended_at"),
				rs.getString("ended_reason"));
	}
}
