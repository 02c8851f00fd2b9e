package org.bangfu.fund;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.bangfu.shared.BadInputException;

/**
 * One ledger transaction, the aggregate that checks its own invariants before it is written: two or more lines on
 * distinct accounts, none zero, summing to zero; a memo without the separators of the canonical form. Its hash is
 * SHA-256 over {@link #canonical} (docs/fund-ledger.md). The kind is kept as text so that a row tampered to an unknown
 * kind is still read and reported by the verification rather than failing it.
 */
public record LedgerEntry(long seq, String kind, String memo, Instant postedAt, List<LedgerLine> lines, String previousHash,
		String hash) {

	/** The previous hash of the first entry. */
	public static final String GENESIS = "0".repeat(64);

	static final Pattern CODE = Pattern.compile("[a-z0-9_.-]+");

	/** A memo may not hold the separators of the canonical form or control characters. */
	private static final Pattern MEMO = Pattern.compile("[^|;:\\p{Cntrl}]{0,200}");

	/** Checks the lines and memo of an entry about to be posted; throws {@link BadInputException} with a bundle key. */
	static void check(EntryKind kind, String memo, List<LedgerLine> lines) {
		if (kind == null) {
			throw new BadInputException("fund.ledger.kind-missing");
		}
		if (memo == null || !MEMO.matcher(memo).matches()) {
			throw new BadInputException("fund.ledger.memo-invalid");
		}
		if (lines == null || lines.size() < 2) {
			throw new BadInputException("fund.ledger.too-few-lines");
		}
		var seen = new HashSet<String>();
		long sum = 0;
		for (LedgerLine line : lines) {
			if (line.account() == null || !CODE.matcher(line.account()).matches()) {
				throw new BadInputException("fund.ledger.account-invalid", String.valueOf(line.account()));
			}
			if (!seen.add(line.account())) {
				throw new BadInputException("fund.ledger.account-twice", line.account());
			}
			if (line.amount() == 0) {
				throw new BadInputException("fund.ledger.zero-amount", line.account());
			}
			sum = Math.addExact(sum, line.amount());
		}
		if (sum != 0) {
			throw new BadInputException("fund.ledger.unbalanced", sum);
		}
	}

	/** A new entry chained to the previous hash; the instant is cut to microseconds, as PostgreSQL stores it. */
	static LedgerEntry create(long seq, EntryKind kind, String memo, Instant at, List<LedgerLine> lines, String previousHash) {
		check(kind, memo, lines);
		Instant postedAt = at.truncatedTo(ChronoUnit.MICROS);
		List<LedgerLine> sorted = sorted(lines);
		return new LedgerEntry(seq, kind.name(), memo, postedAt, sorted, previousHash, hash(seq, previousHash, postedAt, kind.name(), memo, sorted));
	}

	static List<LedgerLine> sorted(List<LedgerLine> lines) {
		return lines.stream().sorted(Comparator.comparing(LedgerLine::account)).toList();
	}

	static String instant(Instant at) {
		return DateTimeFormatter.ISO_INSTANT.format(at);
	}

	/** {@code seq|previous hash|instant|kind|memo|account:amount;account:amount…}, lines sorted by account code. */
	static String canonical(long seq, String previousHash, Instant postedAt, String kind, String memo, List<LedgerLine> lines) {
		var s = new StringBuilder().append(seq).append('|').append(previousHash).append('|').append(instant(postedAt)).append('|')
			.append(kind).append('|').append(memo).append('|');
		List<LedgerLine> sorted = sorted(lines);
		for (int i = 0; i < sorted.size(); i++) {
			s.append(i == 0 ? "" : ";").append(sorted.get(i).account()).append(':').append(sorted.get(i).amount());
		}
		return s.toString();
	}

	static String hash(long seq, String previousHash, Instant postedAt, String kind, String memo, List<LedgerLine> lines) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical(seq, previousHash, postedAt, kind, memo, lines).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
