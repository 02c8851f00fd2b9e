package org.bangfu.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.bangfu.shared.BadInputException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Property-based checks of the entry aggregate alone (no database): balance, refusal and a hash independent of line order. */
class LedgerEntryPropertyTest {

	private static List<LedgerLine> balanced(int accounts, long seed) {
		Random random = new Random(seed);
		List<LedgerLine> lines = new ArrayList<>();
		long sum = 0;
		for (int i = 0; i < accounts - 1; i++) {
			long fen = (1 + random.nextInt(1_000_000)) * (random.nextBoolean() ? 1 : -1);
			lines.add(new LedgerLine("acct-" + i, fen));
			sum += fen;
		}
		lines.add(new LedgerLine("acct-last", sum == 0 ? 0 : -sum));
		return lines;
	}

	@Property
	void balancedLinesAreAcceptedAndTheHashIgnoresTheirOrder(@ForAll @IntRange(min = 2, max = 8) int accounts, @ForAll long seed) {
		List<LedgerLine> lines = balanced(accounts, seed);
		if (lines.get(lines.size() - 1).amount() == 0) {
			assertThatThrownBy(() -> LedgerEntry.check(EntryKind.GRANT, "m", lines)).isInstanceOf(BadInputException.class);
			return;
		}
		LedgerEntry entry = LedgerEntry.create(7, EntryKind.GRANT, "m", Instant.EPOCH, lines, LedgerEntry.GENESIS);
		List<LedgerLine> shuffled = new ArrayList<>(lines);
		Collections.shuffle(shuffled, new Random(seed + 1));
		assertThat(LedgerEntry.create(7, EntryKind.GRANT, "m", Instant.EPOCH, shuffled, LedgerEntry.GENESIS).hash()).isEqualTo(entry.hash());
		assertThat(entry.lines().stream().mapToLong(LedgerLine::amount).sum()).isZero();
	}

	@Property
	void anyImbalanceIsRefused(@ForAll @IntRange(min = 2, max = 8) int accounts, @ForAll long seed,
			@ForAll @LongRange(min = -1_000, max = 1_000) long off) {
		List<LedgerLine> lines = new ArrayList<>(balanced(accounts, seed));
		LedgerLine last = lines.remove(lines.size() - 1);
		if (off == 0 || last.amount() + off == 0) {
			return;
		}
		lines.add(new LedgerLine(last.account(), last.amount() + off));
		assertThatThrownBy(() -> LedgerEntry.check(EntryKind.GRANT, "m", lines)).isInstanceOf(BadInputException.class)
			.hasMessage("fund.ledger.unbalanced");
	}
}
