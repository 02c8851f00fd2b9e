package org.bangfu.campaign;

import org.bangfu.pledge.Pledging;
import org.bangfu.pledge.PledgeTexts;
import org.bangfu.pledge.DonorTools;
import org.bangfu.shared.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.household.Households;
import org.bangfu.need.NeedPledging;
import org.bangfu.need.PublicText;
import org.bangfu.notify.Notices;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A donor's answers to campaign invitations. Accepting makes an ordinary pledge of the invited
 * quantities, through {@link Pledging} and so under the need's row lock: if someone else pledged the
 * same items meanwhile, the acceptance is refused with a clear message and nothing changes (the
 * donor can then decline). Accepting twice answers the pledge the first acceptance made.
 */
@Component
public class Invitations {

	private final Campaigns campaigns;

	private final Pledging pledging;

	private final NeedPledging needs;

	private final Households households;

	private final Regions regions;

	private final Accounts accounts;

	private final Notices notices;

	private final OperationLog log;

	private final Clock clock;

	Invitations(Campaigns campaigns, Pledging pledging, NeedPledging needs, Households households, Regions regions, Accounts accounts,
			Notices notices, OperationLog log, Clock clock) {
		this.campaigns = campaigns;
		this.pledging = pledging;
		this.needs = needs;
		this.households = households;
		this.regions = regions;
		this.accounts = accounts;
		this.notices = notices;
		this.log = log;
		this.clock = clock;
	}

	/** An invitation as its donor sees it: the need's public title, the village, the items, whether it can still be accepted. */
	public record Shown(long id, String campaign, long needId, String needTitle, String village, String items, long valueFen,
			Campaigns.InvitationState state, Long pledgeId, Instant respondBy, boolean expired, boolean stillOpen) {

		public boolean answerable() {
			return state == Campaigns.InvitationState.SENT && !expired;
		}
	}

	/** A donor's invitations, newest first; their needs, households' names and villages are read once for the whole list. */
	public List<Shown> of(BangfuUser donor) {
		DonorTools.refuseHousehold(donor);
		Instant now = clock.instant();
		List<Campaigns.Invitation> invitations = campaigns.invitationsOf(donor.id());
		Map<Long, NeedPledging.Open> needOf = needs.getAll(invitations.stream().map(Campaigns.Invitation::needId).distinct().toList());
		Map<Long, List<String>> namesOf = households.memberNames(
				needOf.values().stream().map(NeedPledging.Open::householdId).filter(java.util.Objects::nonNull).distinct().toList());
		Map<Long, Campaign> campaignOf = new HashMap<>();
		Map<String, String> villageOf = new HashMap<>();
		List<Shown> shown = new ArrayList<>();
		for (Campaigns.Invitation i : invitations) {
			Campaign c = campaignOf.computeIfAbsent(i.campaignId(), campaigns::get);
			NeedPledging.Open need = needOf.get(i.needId());
			List<String> names = need.householdId() == null ? List.of() : namesOf.getOrDefault(need.householdId(), List.of());
			boolean stillOpen = need.pledgeable()
					&& i.byPosition().entrySet().stream().allMatch(e -> need.items().get(e.getKey()).remainingQuantity() >= e.getValue());
			String village = villageOf.computeIfAbsent(need.regionCode(),
					code -> regions.find(RegionCode.parse(code)).map(r -> r.name()).orElse(""));
			shown.add(new Shown(i.id(), c.name(), i.needId(), PublicText.mask(need.title(), names), village,
					PledgeTexts.describe(i.byPosition(), need.items(), names), i.valueFen(), i.state(), i.pledgeId(), c.respondBy(),
					c.respondBy() != null && now.isAfter(c.respondBy()), stillOpen));
		}
		return shown;
	}

	/** The pledge the acceptance made, and whether this request made it. */
	public record Accepted(long pledgeId, boolean created) {
	}

	@Transactional
	public Accepted accept(BangfuUser donor, long invitationId) {
		DonorTools.refuseHousehold(donor);
		Campaigns.Invitation i = mine(donor, invitationId);
		if (i.state() == Campaigns.InvitationState.ACCEPTED) {
			return new Accepted(i.pledgeId(), false);
		}
		Campaign c = answerable(i);
		NeedPledging.Open need = needs.get(i.needId());
		long pledge = pledging.pledge(donor, i.needId(),
				Pledging.Request.of(i.byPosition(), donor.inScope(need.regionCode()) ? true : null, "帮扶活动：" + c.name()),
				"campaign-invitation-" + invitationId).pledgeId();
		Instant now = clock.instant();
		campaigns.answer(invitationId, Campaigns.InvitationState.ACCEPTED, pledge, null, now);
		log.record(donor.id(), "campaign.accept", "invitation:" + invitationId, i.regionCode(), "pledge:" + pledge);
		notices.tell(c.createdBy(), accounts.phoneOf(c.createdBy()),
				Notices.Message.of("notice.campaign.accepted", c.name(), String.valueOf(i.needId())),
				"/campaigns/" + c.id());
		return new Accepted(pledge, true);
	}

	@Transactional
	public void decline(BangfuUser donor, long invitationId, String reason) {
		DonorTools.refuseHousehold(donor);
		if (reason != null && reason.length() > 200) {
			throw new BadInputException("pledge.note-too-long", 200);
		}
		Campaigns.Invitation i = mine(donor, invitationId);
		Campaign c = answerable(i);
		campaigns.answer(invitationId, Campaigns.InvitationState.DECLINED, null, reason == null || reason.isBlank() ? null : reason.strip(),
				clock.instant());
		log.record(donor.id(), "campaign.decline", "invitation:" + invitationId, i.regionCode(), reason);
		notices.tell(c.createdBy(), accounts.phoneOf(c.createdBy()),
				Notices.Message.of("notice.campaign.declined", c.name(), String.valueOf(i.needId())), "/campaigns/" + c.id());
	}

	/** The invitation, locked; someone else's is 404 (don't confirm it exists). */
	private Campaigns.Invitation mine(BangfuUser donor, long invitationId) {
		Campaigns.Invitation i = campaigns.lock(invitationId);
		if (i.donorId() != donor.id() || i.state() == Campaigns.InvitationState.PROPOSED || i.state() == Campaigns.InvitationState.DROPPED) {
			throw new NotFoundException("campaign.invitation-not-found");
		}
		return i;
	}

	private Campaign answerable(Campaigns.Invitation i) {
		if (i.state() != Campaigns.InvitationState.SENT) {
			throw new ConflictException("campaign.invitation-answered");
		}
		Campaign c = campaigns.get(i.campaignId());
		if (c.respondBy() != null && clock.instant().isAfter(c.respondBy())) {
			throw new ConflictException("campaign.invitation-expired");
		}
		return c;
	}
}
