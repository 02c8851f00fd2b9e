package org.bangfu.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.bangfu.region.Scope;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads and saves payments: the SQL of fund_payment. */
@Component
public class Payments {

	private final JdbcClient jdbc;

	Payments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long needId, int position, String regionCode, long payeeId, long amountFen, String householdReason, long by, Instant at) {
		return jdbc.sql("""
				INSERT INTO fund_payment (need_id, position, region_code, payee_id, amount_fen, state, household_reason, requested_by, requested_at)
				VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?) RETURNING id""")
			.params(needId, position, regionCode, payeeId, amountFen, householdReason, by, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** Writes the payment's state; refused (409) if another step changed it since it was loaded. */
	void save(Payment p, PaymentState loadedIn) {
		int updated = jdbc.sql("""
				UPDATE fund_payment SET state = ?, approved_by = ?, approved_at = ?, paid_by = ?, paid_at = ?, transaction_number = ?, proof_file = ?
				WHERE id = ? AND state = ?""")
			.params(p.state().name(), p.approvedBy(), Rows.ts(p.approvedAt()), p.paidBy(), Rows.ts(p.paidAt()), p.transactionNumber(), p.proofFile(), p.id(),
					loadedIn.name())
			.update();
		if (updated == 0) {
			throw new ConflictException("fund.payment.changed-meanwhile", String.valueOf(p.id()));
		}
	}

	/** The payment, its row locked until the transaction ends. */
	Payment locked(long id) {
		return jdbc.sql("SELECT * FROM fund_payment WHERE id = ? FOR UPDATE").param(id).query(Payments::payment).optional()
			.orElseThrow(() -> new NotFoundException("fund.payment.not-found"));
	}

	/** The payment if it lies in the scope, else 404. */
	public Payment get(long id, Scope scope) {
		return jdbc.sql("SELECT * FROM fund_payment WHERE id = ?").param(id).query(Payments::payment).optional()
			.filter(p -> scope.contains(p.regionCode()))
			.orElseThrow(() -> new NotFoundException("fund.payment.not-found"));
	}

	/** Payments in the scope, of the state (null: all), newest first, 100 at most. */
	public List<Payment> within(Scope scope, PaymentState state) {
		return scope.bind(jdbc.sql("""
				SELECT * FROM fund_payment WHERE %s AND (CAST(:state AS text) IS NULL OR state = :state) ORDER BY id DESC LIMIT 100"""
			.formatted(scope.sql("region_code"))))
			.param("state", state == null ? null : state.name())
			.query(Payments::payment)
			.list();
	}

	/** The payments of a line, oldest first. */
	public List<Payment> ofLine(long needId, int position) {
		return jdbc.sql("SELECT * FROM fund_payment WHERE need_id = ? AND position = ? ORDER BY id").params(needId, position)
			.query(Payments::payment)
			.list();
	}

	/** The payments of a need approved or paid, oldest first: what its public page may show (with the payee's public forms). */
	public List<Payment> outOfNeed(long needId) {
		return jdbc.sql("SELECT * FROM fund_payment WHERE need_id = ? AND state IN ('APPROVED', 'PAID') ORDER BY id").param(needId)
			.query(Payments::payment)
			.list();
	}



	static Payment payment(ResultSet rs, int row) throws SQLException {
		return new Payment(rs.getLong("id"), rs.getLong("need_id"), rs.getInt("position"), rs.getString("region_code"), rs.getLong("payee_id"),
				rs.getLong("amount_fen"), rs.getString("household_reason"), rs.getLong("requested_by"), Rows.instant(rs, "requested_at"),
				PaymentState.valueOf(rs.getString("state")), rs.getObject("approved_by", Long.class), Rows.instant(rs, "approved_at"),
				rs.getObject("paid_by", Long.class), Rows.instant(rs, "paid_at"), rs.getString("transaction_number"), rs.getString("proof_file"));
	}
}
