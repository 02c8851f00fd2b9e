package org.bangfu.pledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.household.Households;
import org.bangfu.need.Needs;
import org.springframework.stereotype.Component;

/**
 * A donor's own pledges as "my pledges" lists them, with what the household said and the next
 * steps each allows. Here, not on the page: when a pledge may be shipped, cancelled or given
 * feedback is the pledge's rule.
 */
@Component
public class DonorPledges {

	private final Pledges pledges;

	private final Ratings ratings;

	private final Needs needs;

	private final Households households;

	DonorPledges(Pledges pledges, Ratings ratings, Needs needs, Households households) {
		this.pledges = pledges;
		this.ratings = ratings;
		this.needs = needs;
		this.households = households;
	}

	/** One of the donor's pledges; title, items and the household's words masked as the public reads them. */
	public record Row(long id, long needId, String title, int quantity, String items, PledgeState state, Instant createdAt,
			Instant deadline, Instant shippedAt, Instant receivedAt, String photoUrl, Integer stars,
			String thanks, String feedback, boolean shippable, boolean cancellable, boolean feedbackDue) {
	}

	/** A page of the donor's pledges, newest first. */
	public List<Row> mine(BangfuUser user, int page) {
		List<Row> rows = new ArrayList<>();
		Map<Long, Map<Long, Ratings.Shown>> thanksByNeed = new HashMap<>();
		for (Pledge p : pledges.ofDonor(user.id(), page)) {
			var need = needs.get(p.needId());
			List<String> names = names(need.householdId());
			Ratings.Shown shown = thanksByNeed.computeIfAbsent(p.needId(), n -> {
				Map<Long, Ratings.Shown> m = new HashMap<>();
				ratings.ofNeed(n).forEach(s -> m.put(s.pledgeId(), s));
				return m;
			}).get(p.id());
			boolean open = p.state() == PledgeState.COMMITTED || p.state() == PledgeState.IN_TRANSIT;
			rows.add(new Row(p.id(), p.needId(), PledgeTexts.mask(need.content().title(), names), p.quantity(),
					PledgeTexts.describe(p.items(), need.content().items(), names), p.state(), p.createdAt(), p.deadline(), p.shippedAt(), p.receivedAt(),
					ReceiptPhotoAccess.forParty(p), shown == null ? null : shown.stars(),
					shown == null ? null : shown.thanks(), shown == null ? null : shown.feedback(), p.state() == PledgeState.COMMITTED, open,
					p.state() == PledgeState.RECEIVED && (shown == null || shown.feedback() == null)));
		}
		return rows;
	}

	private List<String> names(Long householdId) {
		return householdId == null ? List.of() : households.memberNames(List.of(householdId)).getOrDefault(householdId, List.of());
	}
}
