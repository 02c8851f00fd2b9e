package org.bangfu.campaign;

import org.bangfu.shared.NotPermittedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.need.NeedCategory;
import org.bangfu.notify.Notices;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Money;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with a campaign: create it for a region of their scope and some categories, put
 * donors with budgets in it, let the allocator propose who fully funds which open need, drop
 * proposals they do not want, and send the rest as invitations. Only the city office and county
 * centres organise campaigns (DESIGN.md §2); anyone else, and anyone outside the campaign's region,
 * gets 404.
 */
@Component
public class CampaignPlanning {

	static final int MAX_RESPOND_DAYS = 30;

	static final long MAX_BUDGET_FEN = 10_000_000_000L; // 一亿元

	private final Campaigns campaigns;

	private final Regions regions;

	private final Accounts accounts;

	private final Notices notices;

	private final OperationLog log;

	private final Clock clock;

	private final ProposalRounds rounds = new ProposalRounds();

	public CampaignPlanning(Campaigns campaigns, Regions regions, Accounts accounts, Notices notices, OperationLog log, Clock clock) {
		this.campaigns = campaigns;
		this.regions = regions;
		this.accounts = accounts;
		this.notices = notices;
		this.log = log;
		this.clock = clock;
	}

	/** Whether the user organises campaigns for the region: a city or county grant covering it. */
	static boolean organises(BangfuUser user, String regionCode) {
		return user != null && user.staffGrants().stream()
			.anyMatch(g -> (g.role() == Role.CITY_ADMIN || g.role() == Role.COUNTY_ADMIN) && g.covers(regionCode));
	}

	public static boolean organiser(BangfuUser user) {
		return user != null && (user.has(Role.CITY_ADMIN) || user.has(Role.COUNTY_ADMIN));
	}

	/** The regions a user may organise in: their city and county grants' regions. */
	public static List<Region> scopes(BangfuUser user) {
		return user.staffGrants().stream()
			.filter(g -> g.role() == Role.CITY_ADMIN || g.role() == Role.COUNTY_ADMIN)
			.map(org.bangfu.account.Grant::region)
			.toList();
	}

	public record NewCampaign(String name, String regionCode, List<NeedCategory> categories) {
	}

	@Transactional
	public long create(BangfuUser by, NewCampaign c) {
		if (!organiser(by)) {
			throw new NotPermittedException("campaign.organisers-only");
		}
		if (c == null) {
			throw new BadInputException("campaign.name", 2, 60);
		}
		String name = c.name() == null ? "" : c.name().strip();
		if (name.length() < 2 || name.length() > 60) {
			throw new BadInputException("campaign.name", 2, 60);
		}
		Region region = region(c.regionCode());
		if (!organises(by, region.code())) {
			throw new NotFoundException("region.not-found", region.code());
		}
		long id = campaigns.insert(name, region.code(), distinct(c.categories()), by.id(), clock.instant());
		log.record(by.id(), "campaign.create", "campaign:" + id, region.code(), name);
		return id;
	}

	private static List<NeedCategory> distinct(List<NeedCategory> categories) {
		return categories == null ? List.of() : categories.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}

	private Region region(String code) {
		if (code == null || code.isBlank()) {
			throw new BadInputException("campaign.region");
		}
		return regions.find(RegionCode.parse(code.strip())).orElseThrow(() -> new BadInputException("intent.region", code));
	}

	/** The campaign, if the user organises its region; else 404. */
	Campaign get(BangfuUser by, long id) {
		Campaign c = campaigns.find(id).orElseThrow(() -> new NotFoundException("campaign.not-found"));
		if (!organises(by, c.regionCode())) {
			throw new NotFoundException("campaign.not-found");
		}
		return c;
	}

	public List<Campaign> list(BangfuUser by) {
		List<Region> scopes = scopes(by);
		return scopes.isEmpty() ? List.of() : campaigns.under(Scope.anyOf(scopes));
	}

	public record DonorShape(String phone, Long budgetFen, List<NeedCategory> categories, List<String> regionCodes) {
	}

	/** Adds a registered donor to the campaign, or changes their budget and fit; the proposals are void. */
	@Transactional
	public long putDonor(BangfuUser by, long campaignId, DonorShape d) {
		Campaign c = get(by, campaignId);
		c.requirePlanning();
		if (d == null || d.phone() == null || d.phone().isBlank()) {
			throw new BadInputException("campaign.donor-phone");
		}
		BangfuUser donor = accounts.findByPhone(d.phone().strip()).filter(a -> a.has(Role.DONOR))
			.orElseThrow(() -> new BadInputException("campaign.donor-unknown", d.phone().strip()));
		if (d.budgetFen() == null || d.budgetFen() <= 0 || d.budgetFen() > MAX_BUDGET_FEN) {
			throw new BadInputException("campaign.budget");
		}
		List<String> prefixes = new ArrayList<>();
		Region campaignRegion = regions.get(RegionCode.parse(c.regionCode()));
		for (String code : d.regionCodes() == null ? List.<String>of() : d.regionCodes()) {
			Region r = region(code);
			if (!campaignRegion.contains(r.code()) && !r.contains(campaignRegion.code())) {
				throw new BadInputException("campaign.donor-region-outside", r.name());
			}
			prefixes.add(r.prefix());
		}
		campaigns.putDonor(campaignId, donor.id(), d.budgetFen(), distinct(d.categories()), prefixes);
		planChanged(c);
		log.record(by.id(), "campaign.donor", "campaign:" + campaignId, c.regionCode(), "donor:" + donor.id() + " budget " + d.budgetFen());
		return donor.id();
	}

	@Transactional
	public void removeDonor(BangfuUser by, long campaignId, long donorId) {
		Campaign c = get(by, campaignId);
		c.requirePlanning();
		if (!campaigns.removeDonor(campaignId, donorId)) {
			throw new NotFoundException("campaign.donor-not-found");
		}
		planChanged(c);
		log.record(by.id(), "campaign.donor-remove", "campaign:" + campaignId, c.regionCode(), "donor:" + donorId);
	}

	private void planChanged(Campaign c) {
		c.planChanged();
		campaigns.replaceProposals(c.id(), List.of());
		campaigns.save(c);
	}

	/**
	 * Proposes who fully funds which of the campaign's open needs ({@link ProposalRounds}), replacing
	 * earlier proposals, and records the outcome: the candidates, the LP bound and the rounding loss.
	 */
	@Transactional
	public Campaign allocate(BangfuUser by, long campaignId) {
		Campaign c = get(by, campaignId);
		c.requirePlanning();
		List<Campaigns.Donor> donors = campaigns.donors(campaignId);
		if (donors.isEmpty()) {
			throw new BadInputException("campaign.no-donors");
		}
		Instant now = clock.instant();
		Region region = regions.get(RegionCode.parse(c.regionCode()));
		ProposalRounds.Plan plan = rounds.propose(campaignId, campaigns.candidates(campaignId, Scope.of(region), c.categories(), now), donors);
		campaigns.replaceProposals(campaignId, plan.proposals());
		c.proposed(new Campaign.Outcome(plan.candidates(), plan.candidateValueFen(), plan.boundFen(), plan.lossFen(), now));
		campaigns.save(c);
		log.record(by.id(), "campaign.allocate", "campaign:" + campaignId, c.regionCode(),
				plan.proposals().size() + " invitations, " + plan.keptFen() + " fen of bound " + plan.boundFen());
		return c;
	}

	/** Leaves a proposed need out of what will be sent (all its donors' parts: a need is funded whole or not at all). */
	@Transactional
	public void drop(BangfuUser by, long campaignId, long needId) {
		Campaign c = get(by, campaignId);
		c.requirePlanning();
		if (!campaigns.drop(campaignId, needId)) {
			throw new NotFoundException("campaign.proposal-not-found");
		}
		log.record(by.id(), "campaign.drop", "campaign:" + campaignId, c.regionCode(), "need:" + needId);
	}

	/** Sends the kept proposals as invitations, answerable for {@code respondDays} days; tells each donor once. */
	@Transactional
	public void send(BangfuUser by, long campaignId, Integer respondDays) {
		Campaign c = get(by, campaignId);
		int days = respondDays == null ? 7 : respondDays;
		if (days < 1 || days > MAX_RESPOND_DAYS) {
			throw new BadInputException("campaign.respond-days", MAX_RESPOND_DAYS);
		}
		Instant now = clock.instant();
		List<Campaigns.Invitation> kept = campaigns.invitations(campaignId).stream()
			.filter(i -> i.state() == Campaigns.InvitationState.PROPOSED)
			.toList();
		c.send(now, now.plus(Duration.ofDays(days)));
		if (kept.isEmpty()) {
			throw new BadInputException("campaign.nothing-to-send");
		}
		campaigns.move(campaignId, Campaigns.InvitationState.PROPOSED, Campaigns.InvitationState.SENT);
		campaigns.save(c);
		Map<Long, long[]> byDonor = new LinkedHashMap<>();
		kept.forEach(i -> {
			long[] sum = byDonor.computeIfAbsent(i.donorId(), k -> new long[2]);
			sum[0]++;
			sum[1] += i.valueFen();
		});
		byDonor.forEach((donor, sum) -> notices.tell(donor, accounts.phoneOf(donor),
				Notices.Message.of("notice.campaign.invited", c.name(), String.valueOf(sum[0]), Money.yuan(sum[1]), String.valueOf(days)),
				"/campaigns/invitations"));
		log.record(by.id(), "campaign.send", "campaign:" + campaignId, c.regionCode(), kept.size() + " invitations");
	}

	/** The campaign as its organisers review it, if the user organises its region; else 404. */
	public CampaignReview review(BangfuUser by, long campaignId) {
		Campaign c = get(by, campaignId);
		List<Campaigns.Invitation> invitations = campaigns.invitations(campaignId);
		List<Campaigns.Donor> donors = campaigns.donors(campaignId);
		return CampaignReview.of(c, regions.get(RegionCode.parse(c.regionCode())).name(), donors, invitations);
	}
}
