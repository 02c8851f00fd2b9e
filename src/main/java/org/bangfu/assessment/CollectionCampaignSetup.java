package org.bangfu.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.need.PublicationHolds;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Configuring collection campaigns: the city office for any area of the city, a county centre for its own county only
 * (another county, or the city, is 404 to it); other staff may read the campaigns that concern their area. A holding
 * campaign places its publication hold when it is created; its launch releases it ({@link CollectionCampaignLaunches}).
 */
@Component
public class CollectionCampaignSetup {

	private final CollectionCampaigns campaigns;

	private final CollectionCampaignLaunches launches;

	private final PublicationHolds holds;

	private final Regions regions;

	private final OperationLog log;

	private final Clock clock;

	CollectionCampaignSetup(CollectionCampaigns campaigns, CollectionCampaignLaunches launches, PublicationHolds holds, Regions regions,
			OperationLog log, Clock clock) {
		this.campaigns = campaigns;
		this.launches = launches;
		this.holds = holds;
		this.regions = regions;
		this.log = log;
		this.clock = clock;
	}

	/** What the city or a county sets up; absent figures take the plan's defaults ({@link QuotaRules}). */
	public record NewCollectionCampaign(String name, String regionCode, String startsOn, String deadline, List<String> categories,
			Integer poorVillageQuota, Integer otherVillageQuota, Integer townshipQuota, Integer monthlyMin, Integer monthlyMax,
			Integer townshipMonthly, Integer timelyDays, Boolean holds, String launchAt) {
	}

	/** Whether the user configures campaigns at all: the city office or a county centre. */
	public static boolean configures(BangfuUser user) {
		return user != null && (user.has(Role.CITY_ADMIN) || user.has(Role.COUNTY_ADMIN));
	}

	/** Whether the user configures campaigns of the area: a city grant covering it, or a county grant covering it. */
	static boolean configures(BangfuUser user, String areaCode) {
		return user.staffGrants().stream().anyMatch(g -> (g.role() == Role.CITY_ADMIN || g.role() == Role.COUNTY_ADMIN) && g.covers(areaCode));
	}

	@Transactional
	public long create(BangfuUser by, NewCollectionCampaign c) {
		if (!configures(by)) {
			throw new NotPermittedException("collection-campaign.who");
		}
		if (c == null) {
			throw new BadInputException("collection-campaign.name");
		}
		String name = c.name() == null ? "" : c.name().strip();
		if (name.length() < 2 || name.length() > 60) {
			throw new BadInputException("collection-campaign.name");
		}
		Region area = area(c.regionCode());
		if (!configures(by, area.code())) {
			throw new NotFoundException("region.not-found", area.code());
		}
		QuotaRules rules = QuotaRules.of(c.startsOn(), c.deadline(), c.categories(), c.poorVillageQuota(), c.otherVillageQuota(), c.townshipQuota(),
				c.monthlyMin(), c.monthlyMax(), c.townshipMonthly(), c.timelyDays());
		Instant now = clock.instant();
		Instant launchAt = moment(c.launchAt());
		if (launchAt != null && launchAt.isBefore(now)) {
			throw new BadInputException("collection-campaign.launch.past"); // a new campaign has held nothing yet
		}
		boolean holding = c.holds() != null && c.holds();
		long id = campaigns.insert(name, area.code(), rules, holding, by.id(), now);
		if (holding) {
			holds.hold(id, area);
		}
		log.record(by.id(), "collection-campaign.create", "collection-campaign:" + id, area.code(),
				name + "，" + rules.startsOn() + " 至 " + rules.deadline() + (holding ? "，集中发布" : ""));
		if (launchAt != null) {
			launches.schedule(by, campaigns.find(id).orElseThrow(), launchAt);
		}
		return id;
	}

	/** Sets the launch moment (null: now) of a campaign the user configures; a moment that has come fires at once. */
	@Transactional
	public CollectionCampaign launch(BangfuUser by, long id, String moment) {
		Instant at = moment(moment);
		CollectionCampaign c = campaigns.find(id).filter(x -> configures(by, x.regionCode()))
			.orElseThrow(() -> new NotFoundException("collection-campaign.not-found"));
		launches.schedule(by, c, at);
		return campaigns.find(id).orElseThrow();
	}

	/** A campaign concerning the user's area: its area holds or lies in one of the user's regions; else 404. */
	public CollectionCampaign get(BangfuUser by, long id) {
		return campaigns.find(id).filter(c -> concerns(by, c)).orElseThrow(() -> new NotFoundException("collection-campaign.not-found"));
	}

	/** The campaigns concerning the user's areas (those of its areas and above them), newest first. */
	public List<CollectionCampaign> list(BangfuUser by) {
		List<Region> work = by.workRegions();
		if (work.isEmpty()) {
			return List.of();
		}
		List<String> codes = new ArrayList<>();
		for (Region r : work) {
			codes.add(r.code());
			regions.ancestors(r).forEach(a -> codes.add(a.code()));
		}
		Map<Long, CollectionCampaign> found = new LinkedHashMap<>();
		campaigns.concerning(codes, Scope.anyOf(work)).forEach(c -> found.putIfAbsent(c.id(), c));
		return found.values().stream().sorted(Comparator.comparing(CollectionCampaign::startsOn).reversed()).toList();
	}

	/** The areas a user may configure campaigns for (their city and county grants' regions). */
	public static List<Region> areas(BangfuUser user) {
		return user.staffGrants().stream().filter(g -> g.role() == Role.CITY_ADMIN || g.role() == Role.COUNTY_ADMIN).map(Grant::region).toList();
	}

	private boolean concerns(BangfuUser by, CollectionCampaign c) {
		return by.inScope(c.regionCode()) || by.staffGrants().stream().anyMatch(g -> Scope.of(RegionCode.parse(c.regionCode())).contains(g.region().code()));
	}

	/**
	 * A launch moment as the API gives it (an ISO instant, 2026-10-31T10:00:00Z or with an offset) or as a page's
	 * datetime-local field gives it (Beijing time); blank is "now".
	 */
	static Instant moment(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		try {
			return java.time.OffsetDateTime.parse(t).toInstant();
		}
		catch (java.time.format.DateTimeParseException e) {
			try {
				return java.time.LocalDateTime.parse(t).atZone(QuotaPlan.BEIJING).toInstant();
			}
			catch (java.time.format.DateTimeParseException e2) {
				throw new BadInputException("collection-campaign.launch.malformed", t);
			}
		}
	}

	private Region area(String code) {
		if (code == null || code.isBlank()) {
			throw new BadInputException("collection-campaign.area");
		}
		RegionCode parsed;
		try {
			parsed = RegionCode.parse(code.strip());
		}
		catch (RuntimeException e) {
			throw new BadInputException("collection-campaign.area");
		}
		Region area = regions.find(parsed).orElseThrow(() -> new NotFoundException("region.not-found", code.strip()));
		if (area.level() == RegionLevel.VILLAGE) {
			throw new BadInputException("collection-campaign.area-level");
		}
		return area;
	}
}
