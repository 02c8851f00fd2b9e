package org.bangfu.fund;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's bank account against the bank's own word (docs/fund.md, "Reconciliation"): the latest statement's closing
 * balance (its 余额 column, or entered by staff) beside the ledger's BANK balance, and the differences that explain the
 * gap: credits on statements not on the ledger (waiting for review), debits on statements the ledger has not recorded,
 * and ledger bank movements no statement shows yet. A ledger movement is seen on a statement when a statement row
 * recorded it (a matched or pooled receipt), or, for money out, when an unused debit of the same amount was booked
 * between {@value #DAYS_BEFORE} days before and {@value #DAYS_AFTER} days after it.
 */
@Service
public class Reconciliation {

	static final int DAYS_BEFORE = 3;

	static final int DAYS_AFTER = 10;

	/** A ledger entry's line on the bank account: + money in, − money out. */
	public record Movement(long seq, Instant postedAt, String kind, String memo, long amountFen) {
	}

	public record Report(long ledgerBankFen, Long statementId, LocalDate statementDate, Long statementBalanceFen, boolean balanceEntered,
			Long differenceFen, List<BankReceipts.Receipt> unmatchedCredits, List<BankReceipts.Receipt> debitsNotInLedger,
			List<Movement> notOnStatement, long explainedFen, Long unexplainedFen) {
	}

	private final FundLedger ledger;

	private final BankReceipts receipts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.bangfu.account.OperationLog log;

	Reconciliation(FundLedger ledger, BankReceipts receipts, JdbcClient jdbc, Clock clock, org.bangfu.account.OperationLog log) {
		this.ledger = ledger;
		this.receipts = receipts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.log = log;
	}

	@Transactional(readOnly = true)
	public Report report(BangfuUser user) {
		FundStaff.require(user);
		long bank = ledger.balanceOrZero(FundAccounts.BANK);
		var latest = receipts.latest();
		Set<Long> recorded = new HashSet<>(jdbc.sql("SELECT ledger_seq FROM fund_bank_receipt WHERE ledger_seq IS NOT NULL").query(Long.class)
			.list());
		List<BankReceipts.Receipt> debits = new ArrayList<>(receipts.all("DEBIT"));
		List<Movement> notOnStatement = new ArrayList<>();
		for (Movement m : bankMovements()) {
			if (recorded.contains(m.seq())) {
				continue;
			}
			BankReceipts.Receipt seen = m.amountFen() < 0 ? debitFor(debits, m) : null;
			if (seen != null) {
				debits.remove(seen);
			}
			else {
				notOnStatement.add(m);
			}
		}
		List<BankReceipts.Receipt> unmatched = receipts.all("UNMATCHED");
		long explained = unmatched.stream().mapToLong(BankReceipts.Receipt::amountFen).sum()
				+ debits.stream().mapToLong(BankReceipts.Receipt::amountFen).sum()
				- notOnStatement.stream().mapToLong(Movement::amountFen).sum();
		Long statementBalance = latest.map(BankReceipts.Statement::closingBalanceFen).orElse(null);
		Long difference = statementBalance == null ? null : statementBalance - bank;
		return new Report(bank, latest.map(BankReceipts.Statement::id).orElse(null), latest.map(BankReceipts.Statement::lastDate).orElse(null),
				statementBalance, latest.map(s -> s.closingEnteredBy() != null).orElse(false), difference, unmatched, debits, notOnStatement,
				explained, difference == null ? null : difference - explained);
	}

	/** Staff enter the statement's closing balance when the file has no 余额 column (or correct it from the paper statement). */
	@Transactional
	public void enterClosingBalance(BangfuUser user, long statementId, Long balanceFen) {
		FundStaff.require(user);
		if (balanceFen == null) {
			throw new BadInputException("fund.reconciliation.balance-required");
		}
		receipts.statement(statementId).orElseThrow(() -> new NotFoundException("fund.statement.not-found"));
		receipts.enterClosingBalance(statementId, balanceFen, user.id(), clock.instant());
		log.record(user.id(), "fund.statement.closing-balance", "statement:" + statementId, null, org.bangfu.shared.Money.yuan(balanceFen));
	}

	private static BankReceipts.Receipt debitFor(List<BankReceipts.Receipt> debits, Movement m) {
		LocalDate posted = LocalDate.ofInstant(m.postedAt(), StatementImport.CITY);
		for (BankReceipts.Receipt d : debits) {
			LocalDate booked = LocalDate.ofInstant(d.bookedAt(), StatementImport.CITY);
			if (d.amountFen() == m.amountFen() && !booked.isBefore(posted.minusDays(DAYS_BEFORE)) && !booked.isAfter(posted.plusDays(DAYS_AFTER))) {
				return d;
			}
		}
		return null;
	}

	private List<Movement> bankMovements() {
		return jdbc.sql("""
				SELECT e.seq, e.posted_at, e.kind, e.memo, l.amount
				FROM fund_ledger_line l JOIN fund_ledger_account a ON a.id = l.account_id JOIN fund_ledger_entry e ON e.seq = l.entry_seq
				WHERE a.code = ? ORDER BY e.seq""")
			.param(FundAccounts.BANK)
			.query((rs, n) -> new Movement(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.list();
	}
}
