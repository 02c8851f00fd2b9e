package org.bangfu.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bangfu.need.NeedCategory;
import org.junit.jupiter.api.Test;

/**
 * The rounds from the allocator's plan to invitations, on generated needs where some lines are money lines (issue 14):
 * goods are cut into whole units, money lines are invited in fen, so the invitations keep the plan's share of the LP
 * bound.
 */
class ProposalRoundsTest {

	private static final String[] VILLAGES = { "430421108201", "430421108202", "430421108203", "430421104201", "430422103231" };

	private static final NeedCategory[] CATEGORIES = { NeedCategory.MEDICAL, NeedCategory.EDUCATION, NeedCategory.HOUSING,
			NeedCategory.ELDERLY_CARE };

	/** 600 needs of 1–6 goods lines of 1–20 units; 30% of medical and education needs carry a money line as well. */
	private static List<Campaigns.Candidate> needs(Random random, double moneyShare) {
		List<Campaigns.Candidate> needs = new ArrayList<>();
		for (int n = 0; n < 600; n++) {
			NeedCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
			List<ProposalUnits.Line> lines = new ArrayList<>();
			int goods = 1 + random.nextInt(6);
			for (int p = 0; p < goods; p++) {
				int quantity = 1 + random.nextInt(20);
				lines.add(new ProposalUnits.Line(p, quantity, quantity, quantity * 100L * (20 + random.nextInt(800))));
			}
			boolean money = (category == NeedCategory.MEDICAL || category == NeedCategory.EDUCATION) && random.nextDouble() < moneyShare;
			if (money) {
				lines.add(new ProposalUnits.Line(goods, 1, 1, 100L * (500 + random.nextInt(30_000)), true));
			}
			needs.add(new Campaigns.Candidate(1000 + n, category, VILLAGES[random.nextInt(VILLAGES.length)], lines));
		}
		return needs;
	}

	private static List<Campaigns.Donor> donors(Random random) {
		List<Campaigns.Donor> donors = new ArrayList<>();
		for (int d = 0; d < 30; d++) {
			List<NeedCategory> categories = random.nextBoolean() ? List.of() : List.of(CATEGORIES[random.nextInt(CATEGORIES.length)]);
			List<String> prefixes = random.nextBoolean() ? List.of() : List.of(VILLAGES[random.nextInt(VILLAGES.length)].substring(0, 9));
			donors.add(new Campaigns.Donor(50 + d, null, 100L * (20_000 + random.nextInt(200_000)), categories, prefixes));
		}
		return donors;
	}

	private record Outcome(ProposalRounds.Plan plan, long moneyFen) {
	}

	/** The plan, checked: budgets hold, goods parts are whole units, money parts add up to at most what the line had open. */
	private static Outcome planChecked(List<Campaigns.Candidate> needs, List<Campaigns.Donor> donors) {
		ProposalRounds.Plan plan = new ProposalRounds().propose(7, needs, donors);
		Map<Long, Long> budget = new HashMap<>();
		donors.forEach(d -> budget.put(d.donorId(), d.budgetFen()));
		Map<Long, Campaigns.Candidate> byId = new HashMap<>();
		needs.forEach(n -> byId.put(n.needId(), n));
		Map<Long, Long> asked = new HashMap<>();
		Map<String, Long> moneyOf = new HashMap<>();
		long total = 0;
		long money = 0;
		for (Campaigns.Invitation i : plan.proposals()) {
			asked.merge(i.donorId(), i.valueFen(), Long::sum);
			total += i.valueFen();
			assertThat(i.valueFen()).isPositive();
			if (i.money()) {
				assertThat(i.byPosition()).isEmpty();
				moneyOf.merge(i.needId() + "/" + i.moneyPosition(), i.valueFen(), Long::sum);
				money += i.valueFen();
			}
			else {
				assertThat(i.byPosition()).isNotEmpty().allSatisfy((position, units) -> assertThat(units).isPositive());
			}
		}
		moneyOf.forEach((line, fen) -> {
			String[] key = line.split("/");
			ProposalUnits.Line l = byId.get(Long.parseLong(key[0])).lines().get(Integer.parseInt(key[1]));
			assertThat(l.money()).isTrue();
			assertThat(fen).as("money invited for %s", line).isLessThanOrEqualTo(l.valueFen());
		});
		asked.forEach((donor, fen) -> assertThat(fen).as("donor %d within budget", donor).isLessThanOrEqualTo(budget.get(donor)));
		assertThat(plan.keptFen()).as("kept = what the invitations ask").isEqualTo(total);
		assertThat(plan.keptFen()).isLessThanOrEqualTo(plan.boundFen());
		return new Outcome(plan, money);
	}

	@Test
	void withMoneyLinesTheInvitationsKeepTheLpBound() {
		for (long seed = 1; seed <= 3; seed++) {
			Outcome withMoney = planChecked(needs(new Random(seed), 0.3), donors(new Random(100 + seed)));

			assertThat(withMoney.moneyFen()).as("seed %d: money lines are invited", seed).isPositive();
			assertThat((double) withMoney.plan().firstPlanFen() / withMoney.plan().boundFen()).as("seed %d: the rounded plan / LP bound", seed)
				.isGreaterThanOrEqualTo(0.999);
			// goods are still cut into units, and a budget that reaches no money line cannot make up for it: measured 99.04%,
			// 99.77% and 99.96% on these seeds (goods only, the same instances: 97.27%, 97.79%, 98.28%)
			assertThat((double) withMoney.plan().keptFen() / withMoney.plan().boundFen()).as("seed %d: invitations / LP bound", seed)
				.isGreaterThanOrEqualTo(0.99);
		}
	}

	@Test
	void moneyLinesLetTheInvitationsKeepMoreOfTheBound() {
		for (long seed = 1; seed <= 3; seed++) {
			Outcome goodsOnly = planChecked(needs(new Random(seed), 0), donors(new Random(100 + seed)));
			Outcome withMoney = planChecked(needs(new Random(seed), 0.3), donors(new Random(100 + seed)));

			assertThat(goodsOnly.moneyFen()).isZero();
			assertThat((double) withMoney.plan().keptFen() / withMoney.plan().boundFen()).as("seed %d", seed)
				.isGreaterThan((double) goodsOnly.plan().keptFen() / goodsOnly.plan().boundFen());
		}
	}

	@Test
	void aMoneyLineLargerThanEveryBudgetIsSplitBetweenDonorsInFen() {
		var operation = new Campaigns.Candidate(1, NeedCategory.MEDICAL, VILLAGES[0],
				List.of(new ProposalUnits.Line(0, 1, 1, 3_000_000, true), new ProposalUnits.Line(1, 2, 2, 40_000)));
		var donors = List.of(new Campaigns.Donor(51, null, 1_234_567, List.of(), List.of()),
				new Campaigns.Donor(52, null, 1_000_000, List.of(NeedCategory.MEDICAL), List.of()),
				new Campaigns.Donor(53, null, 700_001, List.of(), List.of("430421108")));

		Outcome out = planChecked(List.of(operation), donors);

		List<Campaigns.Invitation> money = out.plan().proposals().stream().filter(Campaigns.Invitation::money).toList();
		assertThat(money).hasSizeGreaterThan(1).allSatisfy(i -> assertThat(i.moneyPosition()).isZero());
		// 2,934,568 fen of budgets: the goods (400 yuan) whole, the 30,000-yuan operation gets everything else
		assertThat(out.plan().keptFen()).isEqualTo(2_934_568);
		assertThat(out.moneyFen()).isEqualTo(2_934_568 - 40_000);
		assertThat(out.plan().lossFen()).isZero();
	}
}
