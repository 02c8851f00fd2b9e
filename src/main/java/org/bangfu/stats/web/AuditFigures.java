package org.bangfu.stats.web;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.supervision.InspectionReports;
import org.springframework.stereotype.Component;

/**
 * Supervision's public figures on the statistics page and its workbook (issue 16): needs checked by supervision and
 * needs found false, since the start, for the region and, below a city, each county. Counts only.
 */
@Component
class AuditFigures {

	private final InspectionReports reports;

	private final Regions regions;

	AuditFigures(InspectionReports reports, Regions regions) {
		this.reports = reports;
		this.regions = regions;
	}

	record Line(String code, String name, long audited, long foundFalse) {
	}

	List<Line> of(Region region) {
		List<Line> lines = new ArrayList<>();
		lines.add(line(region));
		if (region.level().ordinal() < RegionLevel.COUNTY.ordinal()) {
			regions.children(region.regionCode(), null).stream().map(Regions.RegionNode::region).map(this::line).forEach(lines::add);
		}
		return lines;
	}

	private Line line(Region r) {
		InspectionReports.PublicCounts c = reports.publicCounts(r);
		return new Line(r.code(), r.name(), c.audited(), c.foundFalse());
	}
}
