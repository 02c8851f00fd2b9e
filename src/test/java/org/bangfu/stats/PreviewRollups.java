package org.bangfu.stats;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedRollups;
import org.bangfu.need.NeedState;
import org.bangfu.region.Region;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Fixed rollup figures for looking at the dashboard pages while the need module's rollups are not built in this
 * branch (their bodies throw). Only for a preview run of the browser test; the tests with known answers use the real ones.
 */
@TestConfiguration
public class PreviewRollups {

	@Bean
	@Primary
	NeedRollups previewRollups() {
		return new NeedRollups() {

			@Override
			public Map<NeedCategory, Map<NeedState, Count>> byCategoryAndState(Region region) {
				Map<NeedCategory, Map<NeedState, Count>> grid = new EnumMap<>(NeedCategory.class);
				grid.put(NeedCategory.MEDICAL, new EnumMap<>(Map.of(NeedState.PUBLISHED, new Count(12, 360_000), NeedState.CONFIRMED, new Count(7, 140_000),
						NeedState.SUBMITTED, new Count(3, 30_000))));
				grid.put(NeedCategory.EDUCATION, new EnumMap<>(Map.of(NeedState.PLEDGED, new Count(4, 80_000), NeedState.CONFIRMED, new Count(5, 100_000))));
				grid.put(NeedCategory.HOUSING, new EnumMap<>(Map.of(NeedState.PUBLISHED, new Count(6, 1_200_000))));
				grid.put(NeedCategory.ELDERLY_CARE, new EnumMap<>(Map.of(NeedState.CLOSED, new Count(2, 20_000))));
				return grid;
			}

			@Override
			public Map<String, Matching> matching(List<Region> regions, YearMonth from, YearMonth to) {
				Map<String, Matching> out = new LinkedHashMap<>();
				for (Region r : regions) {
					int k = Math.abs(r.code().hashCode()) % 7;
					out.put(r.code(), new Matching(20 + k, 500_000, 4 + k, 120_000 + k * 10_000, k % 3, 10_000));
				}
				return out;
			}

			@Override
			public Map<YearMonth, Matching> trend(Region region, YearMonth from, YearMonth to) {
				Map<YearMonth, Matching> out = new LinkedHashMap<>();
				int i = 0;
				for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1), i++) {
					out.put(m, new Matching(3 + i, 30_000, 1 + i / 2, 10_000, 0, 0));
				}
				return out;
			}
		};
	}
}
