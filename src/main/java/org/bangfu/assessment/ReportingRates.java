package org.bangfu.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedRollups;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * Reporting and on-time rates with DHIS2's definitions (docs/assessment.md), per region and period, rolled up village →
 * township → county → city: the API of the assessment for the stats module and the reporting pages. Whether the caller
 * may see the region is the caller's question (staff scope).
 */
@Component
public class ReportingRates {

	/** The figures of a region and period; rates and attainment are in [0, 1] (0 when nothing is expected). */
	public record Summary(long expected, long reported, long onTime, double rate, double onTimeRate, long quotaNeeds, long countedNeeds,
			double attainment) {
	}

	/** One line of the drill-down: a child region (null: the region's own station) and its figures. */
	public record Row(Region child, Summary summary) {
	}

	/** A region's figures, its drill-down and its stations behind quota (most missing first). */
	public record Breakdown(Region region, ReportingPeriod period, Summary total, List<Row> rows, List<StationReport> behind) {
	}

	private final QuotaPlan plan;

	private final NeedRollups rollups;

	private final CollectionCampaigns campaigns;

	private final Regions regions;

	private final Clock clock;

	ReportingRates(QuotaPlan plan, NeedRollups rollups, CollectionCampaigns campaigns, Regions regions, Clock clock) {
		this.plan = plan;
		this.rollups = rollups;
		this.campaigns = campaigns;
		this.regions = regions;
		this.clock = clock;
	}

	public Summary summary(Region region, String period) {
		return ReportingTally.summarise(reports(region, period(region, period)));
	}

	public Breakdown breakdown(Region region, String period) {
		ReportingPeriod p = period(region, period);
		List<StationReport> reports = reports(region, p);
		List<Region> children = regions.children(region.regionCode(), null).stream().map(Regions.RegionNode::region).toList();
		List<StationReport> behind = reports.stream().filter(r -> !r.reported())
			.sorted(Comparator.comparingLong(StationReport::missing).reversed().thenComparing(StationReport::regionCode))
			.toList();
		return new Breakdown(region, p, ReportingTally.summarise(reports), ReportingTally.byChild(region, children, reports), behind);
	}

	/**
	 * The period a text names for the region: {@code 2026-11}, {@code 202611} or {@code C<id>} (a campaign concerning the
	 * region, else 404); blank is the current one (the campaign collecting over the region today, else this month).
	 * Malformed or not yet begun: 400.
	 */
	public ReportingPeriod period(Region region, String text) {
		LocalDate today = LocalDate.now(clock.withZone(QuotaPlan.BEIJING));
		if (text == null || text.isBlank()) {
			return concerning(region).stream().filter(c -> !c.startsOn().isAfter(today) && !c.deadline().isBefore(today)).findFirst()
				.map(ReportingPeriod::of)
				.orElse(ReportingPeriod.month(YearMonth.from(today)));
		}
		Long campaignId = ReportingPeriod.campaignIdIn(text);
		if (campaignId == null) {
			return ReportingPeriod.parseMonth(text, today);
		}
		CollectionCampaign c = campaigns.find(campaignId).filter(x -> related(region, x.regionCode()))
			.orElseThrow(() -> new NotFoundException("collection-campaign.not-found"));
		ReportingPeriod p = ReportingPeriod.of(c);
		p.requireBegun(today);
		return p;
	}

	/** The campaigns over the region or inside it, newest first: the campaign periods one may choose for it. */
	public List<CollectionCampaign> concerning(Region region) {
		List<String> codes = new ArrayList<>(regions.ancestors(region).stream().map(Region::code).toList());
		codes.add(region.code());
		return campaigns.concerning(codes, Scope.of(region));
	}

	/** Each expected station's report: its quota and its counted needs from the rollups (one read per set of rules). */
	List<StationReport> reports(Region region, ReportingPeriod p) {
		List<QuotaPlan.Expectation> expected = plan.expected(region, p);
		record Rules(Set<NeedCategory> categories, LocalDate deadline) {
		}
		Map<Rules, Map<String, NeedRollups.UnitReports>> counts = new LinkedHashMap<>();
		for (QuotaPlan.Expectation e : expected) {
			counts.computeIfAbsent(new Rules(e.categories(), e.deadline()),
					r -> rollups.reportsWithin(region, p.from(), p.to(), r.categories(), r.deadline()));
		}
		return expected.stream().map(e -> {
			NeedRollups.UnitReports u = counts.get(new Rules(e.categories(), e.deadline())).get(e.station().regionCode());
			return new StationReport(e.station().id(), e.station().regionCode(), e.station().name(), e.quota(), u == null ? 0 : u.reported(),
					u == null ? 0 : u.onTime());
		}).toList();
	}

	private static boolean related(Region region, String areaCode) {
		return Scope.of(region).contains(areaCode) || Scope.of(RegionCode.parse(areaCode)).contains(region.code());
	}
}
