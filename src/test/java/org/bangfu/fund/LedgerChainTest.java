package org.bangfu.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hash chain: tampering (a changed amount, a removed entry, two swapped entries) is found at the first broken
 * entry; concurrent posts stay one gap-free chain. The tampering tests switch the append-only triggers off for the
 * moment they need and put the ledger back as it was, since all tests share one database.
 */
class LedgerChainTest extends ApplicationTest {

	private static final long PARKED = 9_000_000_000L;

	@Autowired
	FundLedger ledger;

	private List<Long> threeEntries() {
		String p = "pending-" + Long.toString(System.nanoTime(), 36), n = "need-" + Long.toString(System.nanoTime(), 36);
		ledger.open(p, AccountKind.PENDING_GIFT);
		ledger.open(n, AccountKind.NEED);
		List<Long> seqs = new ArrayList<>();
		for (long fen : new long[] { 100, 200, 300 }) {
			seqs.add(ledger.post(EntryKind.GIFT_PLEDGED, "gift " + fen, List.of(new LedgerLine(p, fen), new LedgerLine(n, -fen))).seq());
		}
		return seqs;
	}

	private void tampering(Runnable tamper, Runnable restore) {
		jdbc.sql("ALTER TABLE fund_ledger_entry DISABLE TRIGGER USER").update();
		jdbc.sql("ALTER TABLE fund_ledger_line DISABLE TRIGGER USER").update();
		try {
			tamper.run();
		}
		finally {
			try {
				restore.run();
			}
			finally {
				jdbc.sql("ALTER TABLE fund_ledger_entry ENABLE TRIGGER USER").update();
				jdbc.sql("ALTER TABLE fund_ledger_line ENABLE TRIGGER USER").update();
			}
		}
		assertThat(ledger.verify().intact()).as("the ledger put back").isTrue();
	}

	@Test
	void aChangedAmountIsFoundAtItsEntry() {
		long seq = threeEntries().get(1);
		tampering(() -> {
			jdbc.sql("UPDATE fund_ledger_line SET amount = amount + 1 WHERE entry_seq = ? AND amount > 0").param(seq).update();
			ChainVerification v = ledger.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.firstBroken()).isEqualTo(seq);
			assertThat(v.reason()).isEqualTo("hash");
		}, () -> jdbc.sql("UPDATE fund_ledger_line SET amount = amount - 1 WHERE entry_seq = ? AND amount > 0").param(seq).update());
	}

	@Test
	void anEntryChangedToAnUnknownKindIsStillReadAndFound() {
		long seq = threeEntries().get(2);
		tampering(() -> {
			jdbc.sql("UPDATE fund_ledger_entry SET kind = 'DONATION_FOR_ME' WHERE seq = ?").param(seq).update();
			ChainVerification v = ledger.verify();
			assertThat(v.firstBroken()).isEqualTo(seq);
			assertThat(v.reason()).isEqualTo("hash");
		}, () -> jdbc.sql("UPDATE fund_ledger_entry SET kind = 'GIFT_PLEDGED' WHERE seq = ?").param(seq).update());
	}

	@Test
	void aRemovedEntryIsFoundWhereItWas() {
		long seq = threeEntries().get(1);
		Map<String, Object> entry = jdbc.sql("SELECT * FROM fund_ledger_entry WHERE seq = ?").param(seq).query().singleRow();
		List<Map<String, Object>> lines = jdbc.sql("SELECT * FROM fund_ledger_line WHERE entry_seq = ?").param(seq).query().listOfRows();
		tampering(() -> {
			jdbc.sql("DELETE FROM fund_ledger_line WHERE entry_seq = ?").param(seq).update();
			jdbc.sql("DELETE FROM fund_ledger_entry WHERE seq = ?").param(seq).update();
			ChainVerification v = ledger.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.firstBroken()).isEqualTo(seq);
			assertThat(v.reason()).isEqualTo("missing");
		}, () -> {
			jdbc.sql("INSERT INTO fund_ledger_entry (seq, kind, memo, posted_at, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")
				.params(entry.get("seq"), entry.get("kind"), entry.get("memo"), entry.get("posted_at"), entry.get("previous_hash"), entry.get("hash"))
				.update();
			for (Map<String, Object> l : lines) {
				jdbc.sql("INSERT INTO fund_ledger_line (entry_seq, account_id, amount) VALUES (?, ?, ?)")
					.params(l.get("entry_seq"), l.get("account_id"), l.get("amount"))
					.update();
			}
		});
	}

	@Test
	void twoSwappedEntriesAreFoundAtTheFirst() {
		List<Long> seqs = threeEntries();
		long a = seqs.get(0), b = seqs.get(1);
		Runnable swap = () -> {
			// the lines follow their entry (ON UPDATE CASCADE)
			jdbc.sql("UPDATE fund_ledger_entry SET seq = ? WHERE seq = ?").params(PARKED, a).update();
			jdbc.sql("UPDATE fund_ledger_entry SET seq = ? WHERE seq = ?").params(a, b).update();
			jdbc.sql("UPDATE fund_ledger_entry SET seq = ? WHERE seq = ?").params(b, PARKED).update();
		};
		tampering(() -> {
			swap.run();
			ChainVerification v = ledger.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.firstBroken()).isEqualTo(a);
			assertThat(v.reason()).isEqualTo("previous-hash");
		}, swap);
	}

	@Test
	void twentyThreadsPostingAtOnceMakeOneGapFreeValidChain() throws Exception {
		String p = "pending-" + Long.toString(System.nanoTime(), 36), n = "need-" + Long.toString(System.nanoTime(), 36);
		ledger.open(p, AccountKind.PENDING_GIFT);
		ledger.open(n, AccountKind.NEED);
		long before = jdbc.sql("SELECT count(*) FROM fund_ledger_entry").query(Long.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<?>> posts = new ArrayList<>();
			for (int t = 0; t < 20; t++) {
				posts.add(pool.submit(() -> {
					for (int i = 0; i < 5; i++) {
						ledger.post(EntryKind.GIFT_PLEDGED, "concurrent", List.of(new LedgerLine(p, 100), new LedgerLine(n, -100)));
					}
				}));
			}
			for (Future<?> f : posts) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		List<Long> shape = jdbc.sql("SELECT ARRAY[count(*), min(seq), max(seq)] FROM fund_ledger_entry")
			.query((rs, x) -> List.of((Long[]) rs.getArray(1).getArray()))
			.single();
		assertThat(shape.get(0)).isEqualTo(before + 100);
		assertThat(shape.get(1)).isEqualTo(1L);
		assertThat(shape.get(2)).isEqualTo(shape.get(0));
		assertThat(ledger.balance(n)).isEqualTo(10_000);
		ChainVerification v = ledger.verify();
		assertThat(v.intact()).as(String.valueOf(v)).isTrue();
		assertThat(v.entries()).isEqualTo(before + 100);
	}

	@Test
	void theExportNamesEntriesLinesAndHashes() throws java.io.IOException {
		threeEntries();
		String json = ledger.export();
		assertThat(json).startsWith("{\"format\":\"bangfu-fund-ledger/1\",\"entries\":[{\"seq\":1,");
		assertThat(json).contains("\"prevHash\":\"" + LedgerEntry.GENESIS + "\"", "\"lines\":[{\"account\":");
		// left for docs/fund-ledger.md's script: python3 docs/fund-ledger-verify.py target/fund-ledger-export.json
		java.nio.file.Files.writeString(java.nio.file.Path.of("target/fund-ledger-export.json"), json);
	}

	@Test
	void theExportIsVerifiedOfflineAndATamperedCopyIsCaughtAtItsEntry() {
		List<Long> seqs = threeEntries();
		String json = ledger.export();
		ChainVerification intact = LedgerExports.verify(json);
		assertThat(intact.intact()).as(String.valueOf(intact)).isTrue();
		assertThat(intact.entries()).isEqualTo(ledger.verify().entries());

		// the second of our three gifts said 200 fen; the copy says 201 on both of its lines, so it still balances
		long second = seqs.get(1);
		String marker = "{\"seq\":" + second + ",";
		int at = json.indexOf(marker);
		int end = json.indexOf("\"hash\"", at);
		String entry = json.substring(at, end);
		String changed = entry.replace("\"amount\":200", "\"amount\":201").replace("\"amount\":-200", "\"amount\":-201");
		assertThat(changed).isNotEqualTo(entry);
		ChainVerification tampered = LedgerExports.verify(json.substring(0, at) + changed + json.substring(end));
		assertThat(tampered.intact()).isFalse();
		assertThat(tampered.firstBroken()).isEqualTo(second);
		assertThat(tampered.reason()).isEqualTo("hash");

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> LedgerExports.verify("{\"format\":\"something-else\"}"))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
