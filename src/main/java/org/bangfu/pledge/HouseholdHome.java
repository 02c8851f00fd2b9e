package org.bangfu.pledge;

import org.bangfu.shared.NotPermittedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.need.Need;
import org.bangfu.need.NeedState;
import org.bangfu.need.Needs;
import org.springframework.stereotype.Component;

/**
 * What a household's own account sees at home: what is on its way to it and from whom, what arrived
 * and still waits for a thank-you, and every need of the household (posted by itself or by its
 * officer on its behalf) with its pledges. Donors are named as the public sees them on the need's page.
 */
@Component
public class HouseholdHome {

	private final Households households;

	private final Needs needs;

	private final Pledges pledges;

	private final Ratings ratings;

	private final Accounts accounts;

	HouseholdHome(Households households, Needs needs, Pledges pledges, Ratings ratings, Accounts accounts) {
		this.households = households;
		this.needs = needs;
		this.pledges = pledges;
		this.ratings = ratings;
		this.accounts = accounts;
	}

	/** Help on its way: what, from whom, since when, by when it should arrive. */
	record Coming(long pledgeId, long needId, String needTitle, String items, String donor, PledgeState state, Instant deadline) {
	}

	/** Help that arrived and has not been thanked yet. */
	record ToThank(long pledgeId, long needId, String items, String donor, Instant receivedAt) {
	}

	/** A pledge as a line under its need. */
	record Help(long pledgeId, String items, String donor, PledgeState state, Integer stars) {
	}

	/** A need of the household with its pledges. */
	record NeedCard(long id, String title, NeedState state, String rejectReason, int totalQuantity, int pledgedQuantity, List<Help> help) {
	}

	public record View(String headName, String village, List<Coming> coming, List<ToThank> toThank, List<NeedCard> needs) {
	}

	public View of(BangfuUser user) {
		if (!user.has(org.bangfu.account.Role.HOUSEHOLD)) {
			throw new NotPermittedException("household-home.not-household");
		}
		Household household = households.ofAccount(user.id())
			.orElseThrow(() -> new NotPermittedException("need.household-not-linked"));
		List<Need> own = needs.ofHousehold(household.id());
		Map<Long, Need> byId = new HashMap<>();
		own.forEach(n -> byId.put(n.id(), n));
		List<Pledge> all = own.isEmpty() ? List.of() : pledges.ofNeeds(own.stream().map(Need::id).toList());
		Set<Long> rated = new HashSet<>();
		Map<Long, Integer> stars = new HashMap<>();
		all.stream().filter(p -> p.state() == PledgeState.RECEIVED).map(Pledge::needId).distinct()
			.forEach(needId -> ratings.ofNeed(needId).stream().filter(s -> s.stars() != null).forEach(s -> {
				rated.add(s.pledgeId());
				stars.put(s.pledgeId(), s.stars());
			}));
		Map<Long, String> donors = new HashMap<>();
		List<Coming> coming = new ArrayList<>();
		List<ToThank> toThank = new ArrayList<>();
		Map<Long, List<Help>> help = new HashMap<>();
		for (Pledge p : all) {
			Need need = byId.get(p.needId());
			String items = PledgeTexts.describe(p.items(), need.content().items(), List.of());
			String donor = donors.computeIfAbsent(p.donorId(), id -> accounts.findById(id).map(DonorNames::shown).orElse(""));
			if (p.state() == PledgeState.COMMITTED || p.state() == PledgeState.IN_TRANSIT) {
				coming.add(new Coming(p.id(), need.id(), need.content().title(), items, donor, p.state(), p.deadlineShown()));
			}
			else if (p.state() == PledgeState.RECEIVED && !rated.contains(p.id())) {
				toThank.add(new ToThank(p.id(), need.id(), items, donor, p.receivedAt()));
			}
			if (p.state().active()) {
				help.computeIfAbsent(need.id(), k -> new ArrayList<>()).add(new Help(p.id(), items, donor, p.state(), stars.get(p.id())));
			}
		}
		coming.sort(java.util.Comparator.comparing(Coming::deadline, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
		List<NeedCard> cards = own.stream()
			.map(n -> new NeedCard(n.id(), n.content().title(), n.state(), n.rejectReason(), n.totalQuantity(), n.pledgedQuantity(),
					help.getOrDefault(n.id(), List.of())))
			.toList();
		return new View(household.headName(), household.regionName(), coming, toThank, cards);
	}
}
