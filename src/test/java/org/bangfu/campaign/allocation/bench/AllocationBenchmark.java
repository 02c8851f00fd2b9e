package org.bangfu.campaign.allocation.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.google.ortools.Loader;
import com.google.ortools.graph.MaxFlow;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

import org.bangfu.campaign.allocation.CampaignAllocator;
import org.bangfu.campaign.allocation.CampaignAllocator.Allocation;
import org.bangfu.campaign.allocation.CampaignAllocator.DonorInput;
import org.bangfu.campaign.allocation.CampaignAllocator.Funding;
import org.bangfu.campaign.allocation.CampaignAllocator.NeedInput;
import org.bangfu.campaign.allocation.CampaignAllocator.Proposal;

/**
 * Issue #6's benchmark: the campaign allocator on generated Hengyang instances against the optimum.
 *
 * <p>For every instance it prints the allocator's value, its run time (median of timed runs after
 * warm-up), its heap allocation, and two references computed with Google OR-Tools:
 * <ul>
 * <li>the <b>LP bound</b>: OR-Tools' max-flow over source → donor (budget) → (category, village)
 * (if the donor accepts both) → sink (the value of the needs there). It is the optimum of the LP
 * relaxation (needs may be funded in part and count in part; needs of the same category and
 * village are interchangeable in it), so it is at least the true optimum: value / LP bound is a
 * conservative (low) estimate of value / optimum. It is built from the raw eligibility rules, not
 * from the allocator's classes or prefix tree, so it also checks those.</li>
 * <li>the <b>MIP</b> (instances up to {@code mipMaxNeeds} needs): SCIP through OR-Tools' MPSolver
 * on the exact integer model (a 0/1 variable per need, a flow per donor × (category, village),
 * amounts in yuan), with a time limit: its incumbent is a feasible value, its best bound an upper
 * bound on the integer optimum, so LP bound − MIP bound shows the gap between the relaxation and
 * the true optimum.</li>
 * </ul>
 * Usage: {@code bench/allocation.sh [sizes] [seeds] [mipSeconds] [mipMaxNeeds] [moneyShare]}, sizes like
 * {@code 1000x50,10000x200,100000x1000}; {@code moneyShare} (default 0) is the share of medical and
 * education needs that are money lines paid through the fund (divisible: funded by any fen amount),
 * drawn from a random stream of their own so that the instances are otherwise the same as without.
 */
public final class AllocationBenchmark {

	static final String[] CATEGORIES = { "MEDICAL", "EDUCATION", "HOUSING", "ORPHAN_CARE", "ELDERLY_CARE",
			"CENTRAL_SUPPORT", "PRODUCT_SALES", "VILLAGE", "OTHER" };

	/** How often each category occurs among needs (the three guarantees dominate). */
	static final double[] CATEGORY_WEIGHT = { 0.22, 0.20, 0.12, 0.05, 0.12, 0.05, 0.10, 0.06, 0.08 };

	record Instance(String name, List<NeedInput> needs, List<DonorInput> donors) {
	}

	private final List<String> villages = new ArrayList<>();

	private final List<String> townships = new ArrayList<>();

	private final List<String> counties = new ArrayList<>();

	AllocationBenchmark() throws Exception {
		try (InputStream in = AllocationBenchmark.class.getResourceAsStream("/regions/hengyang-divisions.csv");
				BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			r.readLine();
			for (String line; (line = r.readLine()) != null;) {
				String[] f = line.split(",");
				switch (f[2]) {
					case "village" -> villages.add(f[0]);
					case "township" -> townships.add(f[0]);
					case "county" -> counties.add(f[0]);
					default -> {
					}
				}
			}
		}
	}

	/**
	 * A seeded instance: need values 100–50,000 yuan log-uniform (median ≈ 2,200 yuan), categories
	 * weighted, villages uniform; donor budgets 10,000–2,000,000 yuan log-uniform, 1–4 categories,
	 * and anywhere (25%) or 1–3 prefixes, each a county (60%) or a township (40%).
	 */
	Instance generate(int needCount, int donorCount, long seed, double moneyShare) {
		Random random = new Random(seed);
		Random moneyRandom = new Random(seed * 1_000_003L + 14);
		List<NeedInput> needs = new ArrayList<>(needCount);
		for (int i = 0; i < needCount; i++) {
			long yuan = Math.round(100 * Math.exp(random.nextDouble() * Math.log(500)));
			String category = CATEGORIES[weighted(random)];
			boolean money = (category.equals("MEDICAL") || category.equals("EDUCATION")) && moneyRandom.nextDouble() < moneyShare;
			needs.add(new NeedInput(i + 1, category, villages.get(random.nextInt(villages.size())), yuan * 100, money));
		}
		List<DonorInput> donors = new ArrayList<>(donorCount);
		for (int d = 0; d < donorCount; d++) {
			long yuan = Math.round(10_000 * Math.exp(random.nextDouble() * Math.log(200)));
			Set<String> cats = new TreeSet<>();
			int k = 1 + random.nextInt(4);
			while (cats.size() < k) {
				cats.add(CATEGORIES[weighted(random)]);
			}
			Set<String> prefixes = new TreeSet<>();
			if (random.nextDouble() >= 0.25) {
				int p = 1 + random.nextInt(3);
				while (prefixes.size() < p) {
					prefixes.add(random.nextDouble() < 0.6 ? counties.get(random.nextInt(counties.size()))
							: townships.get(random.nextInt(townships.size())));
				}
			}
			donors.add(new DonorInput(1_000_000 + d, yuan * 100, cats, prefixes));
		}
		return new Instance(needCount + "x" + donorCount + " seed " + seed + (moneyShare > 0 ? " money " + Math.round(moneyShare * 100) + "%" : ""),
				needs, donors);
	}

	private static int weighted(Random random) {
		double x = random.nextDouble();
		for (int i = 0; i < CATEGORY_WEIGHT.length; i++) {
			x -= CATEGORY_WEIGHT[i];
			if (x < 0) {
				return i;
			}
		}
		return CATEGORY_WEIGHT.length - 1;
	}

	static boolean accepts(DonorInput d, String category, String region) {
		if (!d.categories().isEmpty() && !d.categories().contains(category)) {
			return false;
		}
		if (d.regionPrefixes().isEmpty()) {
			return true;
		}
		for (String p : d.regionPrefixes()) {
			if (region.startsWith(p)) {
				return true;
			}
		}
		return false;
	}

	/** Needs grouped by (category, village): key → total value in fen. */
	static Map<String, long[]> groups(List<NeedInput> needs) {
		Map<String, long[]> groups = new LinkedHashMap<>();
		for (NeedInput n : needs) {
			groups.computeIfAbsent(n.category() + "|" + n.regionCode(), x -> new long[1])[0] += n.valueFen();
		}
		return groups;
	}

	/** The LP relaxation's optimum as OR-Tools' max flow over donor × (category, village). */
	static long lpBound(Instance in) {
		Map<String, long[]> groups = groups(in.needs());
		List<String> keys = new ArrayList<>(groups.keySet());
		int source = 0;
		int sink = 1;
		int firstGroup = 2 + in.donors().size();
		MaxFlow flow = new MaxFlow();
		for (int d = 0; d < in.donors().size(); d++) {
			DonorInput donor = in.donors().get(d);
			flow.addArcWithCapacity(source, 2 + d, donor.budgetFen());
			for (int g = 0; g < keys.size(); g++) {
				String key = keys.get(g);
				int bar = key.indexOf('|');
				if (accepts(donor, key.substring(0, bar), key.substring(bar + 1))) {
					flow.addArcWithCapacity(2 + d, firstGroup + g, Long.MAX_VALUE / 4);
				}
			}
		}
		for (int g = 0; g < keys.size(); g++) {
			flow.addArcWithCapacity(firstGroup + g, sink, groups.get(keys.get(g))[0]);
		}
		MaxFlow.Status status = flow.solve(source, sink);
		if (status != MaxFlow.Status.OPTIMAL) {
			throw new IllegalStateException("max flow: " + status);
		}
		long result = flow.getOptimalFlow();
		flow.delete();
		return result;
	}

	/**
	 * SCIP on the integer model, in yuan, with a relative gap of 0 (MPSolver's default, 1e-4, would
	 * call a solution 0.01% short of the optimum optimal) and the allocator's proposal as a hint;
	 * returns {incumbent, best bound, 1 if proved optimal} in fen, or null.
	 */
	static double[] mip(Instance in, Allocation hint, int seconds) {
		MPSolver solver = MPSolver.createSolver("SCIP");
		if (solver == null) {
			return null;
		}
		solver.setTimeLimit(seconds * 1000L);
		Map<String, List<Integer>> members = new LinkedHashMap<>();
		for (int i = 0; i < in.needs().size(); i++) {
			NeedInput n = in.needs().get(i);
			members.computeIfAbsent(n.category() + "|" + n.regionCode(), x -> new ArrayList<>()).add(i);
		}
		MPVariable[] x = new MPVariable[in.needs().size()];
		MPObjective objective = solver.objective();
		for (int i = 0; i < x.length; i++) {
			// a money line may be funded in part
			x[i] = in.needs().get(i).divisible() ? solver.makeNumVar(0, 1, "x" + i) : solver.makeBoolVar("x" + i);
			objective.setCoefficient(x[i], in.needs().get(i).valueFen() / 100.0);
		}
		objective.setMaximization();
		MPConstraint[] budget = new MPConstraint[in.donors().size()];
		for (int d = 0; d < budget.length; d++) {
			budget[d] = solver.makeConstraint(0, in.donors().get(d).budgetFen() / 100.0);
		}
		for (Map.Entry<String, List<Integer>> group : members.entrySet()) {
			String key = group.getKey();
			int bar = key.indexOf('|');
			// Σ_d f(d, group) − Σ_{n in group} v_n x_n = 0
			MPConstraint balance = solver.makeConstraint(0, 0);
			for (int i : group.getValue()) {
				balance.setCoefficient(x[i], -in.needs().get(i).valueFen() / 100.0);
			}
			for (int d = 0; d < budget.length; d++) {
				if (accepts(in.donors().get(d), key.substring(0, bar), key.substring(bar + 1))) {
					MPVariable f = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "");
					balance.setCoefficient(f, 1);
					budget[d].setCoefficient(f, 1);
				}
			}
		}
		Map<Long, Integer> index = new HashMap<>();
		for (int i = 0; i < x.length; i++) {
			index.put(in.needs().get(i).id(), i);
		}
		double[] hintValues = new double[x.length];
		for (Proposal p : hint.proposals()) {
			hintValues[index.get(p.needId())] = p.valueFen() / (double) in.needs().get(index.get(p.needId())).valueFen();
		}
		solver.setHint(x, hintValues);
		MPSolverParameters parameters = new MPSolverParameters();
		parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
		MPSolver.ResultStatus status = solver.solve(parameters);
		double[] result = null;
		if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
			result = new double[] { Math.round(objective.value()) * 100.0, Math.floor(objective.bestBound() + 1e-6) * 100.0,
					status == MPSolver.ResultStatus.OPTIMAL ? 1 : 0 };
		}
		solver.delete();
		return result;
	}

	/** Checks the allocation keeps every rule; throws if not. */
	static void check(Instance in, Allocation a) {
		Map<Long, NeedInput> needs = new HashMap<>();
		in.needs().forEach(n -> needs.put(n.id(), n));
		Map<Long, DonorInput> donors = new HashMap<>();
		in.donors().forEach(d -> donors.put(d.id(), d));
		Map<Long, Long> spent = new HashMap<>();
		long total = 0;
		for (Proposal p : a.proposals()) {
			NeedInput n = needs.remove(p.needId());
			if (n == null) {
				throw new IllegalStateException("unknown or repeated need " + p.needId());
			}
			long sum = 0;
			for (Funding f : p.fundings()) {
				DonorInput d = donors.get(f.donorId());
				if (f.amountFen() <= 0 || !accepts(d, n.category(), n.regionCode())) {
					throw new IllegalStateException("bad funding " + f + " of need " + n);
				}
				spent.merge(d.id(), f.amountFen(), Long::sum);
				sum += f.amountFen();
			}
			if (sum != p.valueFen() || (n.divisible() ? sum > n.valueFen() : sum != n.valueFen())) {
				throw new IllegalStateException("need " + n.id() + " funded " + sum + " of " + n.valueFen());
			}
			total += sum;
		}
		spent.forEach((id, s) -> {
			if (s > donors.get(id).budgetFen()) {
				throw new IllegalStateException("donor " + id + " over budget");
			}
		});
		if (total != a.fundedValueFen()) {
			throw new IllegalStateException("funded value mismatch");
		}
	}

	public static void main(String[] args) throws Exception {
		String sizes = args.length > 0 ? args[0] : "1000x50,10000x200,100000x1000";
		int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		int mipSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
		int mipMaxNeeds = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
		double moneyShare = args.length > 4 ? Double.parseDouble(args[4]) : 0;
		Loader.loadNativeLibraries();
		AllocationBenchmark bench = new AllocationBenchmark();
		CampaignAllocator allocator = new CampaignAllocator();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		System.out.printf("java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		System.out.println("| instance | needs value (yuan) | budgets (yuan) | allocated (yuan) | LP bound (yuan) | "
				+ "allocated / LP bound | allocator wall median (min–max) | its CPU median | heap allocated per run | LP max-flow time | "
				+ "MIP incumbent / bound (yuan) | allocated / MIP bound |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (String size : sizes.split(",")) {
			String[] nd = size.split("x");
			int needCount = Integer.parseInt(nd[0]);
			int donorCount = Integer.parseInt(nd[1]);
			for (int seed = 1; seed <= seeds; seed++) {
				Instance in = bench.generate(needCount, donorCount, seed, moneyShare);
				int warmups = needCount >= 100_000 ? 3 : 10;
				int runs = needCount >= 100_000 ? 7 : 11;
				Allocation a = null;
				for (int i = 0; i < warmups; i++) {
					a = allocator.allocate(in.needs(), in.donors());
				}
				long[] nanos = new long[runs];
				long[] cpu = new long[runs];
				long bytes = 0;
				for (int i = 0; i < runs; i++) {
					long b0 = threads.getCurrentThreadAllocatedBytes();
					long c0 = threads.getCurrentThreadCpuTime();
					long t0 = System.nanoTime();
					a = allocator.allocate(in.needs(), in.donors());
					nanos[i] = System.nanoTime() - t0;
					cpu[i] = threads.getCurrentThreadCpuTime() - c0;
					bytes = threads.getCurrentThreadAllocatedBytes() - b0;
				}
				Arrays.sort(nanos);
				Arrays.sort(cpu);
				check(in, a);
				long t0 = System.nanoTime();
				long lp = lpBound(in);
				long lpNanos = System.nanoTime() - t0;
				if (lp != a.fractionalBoundFen()) {
					throw new IllegalStateException("LP bound " + lp + " differs from the allocator's own bound "
							+ a.fractionalBoundFen());
				}
				String mipText = "—";
				String mipRatio = "—";
				if (needCount <= mipMaxNeeds && mipSeconds > 0) {
					long m0 = System.nanoTime();
					double[] mip = mip(in, a, mipSeconds);
					double mipSecondsTaken = (System.nanoTime() - m0) / 1e9;
					if (mip != null) {
						mipText = String.format("%,.0f / %,.0f (%s, %.0f s)", mip[0] / 100, mip[1] / 100,
								mip[2] == 1 ? "optimal" : "time limit", mipSecondsTaken);
						mipRatio = String.format("%.4f%%", 100.0 * a.fundedValueFen() / mip[1]);
					}
				}
				long needsValue = in.needs().stream().mapToLong(NeedInput::valueFen).sum();
				long budgets = in.donors().stream().mapToLong(DonorInput::budgetFen).sum();
				System.out.printf("| %s | %,d | %,d | %,d | %,d | **%.4f%%** | %s (%s–%s) | %s | %,d MB | %.2f s | %s | %s |%n",
						in.name(), needsValue / 100, budgets / 100, a.fundedValueFen() / 100, lp / 100,
						100.0 * a.fundedValueFen() / lp, ms(nanos[runs / 2]), ms(nanos[0]), ms(nanos[runs - 1]), ms(cpu[runs / 2]),
						bytes >> 20, lpNanos / 1e9, mipText, mipRatio);
			}
		}
	}

	private static String ms(long nanos) {
		return nanos >= 1_000_000_000L ? String.format("%.2f s", nanos / 1e9) : String.format("%.1f ms", nanos / 1e6);
	}
}
