package org.bangfu.fund;

import java.util.List;

/**
 * The outcome of recomputing the chain: intact, or the first entry (by seq) where it breaks and why — {@code missing}
 * (a gap in the numbering: an entry removed), {@code previous-hash} (the link does not match: removed or reordered),
 * {@code hash} (the entry's content was changed) or {@code unbalanced} (its lines do not sum to zero).
 */
public record ChainVerification(boolean intact, long entries, Long firstBroken, String reason) {

	static ChainVerification of(List<LedgerEntry> entries) {
		long expected = 1;
		String previous = LedgerEntry.GENESIS;
		for (LedgerEntry e : entries) {
			if (e.seq() != expected) {
				return new ChainVerification(false, entries.size(), expected, "missing");
			}
			if (!e.previousHash().equals(previous)) {
				return new ChainVerification(false, entries.size(), e.seq(), "previous-hash");
			}
			if (!LedgerEntry.hash(e.seq(), previous, e.postedAt(), e.kind(), e.memo(), e.lines()).equals(e.hash())) {
				return new ChainVerification(false, entries.size(), e.seq(), "hash");
			}
			if (e.lines().stream().mapToLong(LedgerLine::amount).sum() != 0) {
				return new ChainVerification(false, entries.size(), e.seq(), "unbalanced");
			}
			previous = e.hash();
			expected++;
		}
		return new ChainVerification(true, entries.size(), null, null);
	}
}
