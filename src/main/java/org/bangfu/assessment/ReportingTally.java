package org.bangfu.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.region.Region;
import org.bangfu.region.Scope;

/**
 * The arithmetic of the reporting rates (docs/assessment.md), apart from where the figures come from: expected = the
 * stations with a report (open, quota > 0), reported and on time among them, their ratios, and the quota attainment
 * Σ min(counted, quota) ÷ Σ quota; rolled up to a region and to each of its children.
 */
final class ReportingTally {

	private ReportingTally() {
	}

	static ReportingRates.Summary summarise(List<StationReport> reports) {
		long expected = reports.size();
		long reported = reports.stream().filter(StationReport::reported).count();
		long onTime = reports.stream().filter(StationReport::onTime).count();
		long quota = reports.stream().mapToLong(StationReport::quota).sum();
		long counted = reports.stream().mapToLong(StationReport::counted).sum();
		long attained = reports.stream().mapToLong(StationReport::attained).sum();
		return new ReportingRates.Summary(expected, reported, onTime, ratio(reported, expected), ratio(onTime, expected), quota, counted,
				ratio(attained, quota));
	}

	/**
	 * The summary of each child of the region (in the children's order), and first, when the region's own station has a
	 * report, a row for it (child null).
	 */
	static List<ReportingRates.Row> byChild(Region region, List<Region> children, List<StationReport> reports) {
		Map<String, List<StationReport>> grouped = new LinkedHashMap<>();
		List<StationReport> own = new ArrayList<>();
		for (Region child : children) {
			grouped.put(child.code(), new ArrayList<>());
		}
		for (StationReport r : reports) {
			if (r.regionCode().equals(region.code())) {
				own.add(r);
				continue;
			}
			children.stream().filter(c -> Scope.of(c).contains(r.regionCode())).findFirst().ifPresent(c -> grouped.get(c.code()).add(r));
		}
		List<ReportingRates.Row> rows = new ArrayList<>();
		if (!own.isEmpty()) {
			rows.add(new ReportingRates.Row(null, summarise(own)));
		}
		for (Region child : children) {
			rows.add(new ReportingRates.Row(child, summarise(grouped.get(child.code()))));
		}
		return rows;
	}

	/** A ratio in [0, 1], rounded to four places; 0 when nothing is expected (the pages show "—" then). */
	static double ratio(long part, long whole) {
		return whole == 0 ? 0.0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
	}
}
