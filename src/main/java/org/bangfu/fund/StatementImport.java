package org.bangfu.fund;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.TooLargeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a bank statement (docs/fund.md, "Money in"): the whole file is read and checked first, so a row that does not
 * parse refuses it with nothing stored; then every row not seen before (by its fingerprint) is kept, and each credit
 * whose 摘要 quotes a promised gift's reference code with exactly its amount is the gift's money
 * ({@link GiftArrival#received}); the others wait for review with the reason. Imports run one at a time (an advisory
 * lock), so two overlapping statements imported at once still count each row once.
 */
@Service
public class StatementImport {

	private static final long IMPORT_LOCK = 0x42414e4753544d54L;

	static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	public record Result(long statementId, int rows, int matched, int unmatched, int duplicates, int debits, Long closingBalanceFen) {
	}

	private final BankReceipts receipts;

	private final Gifts gifts;

	private final GiftArrival arrival;

	private final FundLedger ledger;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.bangfu.account.OperationLog log;

	private final long maxBytes;

	private final int maxRows;

	StatementImport(BankReceipts receipts, Gifts gifts, GiftArrival arrival, FundLedger ledger, JdbcClient jdbc, Clock clock,
			org.bangfu.account.OperationLog log,
			@Value("${bangfu.fund.statement-max:10MB}") org.springframework.util.unit.DataSize maxBytes,
			@Value("${bangfu.fund.statement-max-rows:50000}") int maxRows) {
		this.receipts = receipts;
		this.gifts = gifts;
		this.arrival = arrival;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.clock = clock;
		this.log = log;
		this.maxBytes = maxBytes.toBytes();
		this.maxRows = maxRows;
	}

	public long maxBytes() {
		return maxBytes;
	}

	@Transactional
	public Result importFile(BangfuUser user, String fileName, byte[] content) {
		FundStaff.require(user);
		if (content.length > maxBytes) {
			throw new TooLargeException("fund.statement.too-large", maxBytes >> 20);
		}
		StatementFile.Parsed parsed = StatementFile.read(content, maxRows);
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query(Integer.class).single();
		String sha = sha256(content);
		Optional<BankReceipts.Statement> earlier = receipts.bySha(sha);
		if (earlier.isPresent()) {
			throw new ConflictException("fund.statement.already-imported",
					earlier.get().importedAt().atZone(CITY).toLocalDateTime().withNano(0).toString().replace('T', ' '), earlier.get().id());
		}
		Instant now = clock.instant();
		String name = fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length()));
		long statementId = receipts.insertStatement(sha, name, parsed.layout(), user.id(), now);
		int matched = 0, unmatched = 0, duplicates = 0, debits = 0;
		Map<String, Integer> seen = new HashMap<>();
		for (StatementFile.Row row : parsed.rows()) {
			String key = row.bookedAt().toLocalDate() + "|" + row.amountFen() + "|" + nz(row.account()) + "|" + nz(row.summary());
			int occurrence = seen.merge(key, 1, Integer::sum);
			Instant bookedAt = row.bookedAt().atZone(CITY).toInstant();
			String code = ReferenceCodes.findIn(row.summary()).orElse(null);
			Optional<Long> id = receipts.insertRow(statementId, row, bookedAt, sha256((key + "|" + occurrence).getBytes(StandardCharsets.UTF_8)),
					code, now);
			if (id.isEmpty()) {
				duplicates++;
			}
			else if (row.amountFen() < 0) {
				debits++;
			}
			else {
				BankReceipts.Reason reason = match(id.get(), code, row.amountFen(), bookedAt);
				if (reason == null) {
					matched++;
				}
				else {
					receipts.unmatched(id.get(), reason);
					unmatched++;
				}
			}
		}
		receipts.finishStatement(statementId, parsed.rows().size(), matched, unmatched, duplicates, debits, first(parsed.rows()),
				last(parsed.rows()), closing(parsed.rows()));
		log.record(user.id(), "fund.statement.import", "statement:" + statementId, null,
				parsed.rows().size() + " 行，自动对上 " + matched + "，待核对 " + unmatched + "，重复跳过 " + duplicates + "，支出 " + debits);
		return new Result(statementId, parsed.rows().size(), matched, unmatched, duplicates, debits, closing(parsed.rows()));
	}

	/** Matches a credit to its gift: null when matched, else why it waits. Checked before GiftArrival, which would refuse. */
	private BankReceipts.Reason match(long receiptId, String code, long amountFen, Instant at) {
		BankReceipts.Reason reason = reasonAgainst(code, amountFen);
		if (reason == null) {
			Gift gift = arrival.received(code, amountFen, "银行流水", at);
			receipts.matched(receiptId, gift.id(), ledger.head().seq());
		}
		return reason;
	}

	/** Why the money cannot be this gift's, or null when it is exactly the promised gift's amount. */
	BankReceipts.Reason reasonAgainst(String code, long amountFen) {
		if (code == null) {
			return BankReceipts.Reason.NO_CODE;
		}
		Optional<Gift> gift = gifts.byReference(code);
		if (gift.isEmpty()) {
			return BankReceipts.Reason.UNKNOWN_CODE;
		}
		if (gift.get().state() != GiftState.PROMISED) {
			return BankReceipts.Reason.GIFT_NOT_WAITING;
		}
		return gift.get().amountFen() == amountFen ? null : BankReceipts.Reason.AMOUNT_DIFFERS;
	}

	/** The balance after the statement's last transaction: its last row, or its first when the bank lists newest first. */
	private static Long closing(List<StatementFile.Row> rows) {
		StatementFile.Row first = rows.get(0), last = rows.get(rows.size() - 1);
		return first.bookedAt().isAfter(last.bookedAt()) ? first.balanceFen() : last.balanceFen();
	}

	private static LocalDate first(List<StatementFile.Row> rows) {
		return rows.stream().map(r -> r.bookedAt().toLocalDate()).min(LocalDate::compareTo).orElse(null);
	}

	private static LocalDate last(List<StatementFile.Row> rows) {
		return rows.stream().map(r -> r.bookedAt().toLocalDate()).max(LocalDate::compareTo).orElse(null);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
