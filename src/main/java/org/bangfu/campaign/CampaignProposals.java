package org.bangfu.campaign;

import org.bangfu.pledge.PledgeTexts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.household.Households;
import org.bangfu.need.NeedPledging;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * A campaign's proposal as its review page shows it: each proposed need with its village and who is
 * asked for which part, the dropped needs apart, and the donors' areas by name. The needs and their
 * households' member names are loaded together for the rows shown.
 */
@Component
public class CampaignProposals {

	/** A review page lists at most this many proposed needs (and as many dropped ones); the API has them all. */
	public static final int SHOWN = 300;

	private final CampaignPlanning planning;

	private final NeedPledging needs;

	private final Households households;

	private final Regions regions;

	CampaignProposals(CampaignPlanning planning, NeedPledging needs, Households households, Regions regions) {
		this.planning = planning;
		this.needs = needs;
		this.households = households;
		this.regions = regions;
	}

	/** A proposed need on the review page: what it is and who is asked for which part. */
	public record Row(long needId, String title, String village, long valueFen, List<Part> parts) {
	}

	public record Part(String donor, String items, long valueFen, Campaigns.InvitationState state) {
	}

	/** {@code needCount}: all the needs with invitations, shown or not. */
	public record Proposal(CampaignReview review, List<Row> rows, List<Row> dropped, int needCount, Map<String, String> areaNames) {
	}

	public Proposal of(BangfuUser user, long id) {
		CampaignReview review = planning.review(user, id);
		Map<Long, String> donorNames = new HashMap<>();
		review.donors().forEach(d -> donorNames.put(d.donor().donorId(), d.donor().name()));
		Map<Long, List<Campaigns.Invitation>> byNeed = new LinkedHashMap<>();
		review.invitations().forEach(i -> byNeed.computeIfAbsent(i.needId(), k -> new ArrayList<>()).add(i));
		List<Row> rows = new ArrayList<>();
		List<Row> dropped = new ArrayList<>();
		Map<String, String> villages = new HashMap<>();
		// the needs shown (the first SHOWN kept and the first SHOWN left out), loaded together
		List<Long> shownIds = new ArrayList<>();
		int[] counts = new int[2];
		byNeed.forEach((needId, list) -> {
			int k = list.stream().allMatch(i -> i.state() == Campaigns.InvitationState.DROPPED) ? 1 : 0;
			if (counts[k]++ < SHOWN) {
				shownIds.add(needId);
			}
		});
		Map<Long, NeedPledging.Open> shownNeeds = needs.getAll(shownIds);
		Map<Long, List<String>> memberNames = households.memberNames(
				shownNeeds.values().stream().map(NeedPledging.Open::householdId).filter(java.util.Objects::nonNull).distinct().toList());
		for (Map.Entry<Long, List<Campaigns.Invitation>> e : byNeed.entrySet()) {
			NeedPledging.Open need = shownNeeds.get(e.getKey());
			if (need == null) {
				continue;
			}
			boolean isDropped = e.getValue().stream().allMatch(i -> i.state() == Campaigns.InvitationState.DROPPED);
			List<Row> into = isDropped ? dropped : rows;
			List<String> names = need.householdId() == null ? List.of() : memberNames.getOrDefault(need.householdId(), List.of());
			List<Part> parts = e.getValue().stream()
				.map(i -> new Part(donorNames.getOrDefault(i.donorId(), "#" + i.donorId()),
						// a money line's part is its amount (shown beside it), given through the fund
						i.money() ? PledgeTexts.mask(need.items().get(i.moneyPosition()).name(), names)
								: PledgeTexts.describe(i.byPosition(), need.items(), names),
						i.valueFen(), i.state()))
				.toList();
			String village = villages.computeIfAbsent(need.regionCode(), code -> regions.find(RegionCode.parse(code)).map(Region::name).orElse(code));
			into.add(new Row(need.id(), need.title(), village, e.getValue().stream().mapToLong(Campaigns.Invitation::valueFen).sum(), parts));
		}
		Map<String, String> areaNames = new HashMap<>();
		review.donors().forEach(d -> d.donor().regionPrefixes().forEach(p -> areaNames.computeIfAbsent(p, this::nameOfPrefix)));
		return new Proposal(review, rows, dropped, byNeed.size(), areaNames);
	}

	/** A region's name from its code prefix (4304 → 衡阳市: a city's prefix is its code without the trailing zeros). */
	private String nameOfPrefix(String prefix) {
		String code = prefix.length() < 6 ? (prefix + "000000").substring(0, 6) : prefix;
		return regions.find(RegionCode.parse(code)).map(Region::name).orElse(prefix);
	}
}
