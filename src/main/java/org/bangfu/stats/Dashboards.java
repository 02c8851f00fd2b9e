package org.bangfu.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.household.Households;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedRollups;
import org.bangfu.need.NeedState;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.springframework.stereotype.Component;

/**
 * The figures of a dashboard (a region and a span of months): registration coverage, needs by category and state, the
 * matching rate, the same for each unit directly below, and the trend by month. Only the needs' rollups and the
 * registry's coverage counts are read, never the needs themselves, so a city's dashboard costs a handful of small
 * queries whatever the number of needs.
 */
@Component
public class Dashboards {

	/** The registration target: every registry household on the platform (the city plan), in percent. */
	public static final int COVERAGE_TARGET = 100;

	private final NeedRollups rollups;

	private final Households households;

	private final Regions regions;

	public Dashboards(NeedRollups rollups, Households households, Regions regions) {
		this.rollups = rollups;
		this.households = households;
		this.regions = regions;
	}

	/** A unit directly below, with its coverage and matching: a row of the drill-down table. */
	public record Unit(Region region, long households, long onPlatform, double coverage, Rates rates) {
	}

	/** Needs of a category (or of a state): count and estimated value, all time. */
	public record Tally(String key, long n, long valueFen) {
	}

	/** A month of the trend: needs verified in it, and of those the ones confirmed. */
	public record Month(YearMonth month, Rates rates) {
	}

	public record Dashboard(Region region, List<Region> ancestors, Months months, Households.Coverage coverage, Rates rates,
			Map<NeedCategory, Map<NeedState, NeedRollups.Count>> byCategoryAndState, List<Tally> byCategory, List<Tally> byState,
			Set<NeedState> statesPresent, List<Unit> units, List<Month> trend) {

		public long needs() {
			return byState.stream().mapToLong(Tally::n).sum();
		}

		/** The grid as rows: each category with needs, its counts in the order of {@link #statesPresent()} (zero where none). */
		public List<CategoryRow> categoryRows() {
			NeedRollups.Count zero = new NeedRollups.Count(0, 0);
			List<CategoryRow> rows = new ArrayList<>();
			for (NeedCategory c : NeedCategory.values()) {
				Map<NeedState, NeedRollups.Count> states = byCategoryAndState.get(c);
				if (states != null && !states.isEmpty()) {
					rows.add(new CategoryRow(c, statesPresent.stream().map(s -> states.getOrDefault(s, zero)).toList()));
				}
			}
			return rows;
		}
	}

	public record CategoryRow(NeedCategory category, List<NeedRollups.Count> cells) {
	}

	/** Everything of the dashboard; {@code withUnits} false for the wall and the overview, which show no table below. */
	public Dashboard of(Region region, Months months, boolean withUnits) {
		Map<NeedCategory, Map<NeedState, NeedRollups.Count>> grid = rollups.byCategoryAndState(region);
		List<Unit> units = withUnits ? units(region, months) : List.of();
		Rates rates = Rates.of(rollups.matching(List.of(region), months.from(), months.to()).get(region.code()));
		List<Month> trend = new ArrayList<>();
		Map<YearMonth, NeedRollups.Matching> byMonth = rollups.trend(region, months.from(), months.to());
		for (YearMonth m = months.from(); !m.isAfter(months.to()); m = m.plusMonths(1)) {
			trend.add(new Month(m, Rates.of(byMonth.get(m))));
		}
		Map<NeedCategory, long[]> cat = new EnumMap<>(NeedCategory.class);
		Map<NeedState, long[]> state = new EnumMap<>(NeedState.class);
		grid.forEach((c, states) -> states.forEach((s, count) -> {
			add(cat.computeIfAbsent(c, k -> new long[2]), count);
			add(state.computeIfAbsent(s, k -> new long[2]), count);
		}));
		Set<NeedState> present = state.isEmpty() ? EnumSet.noneOf(NeedState.class) : EnumSet.copyOf(state.keySet());
		return new Dashboard(region, regions.ancestors(region), months, households.coverageOf(region), rates, grid,
				tallies(NeedCategory.values(), cat, NeedCategory::label), tallies(NeedState.values(), state, NeedState::label), present,
				units, trend);
	}

	private List<Unit> units(Region region, Months months) {
		List<Region> below = regions.children(region.regionCode(), null).stream().map(Regions.RegionNode::region).toList();
		if (below.isEmpty()) {
			return List.of();
		}
		Map<String, Households.Coverage> coverage = households.coverageBelow(region).stream()
			.collect(Collectors.toMap(Households.Coverage::code, Function.identity(), (a, b) -> a));
		Map<String, NeedRollups.Matching> matching = rollups.matching(below, months.from(), months.to());
		return below.stream().map(r -> {
			Households.Coverage c = coverage.get(r.code());
			long h = c == null ? 0 : c.households();
			long on = c == null ? 0 : c.registered();
			return new Unit(r, h, on, c == null ? 0 : c.percent(), Rates.of(matching.get(r.code())));
		}).toList();
	}

	private static void add(long[] sum, NeedRollups.Count count) {
		sum[0] += count.n();
		sum[1] += count.valueFen();
	}

	private static <E extends Enum<E>> List<Tally> tallies(E[] all, Map<E, long[]> sums, Function<E, String> label) {
		List<Tally> out = new ArrayList<>();
		for (E e : all) {
			long[] s = sums.get(e);
			if (s != null) {
				out.add(new Tally(label.apply(e), s[0], s[1]));
			}
		}
		return out;
	}
}
