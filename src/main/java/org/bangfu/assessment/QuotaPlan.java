package org.bangfu.assessment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bangfu.household.PoorVillages;
import org.bangfu.need.NeedCategory;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.region.Station;
import org.bangfu.region.Stations;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * The expected reports of a region and period (docs/assessment.md): each open station with a quota above zero, its
 * quota, the categories that count for it and its deadline. A campaign period takes the campaign's quotas per level;
 * a month takes the monthly rules of the newest campaign over the station that ended before the month began.
 */
@Component
class QuotaPlan {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final Stations stations;

	private final PoorVillages poorVillages;

	private final CollectionCampaigns campaigns;

	private final Regions regions;

	QuotaPlan(Stations stations, PoorVillages poorVillages, CollectionCampaigns campaigns, Regions regions) {
		this.stations = stations;
		this.poorVillages = poorVillages;
		this.campaigns = campaigns;
		this.regions = regions;
	}

	/** A station's expected report: its quota for the period, the categories that count, the last day that is on time. */
	record Expectation(Station station, RegionLevel level, int quota, Set<NeedCategory> categories, LocalDate deadline) {
	}

	List<Expectation> expected(Region region, ReportingPeriod period) {
		Set<String> poor = poorVillages.within(region);
		List<Expectation> out = new ArrayList<>();
		if (!period.isMonth()) {
			CollectionCampaign c = campaigns.find(period.campaignId()).orElseThrow();
			for (Station s : stations.within(region)) {
				if (area(c).contains(s.regionCode())) {
					add(out, expect(s, poor.contains(s.regionCode()), c, period));
				}
			}
			return out;
		}
		List<String> above = new ArrayList<>(regions.ancestors(region).stream().map(Region::code).toList());
		above.add(region.code());
		List<CollectionCampaign> ended = campaigns.endedBefore(above, Scope.of(region), period.from());
		for (Station s : stations.within(region)) {
			ended.stream().filter(c -> area(c).contains(s.regionCode())).findFirst()
				.ifPresent(c -> add(out, expect(s, poor.contains(s.regionCode()), c, period)));
		}
		return out;
	}

	private static void add(List<Expectation> out, Expectation e) {
		if (e != null) {
			out.add(e);
		}
	}

	/**
	 * The station's expected report under the campaign's rules, or null when nothing is expected of it: closed before the
	 * period began, opened after it ended, or a quota of zero (a county centre, the city office, a level the rules leave out).
	 */
	static Expectation expect(Station s, boolean poorVillage, CollectionCampaign c, ReportingPeriod period) {
		if (!open(s, period)) {
			return null;
		}
		RegionLevel level = level(s.kind());
		int quota = period.isMonth() ? c.monthlyQuota(level) : c.campaignQuota(level, poorVillage);
		if (quota <= 0) {
			return null;
		}
		LocalDate deadline = period.isMonth() ? period.to().plusDays(c.rules().timelyDays()) : c.deadline();
		return new Expectation(s, level, quota, c.countedCategories(level), deadline);
	}

	/** DHIS2's rule for closed org units: opened on or before the period's end, and not closed before its start. */
	static boolean open(Station s, ReportingPeriod period) {
		LocalDate opened = s.createdAt().atZone(BEIJING).toLocalDate();
		return !opened.isAfter(period.to()) && (s.closedOn() == null || !s.closedOn().isBefore(period.from()));
	}

	static RegionLevel level(Station.Kind kind) {
		return switch (kind) {
			case PROVINCE_OFFICE -> RegionLevel.PROVINCE;
			case CITY_OFFICE -> RegionLevel.CITY;
			case COUNTY_CENTER -> RegionLevel.COUNTY;
			case TOWNSHIP_STATION -> RegionLevel.TOWNSHIP;
			case VILLAGE_POINT -> RegionLevel.VILLAGE;
		};
	}

	private static Scope area(CollectionCampaign c) {
		return Scope.of(RegionCode.parse(c.regionCode()));
	}
}
