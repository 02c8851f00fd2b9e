package org.bangfu.campaign.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Proposes a campaign allocation (issue #6): which needs a set of donors with budgets should fully
 * fund, and with how much from whom, so that the total value of the needs fully met is as large as
 * possible. A donor funds only needs of a category it accepts (none given = any) in a region under
 * one of its prefixes (none given = anywhere), never more than its budget in total; a need is
 * either funded to its exact value, possibly by several donors, or not proposed at all.
 *
 * <p>Deciding which needs to fund is NP-hard (it contains subset-sum), so this is a heuristic with
 * a proven upper bound beside it. How it works:
 * <ol>
 * <li><b>Classes.</b> Two needs of the same category whose village codes have the same deepest
 * matching donor prefix are accepted by exactly the same donors (the prefixes matching one code
 * are nested), so needs are grouped into classes (category, deepest prefix). There are at most
 * categories × (distinct prefixes + 1) classes, whatever the number of needs.</li>
 * <li><b>Network.</b> Source → donor (capacity: budget) → node (category, prefix) for each
 * category and prefix the donor accepts → down the prefix tree to the class nodes → sink
 * (capacity: the value of the class's needs). The prefix tree keeps the network small: a donor
 * accepting "anywhere" has one arc per category, not one per village.</li>
 * <li><b>Bound.</b> Its maximum flow (Dinic) is the optimum of the LP relaxation (needs may be
 * funded fractionally), an upper bound on any allocation: {@link Allocation#fractionalBoundFen}.</li>
 * <li><b>Rounding.</b> In each class, the needs to fund fully are chosen to fill the flow the class
 * received as tightly as possible (largest first, then an exact-ish subset-sum for small classes),
 * and the flow is recomputed for exactly those amounts (always feasible: each is at most what the
 * class had).</li>
 * <li><b>Repair.</b> The budget left over by rounding is offered class by class (classes with the
 * largest unfunded needs first): the most a class can still receive, re-routing other donors'
 * money along augmenting paths without taking anything from classes already funded, is computed by
 * augmenting paths; its unfunded needs are chosen to fill that as tightly as possible and the excess
 * is pushed back. Feasible funding vectors form a polymatroid, so what a class can still receive
 * only shrinks as others are funded: one pass is enough.</li>
 * <li><b>Amounts.</b> The flow is decomposed top-down through the prefix tree into (donor, amount)
 * parcels per class, handed to the class's funded needs in order: a need gets several donors only
 * where a parcel ends inside it.</li>
 * </ol>
 * <b>Money lines</b> (issue 14) are divisible: a need input marked {@code divisible} (a money line raised
 * through the fund, which takes gifts of any fen amount) may be funded in part and counts fen by fen. Rounding
 * fills a class's flow with whole goods needs first, as tightly as it can, and then pours the rest into
 * the class's money lines (largest first, so at most one of them is left part funded): wherever a class
 * has money lines enough to take its remainder, it loses nothing to rounding. The LP bound is the same.
 * <p>Everything is in integer fen. Memory and time grow with needs + donors × accepted
 * categories × prefixes, not with needs × donors. Results are deterministic for the same input.
 * Pure Java, no Spring: the caller loads the needs and donors and stores the proposals.
 */
public final class CampaignAllocator {

	/**
	 * A need that may be funded: its whole value is its cost. A {@code divisible} one (a money line) may be
	 * funded by any part of its value, in fen; any other only whole.
	 */
	public record NeedInput(long id, String category, String regionCode, long valueFen, boolean divisible) {

		public NeedInput(long id, String category, String regionCode, long valueFen) {
			this(id, category, regionCode, valueFen, false);
		}

		public NeedInput {
			if (category == null || category.isBlank()) {
				throw new IllegalArgumentException("need " + id + ": no category");
			}
			if (regionCode == null || regionCode.isEmpty() || !digits(regionCode)) {
				throw new IllegalArgumentException("need " + id + ": region code must be digits: " + regionCode);
			}
			if (valueFen <= 0) {
				throw new IllegalArgumentException("need " + id + ": value must be positive");
			}
		}
	}

	/**
	 * A donor taking part in the campaign. Empty {@code categories} means any category; empty
	 * {@code regionPrefixes} means any region; a prefix such as "430421" covers every code starting
	 * with it.
	 */
	public record DonorInput(long id, long budgetFen, Set<String> categories, Set<String> regionPrefixes) {

		public DonorInput {
			if (budgetFen < 0) {
				throw new IllegalArgumentException("donor " + id + ": negative budget");
			}
			categories = categories == null ? Set.of() : Set.copyOf(categories);
			regionPrefixes = regionPrefixes == null ? Set.of() : Set.copyOf(regionPrefixes);
			for (String p : regionPrefixes) {
				if (p.isEmpty() || !digits(p)) {
					throw new IllegalArgumentException("donor " + id + ": region prefix must be digits: " + p);
				}
			}
		}
	}

	/** One donor's part of a need. */
	public record Funding(long donorId, long amountFen) {
	}

	/**
	 * A need proposed for funding; the amounts add up to {@code valueFen}: the need's whole value, or for a
	 * divisible need the part funded (at most its value).
	 */
	public record Proposal(long needId, long valueFen, List<Funding> fundings) {
	}

	/**
	 * The proposal set, by need id. {@code fundedValueFen} is the value of the needs in it;
	 * {@code fractionalBoundFen} the LP-relaxation optimum (no allocation can fund more);
	 * {@code spentByDonorFen} what each donor with at least one funding gives in total.
	 */
	public record Allocation(List<Proposal> proposals, long fundedValueFen, long fractionalBoundFen,
			Map<Long, Long> spentByDonorFen) {
	}

	private static final long INF = Long.MAX_VALUE / 4;

	/** Classes with at most this many candidate needs get the subset-sum fill besides the greedy one. */
	private static final int SUBSET_SUM_MAX_ITEMS = 64;

	/** States kept by the trimmed subset-sum. */
	private static final int SUBSET_SUM_MAX_STATES = 2048;

	/** Computes an allocation. Ids must be unique among needs and among donors. */
	public Allocation allocate(Collection<NeedInput> needs, Collection<DonorInput> donors) {
		return new Run(List.copyOf(needs), List.copyOf(donors)).run();
	}

	private static boolean digits(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** One allocation's working state. */
	private static final class Run {

		private final List<NeedInput> needs;

		private final List<DonorInput> donors;

		private final FlowGraph g = new FlowGraph();

		private static final int S = 0;

		private static final int T = 1;

		// classes
		private int classCount;

		private int[][] classNeeds; // need indexes, value descending

		private long[] classTotal;

		private int[] classNode; // flow node of the class

		private int[] classSinkEdge;

		private long[] fundedFen; // per need: what rounding gave it (its value, 0, or for a divisible need anything between)

		// tree nodes (category, prefix) in creation order, parents before children
		private final List<int[]> treeChildEdges = new ArrayList<>(); // per tree node: edges to children

		private final List<Integer> treeNodeIds = new ArrayList<>();

		private final Map<Integer, Integer> classOfNode = new HashMap<>();

		private int[] donorSourceEdge;

		Run(List<NeedInput> needs, List<DonorInput> donors) {
			this.needs = needs;
			this.donors = donors;
			Set<Long> ids = new HashSet<>();
			for (NeedInput n : needs) {
				if (!ids.add(n.id())) {
					throw new IllegalArgumentException("duplicate need id " + n.id());
				}
			}
			ids.clear();
			for (DonorInput d : donors) {
				if (!ids.add(d.id())) {
					throw new IllegalArgumentException("duplicate donor id " + d.id());
				}
			}
		}

		Allocation run() {
			build();
			// 1. fractional optimum
			for (int c = 0; c < classCount; c++) {
				g.setCapacity(classSinkEdge[c], classTotal[c]);
			}
			long bound = g.maxFlow(S, T, INF, -1);
			long[] received = new long[classCount];
			for (int c = 0; c < classCount; c++) {
				received[c] = g.flow(classSinkEdge[c]);
			}
			// 2. rounding
			fundedFen = new long[needs.size()];
			long[] demand = new long[classCount];
			for (int c = 0; c < classCount; c++) {
				demand[c] = fill(c, received[c]);
			}
			g.resetFlow();
			for (int c = 0; c < classCount; c++) {
				g.setCapacity(classSinkEdge[c], demand[c]);
			}
			long total = g.maxFlow(S, T, INF, -1);
			long wanted = Arrays.stream(demand).sum();
			if (total != wanted) {
				throw new IllegalStateException("rounded demands not feasible: " + total + " < " + wanted);
			}
			// 3. repair
			long residual = 0;
			for (int e : donorSourceEdge) {
				if (e >= 0) {
					residual += g.residual(e);
				}
			}
			Integer[] order = new Integer[classCount];
			long[] largestUnfunded = new long[classCount];
			long[] smallestUnfunded = new long[classCount];
			for (int c = 0; c < classCount; c++) {
				order[c] = c;
				smallestUnfunded[c] = INF;
				for (int i : classNeeds[c]) {
					long open = open(i);
					if (open > 0) {
						largestUnfunded[c] = Math.max(largestUnfunded[c], open);
						// any fen helps a divisible need
						smallestUnfunded[c] = Math.min(smallestUnfunded[c], needs.get(i).divisible() ? 1 : open);
					}
				}
			}
			Arrays.sort(order, Comparator.comparingLong((Integer c) -> -largestUnfunded[c]).thenComparingInt(c -> c));
			// a class the leftover budget cannot reach now will not be reachable later either
			boolean[] reachable = g.reachable(S, T);
			for (int c : order) {
				if (smallestUnfunded[c] > residual || !reachable[classNode[c]]) {
					continue;
				}
				long unfundedTotal = 0;
				for (int i : classNeeds[c]) {
					unfundedTotal += open(i);
				}
				long limit = Math.min(residual, unfundedTotal);
				long got = g.maxFlow(S, classNode[c], limit, T);
				if (got < smallestUnfunded[c]) {
					if (got > 0) {
						pushBack(c, got);
					}
					continue;
				}
				long used = fill(c, got);
				if (got > used) {
					pushBack(c, got - used);
				}
				g.addFlowToSink(classSinkEdge[c], used);
				demand[c] += used;
				residual -= used;
			}
			return decompose(bound);
		}

		private void pushBack(int c, long amount) {
			long back = g.maxFlow(classNode[c], S, amount, T);
			if (back != amount) {
				throw new IllegalStateException("could not return " + amount + " from class " + c);
			}
		}

		/** What of need i rounding has not funded yet. */
		private long open(int i) {
			return needs.get(i).valueFen() - fundedFen[i];
		}

		/**
		 * Funds unfunded needs of class c with at most {@code amount} in all, as close to it as found:
		 * whole goods needs first, then the divisible ones with what is left; returns the sum.
		 */
		private long fill(int c, long amount) {
			long whole = fillWhole(c, amount);
			long left = amount - whole;
			for (int i : classNeeds[c]) { // value descending: at most one divisible need ends part funded
				if (left <= 0) {
					break;
				}
				if (needs.get(i).divisible()) {
					long part = Math.min(open(i), left);
					fundedFen[i] += part;
					left -= part;
				}
			}
			return amount - left;
		}

		/**
		 * Marks unfunded indivisible needs of class c as funded so that their values add up to at most
		 * {@code amount}, as close to it as found; returns their sum.
		 */
		private long fillWhole(int c, long amount) {
			if (amount <= 0) {
				return 0;
			}
			int[] members = classNeeds[c];
			List<Integer> candidates = new ArrayList<>();
			long greedy = 0;
			List<Integer> greedyPick = new ArrayList<>();
			for (int i : members) {
				if (fundedFen[i] > 0 || needs.get(i).divisible()) {
					continue;
				}
				long v = needs.get(i).valueFen();
				if (v > amount) {
					continue;
				}
				candidates.add(i);
				if (greedy + v <= amount) {
					greedy += v;
					greedyPick.add(i);
				}
			}
			List<Integer> pick = greedyPick;
			long sum = greedy;
			if (greedy < amount && candidates.size() > 1 && candidates.size() <= SUBSET_SUM_MAX_ITEMS) {
				long[] values = new long[candidates.size()];
				for (int k = 0; k < values.length; k++) {
					values[k] = needs.get(candidates.get(k)).valueFen();
				}
				boolean[] chosen = SubsetSum.best(values, amount, SUBSET_SUM_MAX_STATES);
				long s = 0;
				List<Integer> p = new ArrayList<>();
				for (int k = 0; k < values.length; k++) {
					if (chosen[k]) {
						s += values[k];
						p.add(candidates.get(k));
					}
				}
				if (s > sum) {
					sum = s;
					pick = p;
				}
			}
			for (int i : pick) {
				fundedFen[i] = needs.get(i).valueFen();
			}
			return sum;
		}

		private void build() {
			// prefixes: node 0 is the root (anywhere)
			TreeSet<String> prefixSet = new TreeSet<>(Comparator.comparingInt(String::length).thenComparing(s -> s));
			for (DonorInput d : donors) {
				prefixSet.addAll(d.regionPrefixes());
			}
			List<String> prefixes = new ArrayList<>();
			prefixes.add("");
			prefixes.addAll(prefixSet); // shorter first: parents before children
			Map<String, Integer> prefixIndex = new HashMap<>();
			for (int i = 0; i < prefixes.size(); i++) {
				prefixIndex.put(prefixes.get(i), i);
			}
			int[] lengths = prefixSet.stream().mapToInt(String::length).distinct().sorted().toArray();
			int[] parent = new int[prefixes.size()];
			parent[0] = -1;
			for (int i = 1; i < prefixes.size(); i++) {
				parent[i] = deepest(prefixes.get(i), prefixes.get(i).length() - 1, lengths, prefixIndex);
			}
			// categories of needs
			TreeMap<String, Integer> categoryIndex = new TreeMap<>();
			for (NeedInput n : needs) {
				categoryIndex.putIfAbsent(n.category(), 0);
			}
			int k = 0;
			for (Map.Entry<String, Integer> e : categoryIndex.entrySet()) {
				e.setValue(k++);
			}
			int categoryCount = k;
			int prefixCount = prefixes.size();
			// classes
			Map<Long, Integer> classIndex = new LinkedHashMap<>();
			List<List<Integer>> members = new ArrayList<>();
			List<long[]> classKey = new ArrayList<>(); // category, prefix
			for (int i = 0; i < needs.size(); i++) {
				NeedInput n = needs.get(i);
				int cat = categoryIndex.get(n.category());
				int p = deepest(n.regionCode(), n.regionCode().length(), lengths, prefixIndex);
				long key = (long) cat * prefixCount + p;
				Integer c = classIndex.get(key);
				if (c == null) {
					c = members.size();
					classIndex.put(key, c);
					members.add(new ArrayList<>());
					classKey.add(new long[] { cat, p });
				}
				members.get(c).add(i);
			}
			classCount = members.size();
			classNeeds = new int[classCount][];
			classTotal = new long[classCount];
			for (int c = 0; c < classCount; c++) {
				List<Integer> m = members.get(c);
				m.sort(Comparator.comparingLong((Integer i) -> -needs.get(i).valueFen())
					.thenComparingLong(i -> needs.get(i).id()));
				classNeeds[c] = m.stream().mapToInt(Integer::intValue).toArray();
				long t = 0;
				for (int i : classNeeds[c]) {
					t = Math.addExact(t, needs.get(i).valueFen());
				}
				classTotal[c] = t;
			}
			// tree nodes needed: every class's (category, prefix) and its ancestors
			boolean[] needed = new boolean[categoryCount * prefixCount];
			for (long[] key : classKey) {
				for (int p = (int) key[1]; p >= 0; p = parent[p]) {
					int idx = (int) key[0] * prefixCount + p;
					if (needed[idx]) {
						break;
					}
					needed[idx] = true;
				}
			}
			g.addNode(); // S
			g.addNode(); // T
			donorSourceEdge = new int[donors.size()];
			int[] donorNode = new int[donors.size()];
			for (int d = 0; d < donors.size(); d++) {
				donorNode[d] = g.addNode();
				donorSourceEdge[d] = donors.get(d).budgetFen() > 0 ? g.addEdge(S, donorNode[d], donors.get(d).budgetFen()) : -1;
			}
			int[] treeNode = new int[categoryCount * prefixCount];
			Arrays.fill(treeNode, -1);
			Map<Integer, List<Integer>> childEdges = new HashMap<>();
			for (int cat = 0; cat < categoryCount; cat++) {
				for (int p = 0; p < prefixCount; p++) { // parents come first
					int idx = cat * prefixCount + p;
					if (!needed[idx]) {
						continue;
					}
					int node = g.addNode();
					treeNode[idx] = node;
					treeNodeIds.add(node);
					if (p > 0) {
						int parentNode = treeNode[cat * prefixCount + parent[p]];
						childEdges.computeIfAbsent(parentNode, x -> new ArrayList<>()).add(g.addEdge(parentNode, node, INF));
					}
				}
			}
			for (int node : treeNodeIds) {
				List<Integer> ce = childEdges.getOrDefault(node, List.of());
				treeChildEdges.add(ce.stream().mapToInt(Integer::intValue).toArray());
			}
			classNode = new int[classCount];
			classSinkEdge = new int[classCount];
			for (int c = 0; c < classCount; c++) {
				long[] key = classKey.get(c);
				classNode[c] = treeNode[(int) key[0] * prefixCount + (int) key[1]];
				classSinkEdge[c] = g.addEdge(classNode[c], T, 0);
				classOfNode.put(classNode[c], c);
			}
			for (int d = 0; d < donors.size(); d++) {
				DonorInput donor = donors.get(d);
				if (donorSourceEdge[d] < 0) {
					continue;
				}
				List<Integer> cats = new ArrayList<>();
				if (donor.categories().isEmpty()) {
					for (int cat = 0; cat < categoryCount; cat++) {
						cats.add(cat);
					}
				}
				else {
					for (String name : new TreeSet<>(donor.categories())) {
						Integer cat = categoryIndex.get(name);
						if (cat != null) {
							cats.add(cat);
						}
					}
				}
				List<Integer> ps = new ArrayList<>();
				if (donor.regionPrefixes().isEmpty()) {
					ps.add(0);
				}
				else {
					for (String prefix : new TreeSet<>(donor.regionPrefixes())) {
						ps.add(prefixIndex.get(prefix));
					}
				}
				for (int cat : cats) {
					for (int p : ps) {
						int node = treeNode[cat * prefixCount + p];
						if (node >= 0) {
							g.addEdge(donorNode[d], node, INF);
						}
					}
				}
			}
		}

		/** The index of the longest prefix of code[0, maxLength) in the set, 0 (root) if none. */
		private static int deepest(String code, int maxLength, int[] lengths, Map<String, Integer> prefixIndex) {
			for (int li = lengths.length - 1; li >= 0; li--) {
				int len = lengths[li];
				if (len <= maxLength && len <= code.length()) {
					Integer p = prefixIndex.get(code.substring(0, len));
					if (p != null) {
						return p;
					}
				}
			}
			return 0;
		}

		/** Splits the flow into (donor, amount) parcels per class and hands them to the funded needs. */
		private Allocation decompose(long bound) {
			int nodeCount = g.nodeCount();
			// parcels arriving at each tree node: donor index, amount
			List<List<long[]>> incoming = new ArrayList<>(nodeCount);
			for (int v = 0; v < nodeCount; v++) {
				incoming.add(null);
			}
			for (int d = 0; d < donors.size(); d++) {
				int donorNode = 2 + d;
				for (int e = g.head[donorNode]; e >= 0; e = g.next[e]) {
					if ((e & 1) == 0) { // forward edges only
						long f = g.flow(e);
						if (f > 0) {
							List<long[]> in = incoming.get(g.to[e]);
							if (in == null) {
								in = new ArrayList<>();
								incoming.set(g.to[e], in);
							}
							in.add(new long[] { d, f });
						}
					}
				}
			}
			List<Proposal> proposals = new ArrayList<>();
			Map<Long, Long> spent = new TreeMap<>();
			long fundedValue = 0;
			for (int t = 0; t < treeNodeIds.size(); t++) {
				int node = treeNodeIds.get(t);
				List<long[]> in = incoming.get(node);
				if (in == null) {
					continue;
				}
				ParcelCursor cursor = new ParcelCursor(in);
				Integer c = classOfNode.get(node);
				if (c != null) {
					// the class's own needs
					long own = g.flow(classSinkEdge[c]);
					long assigned = 0;
					for (int i : classNeeds[c]) {
						if (fundedFen[i] == 0) {
							continue;
						}
						NeedInput need = needs.get(i);
						Map<Long, Long> parts = new LinkedHashMap<>();
						for (long[] parcel : cursor.take(fundedFen[i])) {
							long donorId = donors.get((int) parcel[0]).id();
							parts.merge(donorId, parcel[1], Long::sum);
							spent.merge(donorId, parcel[1], Long::sum);
						}
						List<Funding> fundings = new ArrayList<>();
						parts.forEach((donorId, amount) -> fundings.add(new Funding(donorId, amount)));
						proposals.add(new Proposal(need.id(), fundedFen[i], List.copyOf(fundings)));
						assigned += fundedFen[i];
					}
					if (assigned != own) {
						throw new IllegalStateException("class " + c + ": funded " + assigned + " but flow " + own);
					}
					fundedValue += assigned;
				}
				for (int e : treeChildEdges.get(t)) {
					long f = g.flow(e);
					if (f > 0) {
						List<long[]> child = incoming.get(g.to[e]);
						if (child == null) {
							child = new ArrayList<>();
							incoming.set(g.to[e], child);
						}
						child.addAll(cursor.take(f));
					}
				}
				incoming.set(node, null);
			}
			proposals.sort(Comparator.comparingLong(Proposal::needId));
			return new Allocation(List.copyOf(proposals), fundedValue, bound, java.util.Collections.unmodifiableMap(spent));
		}
	}

	/** Hands out (donor, amount) parcels in order, splitting one where an amount ends inside it. */
	private static final class ParcelCursor {

		private final List<long[]> parcels;

		private int index;

		private long usedOfCurrent;

		ParcelCursor(List<long[]> parcels) {
			this.parcels = parcels;
		}

		List<long[]> take(long amount) {
			List<long[]> out = new ArrayList<>(2);
			while (amount > 0) {
				if (index >= parcels.size()) {
					throw new IllegalStateException("flow decomposition ran out of parcels");
				}
				long[] p = parcels.get(index);
				long left = p[1] - usedOfCurrent;
				long part = Math.min(left, amount);
				out.add(new long[] { p[0], part });
				amount -= part;
				usedOfCurrent += part;
				if (usedOfCurrent == p[1]) {
					index++;
					usedOfCurrent = 0;
				}
			}
			return out;
		}
	}

	/** Subset-sum below a cap, exact while the states fit, trimmed (near-exact) beyond. */
	static final class SubsetSum {

		private SubsetSum() {
		}

		/** Which values to take so that their sum is at most cap and as large as found. */
		static boolean[] best(long[] values, long cap, int maxStates) {
			// a state is (sum, previous state, item taken); state 0 is the empty set
			long[] arenaPrev = new long[64];
			int[] arenaItem = new int[64];
			int arenaSize = 1;
			arenaPrev[0] = -1;
			long[] sum = new long[] { 0 };
			int[] stateId = new int[] { 0 };
			long[] merged = new long[2 * maxStates + 2];
			int[] mergedId = new int[2 * maxStates + 2];
			for (int k = 0; k < values.length; k++) {
				long v = values[k];
				int n = sum.length;
				int nb = 0;
				while (nb < n && sum[nb] + v <= cap) {
					nb++;
				}
				int a = 0;
				int b = 0;
				int m = 0;
				while (a < n || b < nb) {
					long s;
					int id;
					if (b >= nb || (a < n && sum[a] <= sum[b] + v)) {
						s = sum[a];
						id = stateId[a];
						a++;
					}
					else {
						s = sum[b] + v;
						if (arenaSize == arenaItem.length) {
							arenaPrev = Arrays.copyOf(arenaPrev, arenaSize * 2);
							arenaItem = Arrays.copyOf(arenaItem, arenaSize * 2);
						}
						arenaPrev[arenaSize] = stateId[b];
						arenaItem[arenaSize] = k;
						id = arenaSize++;
						b++;
					}
					if (m > 0 && merged[m - 1] == s) {
						continue;
					}
					merged[m] = s;
					mergedId[m] = id;
					m++;
				}
				int keep = Math.min(m, maxStates);
				long[] nextSum = new long[keep];
				int[] nextId = new int[keep];
				for (int j = 0; j < keep; j++) {
					// keep all when they fit, else thin evenly, always keeping the smallest and the largest
					int from = keep == m ? j : (int) ((long) j * (m - 1) / (keep - 1));
					nextSum[j] = merged[from];
					nextId[j] = mergedId[from];
				}
				sum = nextSum;
				stateId = nextId;
				if (sum[sum.length - 1] == cap) {
					break;
				}
			}
			boolean[] chosen = new boolean[values.length];
			for (long id = stateId[stateId.length - 1]; id > 0; id = arenaPrev[(int) id]) {
				chosen[arenaItem[(int) id]] = true;
			}
			return chosen;
		}
	}

	/** A flow network with long capacities; edge e's reverse is e ^ 1. */
	static final class FlowGraph {

		int[] head = new int[16];

		int[] next = new int[16];

		int[] to = new int[16];

		long[] cap = new long[16]; // residual capacity

		private int nodes;

		private int edges;

		private int[] level = new int[0];

		private int[] iter = new int[0];

		private int[] queue = new int[0];

		private int[] pathEdges = new int[0];

		int addNode() {
			if (nodes == head.length) {
				head = Arrays.copyOf(head, nodes * 2);
			}
			head[nodes] = -1;
			return nodes++;
		}

		int nodeCount() {
			return nodes;
		}

		int addEdge(int u, int v, long capacity) {
			if (edges + 2 > to.length) {
				int n = to.length * 2;
				next = Arrays.copyOf(next, n);
				to = Arrays.copyOf(to, n);
				cap = Arrays.copyOf(cap, n);
			}
			int e = edges;
			to[e] = v;
			cap[e] = capacity;
			next[e] = head[u];
			head[u] = e;
			to[e + 1] = u;
			cap[e + 1] = 0;
			next[e + 1] = head[v];
			head[v] = e + 1;
			edges += 2;
			return e;
		}

		/** The flow on forward edge e (what its reverse can take back). */
		long flow(int e) {
			return cap[e ^ 1];
		}

		long residual(int e) {
			return cap[e];
		}

		/** Sets the capacity of a forward edge that carries no flow. */
		void setCapacity(int e, long capacity) {
			cap[e] = capacity;
			cap[e ^ 1] = 0;
		}

		/** Raises a saturated forward edge's capacity and flow by amount. */
		void addFlowToSink(int e, long amount) {
			cap[e ^ 1] += amount;
		}

		void resetFlow() {
			for (int e = 0; e < edges; e += 2) {
				cap[e] += cap[e + 1];
				cap[e + 1] = 0;
			}
		}

		/** Dinic from s to t, at most limit, never through node blocked (-1: none). */
		long maxFlow(int s, int t, long limit, int blocked) {
			if (level.length < nodes) {
				level = new int[nodes];
				iter = new int[nodes];
				queue = new int[nodes];
				pathEdges = new int[nodes];
			}
			long total = 0;
			while (total < limit && bfs(s, t, blocked)) {
				System.arraycopy(head, 0, iter, 0, nodes);
				long f;
				while (total < limit && (f = augment(s, t, limit - total)) > 0) {
					total += f;
				}
			}
			return total;
		}

		/** The nodes reachable from s in the residual graph, never through blocked. */
		boolean[] reachable(int s, int blocked) {
			boolean[] seen = new boolean[nodes];
			int[] stack = new int[nodes];
			int top = 0;
			seen[s] = true;
			if (blocked >= 0) {
				seen[blocked] = true;
			}
			stack[top++] = s;
			while (top > 0) {
				int u = stack[--top];
				for (int e = head[u]; e >= 0; e = next[e]) {
					if (cap[e] > 0 && !seen[to[e]]) {
						seen[to[e]] = true;
						stack[top++] = to[e];
					}
				}
			}
			if (blocked >= 0) {
				seen[blocked] = false;
			}
			return seen;
		}

		private boolean bfs(int s, int t, int blocked) {
			Arrays.fill(level, 0, nodes, -1);
			if (blocked >= 0) {
				level[blocked] = Integer.MIN_VALUE;
			}
			int qh = 0;
			int qt = 0;
			level[s] = 0;
			queue[qt++] = s;
			while (qh < qt) {
				int u = queue[qh++];
				if (u == t) {
					continue;
				}
				for (int e = head[u]; e >= 0; e = next[e]) {
					int v = to[e];
					if (cap[e] > 0 && level[v] == -1) {
						level[v] = level[u] + 1;
						queue[qt++] = v;
					}
				}
			}
			return level[t] >= 0;
		}

		/** One augmenting path in the level graph, iteratively. */
		private long augment(int s, int t, long limit) {
			int depth = 0;
			int u = s;
			while (true) {
				if (u == t) {
					long f = limit;
					for (int i = 0; i < depth; i++) {
						f = Math.min(f, cap[pathEdges[i]]);
					}
					for (int i = 0; i < depth; i++) {
						int e = pathEdges[i];
						cap[e] -= f;
						cap[e ^ 1] += f;
					}
					return f;
				}
				int e = iter[u];
				while (e >= 0 && !(cap[e] > 0 && level[to[e]] == level[u] + 1)) {
					e = next[e];
				}
				iter[u] = e;
				if (e >= 0) {
					pathEdges[depth++] = e;
					u = to[e];
				}
				else {
					level[u] = Integer.MIN_VALUE; // dead end
					if (depth == 0) {
						return 0;
					}
					depth--;
					u = to[pathEdges[depth] ^ 1];
					iter[u] = next[iter[u]];
				}
			}
		}
	}
}
