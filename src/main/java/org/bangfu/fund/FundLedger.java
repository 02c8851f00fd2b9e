package org.bangfu.fund;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The fund's ledger: opens accounts, posts entries, reads balances, verifies the chain and exports it. There is no
 * update or delete here on purpose; the database refuses them too (V25's triggers).
 */
@Service
public class FundLedger {

	/** Key of the transaction-level advisory lock that serializes the chain (seq and previous hash). */
	private static final long CHAIN_LOCK = 0x42414e4746554e44L;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	FundLedger(JdbcClient jdbc, Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
	}

	/** Opens an account; the code is public (it appears in the export), so it must carry no personal data. */
	@Transactional
	public void open(String code, AccountKind kind) {
		if (code == null || !LedgerEntry.CODE.matcher(code).matches() || kind == null) {
			throw new BadInputException("fund.ledger.account-invalid", String.valueOf(code));
		}
		int added = jdbc.sql("INSERT INTO fund_ledger_account (code, kind, created_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING")
			.params(code, kind.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		if (added == 0) {
			throw new ConflictException("fund.ledger.account-exists", code);
		}
	}

	/**
	 * Posts one entry. The accounts it touches are locked in id order (so two posts never wait on each other in a
	 * circle), then the chain; an entry that would take an account below zero on its normal side is refused with
	 * nothing written.
	 */
	@Transactional
	public LedgerEntry post(EntryKind kind, String memo, List<LedgerLine> lines) {
		LedgerEntry.check(kind, memo, lines);
		List<String> codes = lines.stream().map(LedgerLine::account).toList();
		Map<String, long[]> accounts = new HashMap<>(); // code -> {id, kind ordinal, signed sum of its lines}
		jdbc.sql("SELECT id, code, kind, sum_fen FROM fund_ledger_account WHERE code IN (:codes) ORDER BY id FOR UPDATE")
			.param("codes", codes)
			.query(rs -> {
				accounts.put(rs.getString("code"), new long[] { rs.getLong("id"), AccountKind.valueOf(rs.getString("kind")).ordinal(),
						rs.getLong("sum_fen") });
			});
		for (String code : codes) {
			if (!accounts.containsKey(code)) {
				throw new NotFoundException("fund.ledger.account-unknown", code);
			}
		}
		for (LedgerLine line : lines) {
			long[] account = accounts.get(line.account());
			AccountKind accountKind = AccountKind.values()[(int) account[1]];
			long after = accountKind.balance(Math.addExact(account[2], line.amount()));
			if (accountKind.nonNegative() && after < 0) {
				throw new ConflictException("fund.ledger.balance-negative", line.account());
			}
		}
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Integer.class).single();
		var last = jdbc.sql("SELECT seq, hash FROM fund_ledger_entry ORDER BY seq DESC LIMIT 1")
			.query((rs, n) -> new Object[] { rs.getLong("seq"), rs.getString("hash") })
			.optional();
		long seq = last.map(l -> (Long) l[0] + 1).orElse(1L);
		String previous = last.map(l -> (String) l[1]).orElse(LedgerEntry.GENESIS);
		LedgerEntry entry = LedgerEntry.create(seq, kind, memo, clock.instant(), lines, previous);
		jdbc.sql("INSERT INTO fund_ledger_entry (seq, kind, memo, posted_at, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")
			.params(seq, kind.name(), memo, OffsetDateTime.ofInstant(entry.postedAt(), ZoneOffset.UTC), previous, entry.hash())
			.update();
		for (LedgerLine line : entry.lines()) {
			jdbc.sql("INSERT INTO fund_ledger_line (entry_seq, account_id, amount) VALUES (?, ?, ?)")
				.params(seq, accounts.get(line.account())[0], line.amount())
				.update();
			jdbc.sql("UPDATE fund_ledger_account SET sum_fen = sum_fen + ? WHERE id = ?").params(line.amount(), accounts.get(line.account())[0])
				.update();
		}
		return entry;
	}

	/** The account's balance in fen on its normal side (what the bank holds, what a need is owed…). */
	@Transactional(readOnly = true)
	public long balance(String code) {
		return jdbc.sql("SELECT kind, sum_fen FROM fund_ledger_account WHERE code = ?").param(code)
			.query((rs, n) -> AccountKind.valueOf(rs.getString("kind")).balance(rs.getLong("sum_fen")))
			.optional()
			.orElseThrow(() -> new NotFoundException("fund.ledger.account-unknown", code));
	}

	/** The account's balance, zero while the account has not been opened (a fund with no money yet). */
	@Transactional(readOnly = true)
	public long balanceOrZero(String code) {
		return jdbc.sql("SELECT kind, sum_fen FROM fund_ledger_account WHERE code = ?").param(code)
			.query((rs, n) -> AccountKind.valueOf(rs.getString("kind")).balance(rs.getLong("sum_fen")))
			.optional()
			.orElse(0L);
	}

	/** The last entry's number and hash (the head to publish), null while the ledger is empty. */
	public record Head(long seq, String hash, java.time.Instant postedAt) {
	}

	@Transactional(readOnly = true)
	public Head head() {
		return jdbc.sql("SELECT seq, hash, posted_at FROM fund_ledger_entry ORDER BY seq DESC LIMIT 1")
			.query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"), rs.getObject("posted_at", OffsetDateTime.class).toInstant()))
			.optional()
			.orElse(null);
	}

	/** Recomputes the chain from the database and names the first entry where it breaks. */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		return ChainVerification.of(entries());
	}

	/** The whole ledger as JSON (docs/fund-ledger.md): entries with their lines and hashes, account codes only. */
	@Transactional(readOnly = true)
	public String export() {
		List<Map<String, Object>> out = new ArrayList<>();
		for (LedgerEntry e : entries()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("seq", e.seq());
			m.put("prevHash", e.previousHash());
			m.put("postedAt", LedgerEntry.instant(e.postedAt()));
			m.put("kind", e.kind());
			m.put("memo", e.memo());
			m.put("lines", e.lines()); // a record: written as {"account", "amount"} in that order
			m.put("hash", e.hash());
			out.add(m);
		}
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("format", "bangfu-fund-ledger/1");
		doc.put("entries", out);
		return json.writeValueAsString(doc);
	}

	// --- read-only views for the public pages and the reports (no update or delete here either) ---------------------

	/** How many entries the ledger holds. */
	@Transactional(readOnly = true)
	public long count() {
		return jdbc.sql("SELECT count(*) FROM fund_ledger_entry").query(Long.class).single();
	}

	/** One page of entries, newest first ({@code page} from 0), each with its lines. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> newestFirst(int page, int size) {
		return withLines("SELECT seq, kind, memo, posted_at, previous_hash, hash FROM fund_ledger_entry ORDER BY seq DESC LIMIT ? OFFSET ?",
				size, (long) Math.max(0, page) * size);
	}

	/** The entries posted in [from, to), in seq order, each with its lines: what a period's report adds up. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> postedBetween(java.time.Instant from, java.time.Instant to) {
		return withLines("SELECT seq, kind, memo, posted_at, previous_hash, hash FROM fund_ledger_entry WHERE posted_at >= ? AND posted_at < ? ORDER BY seq",
				OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
	}

	/** The entries that touch any of the accounts, in seq order, each with all its lines (a money line's payments out). */
	@Transactional(readOnly = true)
	public List<LedgerEntry> touching(java.util.Collection<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return withLines("""
				SELECT e.seq, e.kind, e.memo, e.posted_at, e.previous_hash, e.hash FROM fund_ledger_entry e
				WHERE e.seq IN (SELECT l.entry_seq FROM fund_ledger_line l JOIN fund_ledger_account a ON a.id = l.account_id WHERE a.code IN (%s))
				ORDER BY e.seq""".formatted(String.join(",", java.util.Collections.nCopies(codes.size(), "?"))), codes.toArray());
	}

	/** The account's balance on its normal side from the entries posted before the instant; zero for an account not yet used. */
	@Transactional(readOnly = true)
	public long balanceBefore(String code, java.time.Instant at) {
		return jdbc.sql("""
				SELECT a.kind, coalesce(sum(l.amount), 0) FROM fund_ledger_account a
				LEFT JOIN fund_ledger_line l ON l.account_id = a.id
				  AND l.entry_seq IN (SELECT seq FROM fund_ledger_entry WHERE posted_at < ?)
				WHERE a.code = ? GROUP BY a.kind""")
			.params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), code)
			.query((rs, n) -> AccountKind.valueOf(rs.getString(1)).balance(rs.getLong(2)))
			.optional()
			.orElse(0L);
	}

	/** The signed sum of the account's lines in entries of these kinds posted in [from, to), and how many entries: {sum, count}. */
	@Transactional(readOnly = true)
	public long[] sumOn(String code, java.util.Collection<EntryKind> kinds, java.time.Instant from, java.time.Instant to) {
		return jdbc.sql("""
				SELECT coalesce(sum(l.amount), 0), count(*) FROM fund_ledger_line l
				JOIN fund_ledger_account a ON a.id = l.account_id JOIN fund_ledger_entry e ON e.seq = l.entry_seq
				WHERE a.code = :code AND e.kind IN (:kinds) AND e.posted_at >= :from AND e.posted_at < :to""")
			.param("code", code)
			.param("kinds", kinds.stream().map(EntryKind::name).toList())
			.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/** Entries selected by the query (its columns as in {@link #entries}), with their lines sorted by account code. */
	private List<LedgerEntry> withLines(String sql, Object... params) {
		List<LedgerEntry> bare = jdbc.sql(sql).params(params)
			.query((rs, n) -> new LedgerEntry(rs.getLong("seq"), rs.getString("kind"), rs.getString("memo"),
					rs.getObject("posted_at", OffsetDateTime.class).toInstant(), List.of(), rs.getString("previous_hash"), rs.getString("hash")))
			.list();
		if (bare.isEmpty()) {
			return bare;
		}
		Map<Long, List<LedgerLine>> lines = new HashMap<>();
		jdbc.sql("SELECT l.entry_seq, a.code, l.amount FROM fund_ledger_line l JOIN fund_ledger_account a ON a.id = l.account_id WHERE l.entry_seq IN (:seqs)")
			.param("seqs", bare.stream().map(LedgerEntry::seq).toList())
			.query(rs -> {
				lines.computeIfAbsent(rs.getLong(1), s -> new ArrayList<>()).add(new LedgerLine(rs.getString(2), rs.getLong(3)));
			});
		return bare.stream()
			.map(e -> new LedgerEntry(e.seq(), e.kind(), e.memo(), e.postedAt(), LedgerEntry.sorted(lines.getOrDefault(e.seq(), List.of())),
					e.previousHash(), e.hash()))
			.toList();
	}

	/** All entries in seq order with their lines sorted by account code, as stored (kind kept as text in a tampered row). */
	private List<LedgerEntry> entries() {
		Map<Long, List<LedgerLine>> lines = new HashMap<>();
		jdbc.sql("SELECT l.entry_seq, a.code, l.amount FROM fund_ledger_line l JOIN fund_ledger_account a ON a.id = l.account_id")
			.query(rs -> {
				lines.computeIfAbsent(rs.getLong(1), s -> new ArrayList<>()).add(new LedgerLine(rs.getString(2), rs.getLong(3)));
			});
		return jdbc.sql("SELECT seq, kind, memo, posted_at, previous_hash, hash FROM fund_ledger_entry ORDER BY seq")
			.query((rs, n) -> new LedgerEntry(rs.getLong("seq"), rs.getString("kind"), rs.getString("memo"),
					rs.getObject("posted_at", OffsetDateTime.class).toInstant(),
					LedgerEntry.sorted(lines.getOrDefault(rs.getLong("seq"), List.of())), rs.getString("previous_hash"),
					rs.getString("hash")))
			.list();
	}
}
