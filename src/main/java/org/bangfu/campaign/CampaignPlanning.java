package org.bangfu.campaign;

import org.bangfu.shared.NotPermittedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.campaign.allocation.CampaignAllocator;
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

	/** Allocation rounds at most (see {@link #allocate}). */
	static final int ROUNDS = 5;

	private final Campaigns campaigns;

	private final Regions regions;

	private final Accounts accounts;

	private final Notices notices;

	private final OperationLog log;

	private final Clock clock;

	private final CampaignAllocator allocator = new CampaignAllocator();

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

	static boolean organiser(BangfuUser user) {
		return user != null && (user.has(Role.CITY_ADMIN) || user.has(Role.COUNTY_ADMIN));
	}

	/** The regions a user may organise in: their city and county grants' regions. */
	static List<Region> scopes(BangfuUser user) {
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

	List<Campaign> list(BangfuUser by) {
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
	void removeDonor(BangfuUser by, long campaignId, long donorId) {
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
	 * Proposes who fully funds which of the campaign's open needs (see {@link CampaignAllocator}),
	 * replacing earlier proposals. A need the allocator splits between donors is cut into whole
	 * units ({@link ProposalUnits}); where that would put a donor over its budget, the split need is
	 * left out of that round, and the allocator runs again on what is left (at most {@link #ROUNDS}
	 * rounds). What the first round's plan had and the kept proposals lack is the rounding loss.
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
		Map<Long, Campaigns.Candidate> candidates = new LinkedHashMap<>();
		List<CampaignAllocator.NeedInput> needs = new ArrayList<>();
		long candidateValue = 0;
		for (Campaigns.Candidate n : campaigns.candidates(campaignId, Scope.of(region), c.categories(), now)) {
			long value = ProposalUnits.remainingValue(n.lines());
			if (value > 0) { // a need of no stated value cannot be weighed against budgets
				candidates.put(n.needId(), n);
				needs.add(new CampaignAllocator.NeedInput(n.needId(), n.category().name(), n.regionCode(), value));
				candidateValue += value;
			}
		}
		Map<Long, Long> left = new HashMap<>();
		donors.forEach(d -> left.put(d.donorId(), d.budgetFen()));
		List<Campaigns.Invitation> proposals = new ArrayList<>();
		long kept = 0;
		long bound = 0;
		long firstPlan = 0;
		// Each round: the allocator on what is still open and the budgets still left, then the cut into units, keeping
		// what fits the budgets. A split need dropped for its units often fits whole in a later round, or makes room
		// for others; rounds stop when one keeps nothing new.
		for (int round = 0; round < ROUNDS && !needs.isEmpty(); round++) {
			List<CampaignAllocator.DonorInput> donorInputs = new ArrayList<>();
			for (Campaigns.Donor d : donors) {
				if (left.get(d.donorId()) > 0) {
					Set<String> categories = new HashSet<>();
					d.categories().forEach(cat -> categories.add(cat.name()));
					donorInputs.add(new CampaignAllocator.DonorInput(d.donorId(), left.get(d.donorId()), categories, Set.copyOf(d.regionPrefixes())));
				}
			}
			if (donorInputs.isEmpty()) {
				break;
			}
			CampaignAllocator.Allocation allocation = allocator.allocate(needs, donorInputs);
			if (round == 0) {
				bound = allocation.fractionalBoundFen();
				firstPlan = allocation.fundedValueFen();
			}
			Map<Long, List<ProposalUnits.Part>> parts = fitting(allocation, candidates, left);
			if (parts.isEmpty()) {
				break;
			}
			for (Map.Entry<Long, List<ProposalUnits.Part>> e : parts.entrySet()) {
				Campaigns.Candidate need = candidates.get(e.getKey());
				kept += ProposalUnits.remainingValue(need.lines());
				for (ProposalUnits.Part part : e.getValue()) {
					left.merge(part.donorId(), -part.valueFen(), Long::sum);
					proposals.add(new Campaigns.Invitation(0, campaignId, need.needId(), part.donorId(), need.regionCode(), part.byPosition(),
							part.valueFen(), Campaigns.InvitationState.PROPOSED, null, null, null));
				}
			}
			needs = needs.stream().filter(n -> !parts.containsKey(n.id())).toList();
		}
		campaigns.replaceProposals(campaignId, proposals);
		c.proposed(new Campaign.Outcome(candidates.size(), candidateValue, bound, Math.max(0, firstPlan - kept), now));
		campaigns.save(c);
		log.record(by.id(), "campaign.allocate", "campaign:" + campaignId, c.regionCode(),
				proposals.size() + " invitations, " + kept + " fen of bound " + bound);
		return c;
	}

	/**
	 * The allocation cut into units (see {@link ProposalUnits}). Cutting can move up to half a unit onto a
	 * donor, so split needs are left out, smallest first, until every donor's part fits what it has left.
	 */
	private static Map<Long, List<ProposalUnits.Part>> fitting(CampaignAllocator.Allocation allocation,
			Map<Long, Campaigns.Candidate> candidates, Map<Long, Long> left) {
		Map<Long, List<ProposalUnits.Part>> parts = new LinkedHashMap<>();
		Map<Long, Long> spent = new HashMap<>();
		Map<Long, List<Long>> splitOf = new java.util.TreeMap<>(); // donors in id order: the same input gives the same proposals
		for (CampaignAllocator.Proposal p : allocation.proposals()) {
			List<ProposalUnits.Part> split = ProposalUnits.split(candidates.get(p.needId()).lines(), p.fundings());
			parts.put(p.needId(), split);
			for (ProposalUnits.Part part : split) {
				spent.merge(part.donorId(), part.valueFen(), Long::sum);
				if (split.size() > 1) {
					splitOf.computeIfAbsent(part.donorId(), k -> new ArrayList<>()).add(p.needId());
				}
			}
		}
		// first move boundary units from donors over what they have left to a neighbour in the same need with room for them
		for (Map.Entry<Long, List<Long>> e : splitOf.entrySet()) {
			long donor = e.getKey();
			for (long needId : e.getValue()) {
				List<ProposalUnits.Line> lines = candidates.get(needId).lines();
				boolean moved = true;
				while (moved && spent.get(donor) > left.get(donor)) {
					moved = false;
					List<ProposalUnits.Part> now = parts.get(needId);
					int from = indexOf(now, donor);
					for (int to : new int[] { from + 1, from - 1 }) {
						if (to < 0 || to >= now.size()) {
							continue;
						}
						var shifted = ProposalUnits.shift(lines, now, from, to);
						if (shifted.isEmpty()) {
							continue;
						}
						long taker = now.get(to).donorId();
						long more = shifted.get().get(to).valueFen() - now.get(to).valueFen();
						if (spent.get(taker) + more <= left.get(taker)) {
							spent.merge(donor, shifted.get().get(from).valueFen() - now.get(from).valueFen(), Long::sum);
							spent.merge(taker, more, Long::sum);
							parts.put(needId, shifted.get());
							moved = true;
							break;
						}
					}
				}
			}
		}
		splitOf.forEach((donor, needIds) -> {
			needIds.sort(Comparator.comparingLong(id -> ProposalUnits.remainingValue(candidates.get(id).lines())));
			for (long needId : needIds) {
				if (spent.get(donor) <= left.get(donor)) {
					break;
				}
				List<ProposalUnits.Part> removed = parts.remove(needId);
				if (removed != null) {
					removed.forEach(part -> spent.merge(part.donorId(), -part.valueFen(), Long::sum));
				}
			}
		});
		return parts;
	}

	private static int indexOf(List<ProposalUnits.Part> parts, long donorId) {
		for (int i = 0; i < parts.size(); i++) {
			if (parts.get(i).donorId() == donorId) {
				return i;
			}
		}
		throw new IllegalStateException("donor " + donorId + " has no part");
	}

	/** Leaves a proposed need out of what will be sent (all its donors' parts: a need is funded whole or not at all). */
	@Transactional
	void drop(BangfuUser by, long campaignId, long needId) {
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

	/** A campaign as its organisers review it. */
	record Review(Campaign campaign, String regionName, List<DonorLine> donors, List<Campaigns.Invitation> invitations, long proposedValueFen,
			int proposedNeeds, Map<Campaigns.InvitationState, long[]> byState) {

		/** The share of the LP bound the kept proposals reach (1.0 when the bound is 0). */
		public double ofBound() {
			long bound = campaign.outcome() == null ? 0 : campaign.outcome().fractionalBoundFen();
			return bound == 0 ? 1.0 : proposedValueFen / (double) bound;
		}
	}

	/** A donor with what the kept proposals (or, once sent, the invitations) ask of them. */
	record DonorLine(Campaigns.Donor donor, long askedFen, int needs) {
	}

	Review review(BangfuUser by, long campaignId) {
		Campaign c = get(by, campaignId);
		List<Campaigns.Invitation> invitations = campaigns.invitations(campaignId);
		Map<Long, long[]> asked = new HashMap<>();
		Map<Campaigns.InvitationState, long[]> byState = new LinkedHashMap<>();
		Set<Long> proposedNeeds = new HashSet<>();
		long proposedValue = 0;
		for (Campaigns.Invitation i : invitations) {
			long[] s = byState.computeIfAbsent(i.state(), k -> new long[2]);
			s[0]++;
			s[1] += i.valueFen();
			if (i.state() != Campaigns.InvitationState.DROPPED) {
				long[] a = asked.computeIfAbsent(i.donorId(), k -> new long[2]);
				a[0]++;
				a[1] += i.valueFen();
				proposedNeeds.add(i.needId());
				proposedValue += i.valueFen();
			}
		}
		List<DonorLine> donors = campaigns.donors(campaignId).stream()
			.map(d -> {
				long[] a = asked.getOrDefault(d.donorId(), new long[2]);
				return new DonorLine(d, a[1], (int) a[0]);
			})
			.toList();
		return new Review(c, regions.get(RegionCode.parse(c.regionCode())).name(), donors, invitations, proposedValue, proposedNeeds.size(),
				byState);
	}
}
