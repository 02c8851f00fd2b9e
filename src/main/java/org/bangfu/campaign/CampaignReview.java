package org.bangfu.campaign;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A campaign as its organisers review it: its donors with what is asked of them, its invitations, and their totals. */
public record CampaignReview(Campaign campaign, String regionName, List<CampaignReview.DonorLine> donors, List<Campaigns.Invitation> invitations,
		long proposedValueFen, int proposedNeeds, Map<Campaigns.InvitationState, long[]> byState) {

	/** The share of the LP bound the kept proposals reach (1.0 when the bound is 0). */
	public double ofBound() {
		long bound = campaign.outcome() == null ? 0 : campaign.outcome().fractionalBoundFen();
		return bound == 0 ? 1.0 : proposedValueFen / (double) bound;
	}

	/** A donor with what the kept proposals (or, once sent, the invitations) ask of them. */
	public record DonorLine(Campaigns.Donor donor, long askedFen, int needs) {
	}

	/** Totals the invitations by state, and (all but the dropped ones) by donor and need. */
	static CampaignReview of(Campaign c, String regionName, List<Campaigns.Donor> campaignDonors, List<Campaigns.Invitation> invitations) {
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
		List<DonorLine> donors = campaignDonors.stream()
			.map(d -> {
				long[] a = asked.getOrDefault(d.donorId(), new long[2]);
				return new DonorLine(d, a[1], (int) a[0]);
			})
			.toList();
		return new CampaignReview(c, regionName, donors, invitations, proposedValue, proposedNeeds.size(), byState);
	}
}
