package org.bangfu.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of fund_statement and fund_bank_receipt: imported statements and the rows on them. */
@Component
public class BankReceipts {

	/** Why a credit waits for review. */
	public enum Reason {
		NO_CODE, UNKNOWN_CODE, AMOUNT_DIFFERS, GIFT_NOT_WAITING
	}

	/** A statement row; amount signed (+ in, − out). */
	public record Receipt(long id, long statementId, int line, Instant bookedAt, long amountFen, String counterpartyName,
			String counterpartyAccount, String summary, Long balanceFen, String referenceCode, String state, String reason, Long giftId,
			Long ledgerSeq, Long resolvedBy, Instant resolvedAt, String resolutionNote) {
	}

	public record Statement(long id, String fileName, String layout, long importedBy, Instant importedAt, int rows, int matched, int unmatched,
			int duplicates, int debits, java.time.LocalDate firstDate, java.time.LocalDate lastDate, Long closingBalanceFen,
			Long closingEnteredBy) {
	}

	private final JdbcClient jdbc;

	BankReceipts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Statement> bySha(String sha) {
		return jdbc.sql("SELECT * FROM fund_statement WHERE file_sha256 = ?").param(sha).query(BankReceipts::statement).optional();
	}

	long insertStatement(String sha, String fileName, String layout, long by, Instant at) {
		return jdbc.sql("""
				INSERT INTO fund_statement (file_sha256, file_name, layout, imported_by, imported_at, rows, matched, unmatched, duplicates, debits)
				VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0) RETURNING id""")
			.params(sha, fileName, layout, by, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	void finishStatement(long id, int rows, int matched, int unmatched, int duplicates, int debits, java.time.LocalDate first,
			java.time.LocalDate last, Long closingFen) {
		jdbc.sql("""
				UPDATE fund_statement SET rows = ?, matched = ?, unmatched = ?, duplicates = ?, debits = ?, first_date = ?, last_date = ?,
				       closing_balance_fen = ? WHERE id = ?""")
			.params(rows, matched, unmatched, duplicates, debits, first, last, closingFen, id)
			.update();
	}

	void enterClosingBalance(long id, long fen, long by, Instant at) {
		jdbc.sql("UPDATE fund_statement SET closing_balance_fen = ?, closing_entered_by = ?, closing_entered_at = ? WHERE id = ?")
			.params(fen, by, Timestamp.from(at), id)
			.update();
	}

	/** Inserts the row unless a row with the same fingerprint exists (an overlapping statement): its id, or empty. */
	Optional<Long> insertRow(long statementId, StatementFile.Row row, Instant bookedAt, String fingerprint, String code, Instant now) {
		return jdbc.sql("""
				INSERT INTO fund_bank_receipt (statement_id, line, fingerprint, booked_at, amount_fen, counterparty_name, counterparty_account,
				                               summary, balance_fen, reference_code, state, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING RETURNING id""")
			.params(statementId, row.line(), fingerprint, Timestamp.from(bookedAt), row.amountFen(), row.name(), row.account(), row.summary(),
					row.balanceFen(), code, row.amountFen() < 0 ? "DEBIT" : "UNMATCHED", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	void matched(long id, long giftId, long ledgerSeq) {
		jdbc.sql("UPDATE fund_bank_receipt SET state = 'MATCHED', reason = NULL, gift_id = ?, ledger_seq = ? WHERE id = ?")
			.params(giftId, ledgerSeq, id)
			.update();
	}

	void unmatched(long id, Reason reason) {
		jdbc.sql("UPDATE fund_bank_receipt SET reason = ? WHERE id = ?").params(reason.name(), id).update();
	}

	/** Records staff's resolution of an unmatched receipt: who, when, why. */
	void resolved(long id, String state, Long giftId, long ledgerSeq, long by, Instant at, String note) {
		jdbc.sql("""
				UPDATE fund_bank_receipt SET state = ?, gift_id = ?, ledger_seq = ?, resolved_by = ?, resolved_at = ?, resolution_note = ?
				WHERE id = ? AND state = 'UNMATCHED'""")
			.params(state, giftId, ledgerSeq, by, Timestamp.from(at), note, id)
			.update();
	}

	Optional<Receipt> locked(long id) {
		return jdbc.sql("SELECT * FROM fund_bank_receipt WHERE id = ? FOR UPDATE").param(id).query(BankReceipts::receipt).optional();
	}

	public Optional<Receipt> find(long id) {
		return jdbc.sql("SELECT * FROM fund_bank_receipt WHERE id = ?").param(id).query(BankReceipts::receipt).optional();
	}

	/** Receipts in a state, oldest first (100 a page). */
	public List<Receipt> inState(String state, int page) {
		return jdbc.sql("SELECT * FROM fund_bank_receipt WHERE state = ? ORDER BY booked_at, id LIMIT 100 OFFSET ?")
			.params(state, Math.max(0, page) * 100L)
			.query(BankReceipts::receipt)
			.list();
	}

	public List<Receipt> ofStatement(long statementId) {
		return jdbc.sql("SELECT * FROM fund_bank_receipt WHERE statement_id = ? ORDER BY line").param(statementId).query(BankReceipts::receipt)
			.list();
	}

	/** All receipts of a kind for the reconciliation: debits, or credits with no ledger entry. */
	List<Receipt> all(String state) {
		return jdbc.sql("SELECT * FROM fund_bank_receipt WHERE state = ? ORDER BY booked_at, id").param(state).query(BankReceipts::receipt).list();
	}

	public List<Statement> statements(int page) {
		return jdbc.sql("SELECT * FROM fund_statement ORDER BY id DESC LIMIT 50 OFFSET ?").param(Math.max(0, page) * 50L)
			.query(BankReceipts::statement)
			.list();
	}

	public Optional<Statement> statement(long id) {
		return jdbc.sql("SELECT * FROM fund_statement WHERE id = ?").param(id).query(BankReceipts::statement).optional();
	}

	/** The statement reaching furthest in time (the newest import among equals): its closing balance is the bank's word. */
	public Optional<Statement> latest() {
		return jdbc.sql("SELECT * FROM fund_statement WHERE rows > 0 ORDER BY last_date DESC NULLS LAST, id DESC LIMIT 1")
			.query(BankReceipts::statement)
			.optional();
	}


	static Receipt receipt(ResultSet rs, int n) throws SQLException {
		return new Receipt(rs.getLong("id"), rs.getLong("statement_id"), rs.getInt("line"), Rows.instant(rs, "booked_at"), rs.getLong("amount_fen"),
				rs.getString("counterparty_name"), rs.getString("counterparty_account"), rs.getString("summary"),
				rs.getObject("balance_fen", Long.class), rs.getString("reference_code"), rs.getString("state"), rs.getString("reason"),
				rs.getObject("gift_id", Long.class), rs.getObject("ledger_seq", Long.class), rs.getObject("resolved_by", Long.class),
				Rows.instant(rs, "resolved_at"), rs.getString("resolution_note"));
	}

	static Statement statement(ResultSet rs, int n) throws SQLException {
		return new Statement(rs.getLong("id"), rs.getString("file_name"), rs.getString("layout"), rs.getLong("imported_by"),
				Rows.instant(rs, "imported_at"), rs.getInt("rows"), rs.getInt("matched"), rs.getInt("unmatched"), rs.getInt("duplicates"),
				rs.getInt("debits"), rs.getObject("first_date", java.time.LocalDate.class), rs.getObject("last_date", java.time.LocalDate.class),
				rs.getObject("closing_balance_fen", Long.class), rs.getObject("closing_entered_by", Long.class));
	}
}
