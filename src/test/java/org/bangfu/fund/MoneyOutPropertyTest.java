package org.bangfu.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BadInputException;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Property-based, through the real use cases on the real database: random sequences of gifts (to lines and to the pool),
 * their money arriving, grants, payments (request, approval by the other staff member, paid with a proof), needs
 * ending and refunds. After every step, refused or not: the whole ledger sums to zero, no account is below zero, and
 * each line's ledger balance is what a model of the steps says: received (gifts and grants) − paid (approved) −
 * refunded − pooled. The sequences come from jqwik's generators (the jqwik engine cannot inject Spring beans, so the
 * test draws its samples itself: no shrinking; the failing step and sequence are in the message).
 */
class MoneyOutPropertyTest extends MoneyOutTestBase {

	enum Op { GIVE, POOL_GIFT, RECEIVE, GRANT, PAY, END, REFUND }

	record Step(Op op, int need, long fen, boolean pool, int pick) {
	}

	/** The model of one line. */
	static final class LineModel {
		long received, paid, refunded, pooled, grants;
		boolean ended;
	}

	static Arbitrary<Step> steps() {
		return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 2), Arbitraries.longs().between(1, 60_000),
				Arbitraries.of(true, false), Arbitraries.integers().between(0, 1000)).as(Step::new);
	}

	@Test
	void theLedgerBalancesNeverGoesNegativeAndEachLineHoldsWhatItShouldAfterEveryStep() {
		// seeded, so a run is repeatable and known to reach payments; -Dfund.property.seed=N explores other sequences
		long seed = Long.getLong("fund.property.seed", 14L);
		List<List<Step>> sequences;
		net.jqwik.api.sessions.JqwikSession.start();
		try {
			net.jqwik.api.RandomGenerator<List<Step>> generator = steps().list().ofMinSize(10).ofMaxSize(30).generator(100);
			java.util.Random random = new java.util.Random(seed);
			sequences = java.util.stream.Stream.generate(() -> generator.next(random).value()).limit(8).toList();
		}
		finally {
			net.jqwik.api.sessions.JqwikSession.finish();
		}
		int village = 0;
		for (List<Step> sequence : sequences) {
			run(sequence, village++);
		}
		// the sequences reached every kind of step, not only refusals (counts include refused steps; refusals apart)
		assertThat(done.keySet()).containsAll(List.of(Op.GIVE, Op.RECEIVE, Op.GRANT, Op.PAY));
		assertThat(jdbc.sql("SELECT count(*) FROM fund_payment p JOIN need n ON n.id = p.need_id WHERE n.title LIKE '性质测试%' AND p.state = 'PAID'")
			.query(Long.class).single()).as("payments paid (seed %d), refusals %d", seed, refusals).isPositive();
	}

	private void run(List<Step> sequence, int village) {
		String code = FundFixtures.emptyVillage(jdbc, TOWNSHIP, 10 + village);
		long[] needIds = new long[3];
		Map<Long, LineModel> model = new HashMap<>();
		for (int i = 0; i < 3; i++) {
			needIds[i] = FundFixtures.moneyNeed(jdbc, clock.instant(), code, "性质测试" + i, 20_000 + 40_000L * i, 0);
			model.put(needIds[i], new LineModel());
		}
		BangfuUser donor = donor();
		List<Gift> promised = new ArrayList<>();
		List<Gift> refundsDue = new ArrayList<>();
		long payee = hospital().id();
		int n = 0;
		for (Step s : sequence) {
			n++;
			long need = needIds[s.need()];
			LineModel m = model.get(need);
			try {
				switch (s.op()) {
					case GIVE -> promised.add(promise(donor, need, amount(s, need, s.need()), s.pool() ? IfUnfunded.POOL : IfUnfunded.REFUND));
					case POOL_GIFT -> promised.add(promise(donor, null, s.fen(), IfUnfunded.POOL));
					case RECEIVE -> {
						if (!promised.isEmpty()) {
							Gift g = promised.remove(s.pick() % promised.size());
							Gift got = arrival.received(g.referenceCode(), g.amountFen(), "test", clock.instant());
							if (got.needId() != null) {
								LineModel gm = model.get(got.needId());
								gm.received += got.amountFen();
								if (got.state() == GiftState.POOLED) {
									gm.pooled += got.amountFen();
								}
								else if (got.state() == GiftState.REFUND_DUE) {
									refundsDue.add(got);
								}
							}
						}
					}
					case GRANT -> {
						long fen = amount(s, need, s.need());
						grants.grant(staffA(), need, 0, fen);
						m.received += fen;
						m.grants += fen;
					}
					case PAY -> {
						long amount = Math.max(1, line(need) * (s.pick() % 4 + 1) / 4 + (s.pick() % 7 == 0 ? 1 : 0));
						Payment p = paying.request(staffA(), need, 0, payee, amount, null);
						paying.approve(staffB(), p.id());
						m.paid += amount;
						paying.paid(staffA(), p.id(), "TX" + need + "N" + n, new ByteArrayInputStream(pdf()));
					}
					case END -> {
						expire(need);
						m.ended = true;
						for (Gift g : giftsOf(need)) {
							if (g.state() == GiftState.POOLED && g.endedAt() != null && !counted.contains(g.id())) {
								counted.add(g.id());
								m.pooled += g.amountFen();
							}
							if (g.state() == GiftState.REFUND_DUE && refundsDue.stream().noneMatch(r -> r.id() == g.id())) {
								refundsDue.add(g);
							}
						}
						m.pooled += m.grants;
						m.grants = 0;
					}
					case REFUND -> {
						if (!refundsDue.isEmpty()) {
							Gift g = refundsDue.remove(s.pick() % refundsDue.size());
							endings.refunded(staffB(), g.id());
							model.get(g.needId()).refunded += g.amountFen();
						}
					}
				}
			}
			catch (BadInputException refused) {
				refusals++;
				// refused steps (more than open, need not open, a payment larger than the line…) change nothing: the checks below say so
			}
			done.merge(s.op(), 1, Integer::sum);
			String at = "sequence " + sequence + ", step " + n + " " + s;
			assertThat(ledgerSum()).as(at).isZero();
			assertThat(negativeAccounts()).as(at).isEmpty();
			for (long id : needIds) {
				LineModel lm = model.get(id);
				assertThat(line(id)).as(at + ", need " + id).isEqualTo(lm.received - lm.paid - lm.refunded - lm.pooled);
			}
		}
	}

	private final java.util.Set<Long> counted = new java.util.HashSet<>();

	private final Map<Op, Integer> done = new java.util.EnumMap<>(Op.class);

	private int refusals;

	/** A gift's or grant's amount: often exactly what the line still lacks (so lines get covered and paid), else the drawn one. */
	private long amount(Step s, long needId, int i) {
		if (s.pick() % 3 != 0) {
			return s.fen();
		}
		var existing = lines.ofNeed(needId);
		long open = existing.isEmpty() ? 20_000 + 40_000L * i : existing.get(0).openFen();
		return Math.max(1, open);
	}

	private List<Gift> giftsOf(long needId) {
		return tx.execute(s -> giftsRepo.ofNeed(needId));
	}

	@org.springframework.beans.factory.annotation.Autowired
	Gifts giftsRepo;

	/** Accounts whose balance on their normal side is below zero (all of the fund's kinds must stay at or above it). */
	private List<String> negativeAccounts() {
		return jdbc.sql("""
				SELECT code FROM fund_ledger_account
				WHERE (kind IN ('BANK', 'PENDING_GIFT', 'GOODS') AND sum_fen < 0) OR (kind NOT IN ('BANK', 'PENDING_GIFT', 'GOODS') AND sum_fen > 0)""")
			.query(String.class)
			.list();
	}
}
