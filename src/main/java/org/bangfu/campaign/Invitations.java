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
import org.bangfu.fund.Gift;
import org.bangfu.fund.Gifts;
import org.bangfu.fund.Giving;
import org.bangfu.fund.IfUnfunded;
import org.bangfu.fund.MoneyLines;
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
 * donor can then decline). Accepting twice answers the pledge the first acceptance made. An invitation
 * for a money line is accepted by a gift of its amount through the fund ({@link Giving}, under the
 * line's lock): the donor gets the gift's reference code to quote on the bank transfer.
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

	private final Giving giving;

	private final Gifts gifts;

	private final MoneyLines moneyLines;

	Invitations(Campaigns campaigns, Pledging pledging, NeedPledging needs, Households households, Regions regions, Accounts accounts,
			Notices notices, OperationLog log, Clock clock, Giving giving, Gifts gifts, MoneyLines moneyLines) {
		this.giving = giving;
		this.gifts = gifts;
		this.moneyLines = moneyLines;
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
			Campaigns.InvitationState state, Long pledgeId, Instant respondBy, boolean expired, boolean stillOpen, boolean money, Long giftId,
			String referenceCode) {

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
		Map<String, Long> moneyOpen = new HashMap<>(); // "need/position" → what no gift holds yet, for lines that have had gifts
		moneyLines.ofNeeds(invitations.stream().filter(Campaigns.Invitation::money).map(Campaigns.Invitation::needId).distinct().toList())
			.forEach(l -> moneyOpen.put(l.needId() + "/" + l.position(), l.openFen()));
		List<Shown> shown = new ArrayList<>();
		for (Campaigns.Invitation i : invitations) {
			Campaign c = campaignOf.computeIfAbsent(i.campaignId(), campaigns::get);
			NeedPledging.Open need = needOf.get(i.needId());
			List<String> names = need.householdId() == null ? List.of() : namesOf.getOrDefault(need.householdId(), List.of());
			boolean stillOpen = need.pledgeable() && (i.money()
					? moneyOpen.getOrDefault(i.needId() + "/" + i.moneyPosition(), need.items().get(i.moneyPosition()).valueFen()) >= i.valueFen()
					: i.byPosition().entrySet().stream().allMatch(e -> need.items().get(e.getKey()).remainingQuantity() >= e.getValue()));
			String items = i.money() ? PledgeTexts.mask(need.items().get(i.moneyPosition()).name(), names)
					: PledgeTexts.describe(i.byPosition(), need.items(), names);
			Gift gift = i.giftId() == null ? null : gifts.get(i.giftId());
			String village = villageOf.computeIfAbsent(need.regionCode(),
					code -> regions.find(RegionCode.parse(code)).map(r -> r.name()).orElse(""));
			shown.add(new Shown(i.id(), c.name(), i.needId(), PublicText.mask(need.title(), names), village,
					items, i.valueFen(), i.state(), i.pledgeId(), c.respondBy(), c.respondBy() != null && now.isAfter(c.respondBy()), stillOpen,
					i.money(), i.giftId(), gift == null ? null : gift.referenceCode()));
		}
		return shown;
	}

	/**
	 * The pledge the acceptance made, or for a money line the gift with its reference code, and whether this request
	 * made it.
	 */
	public record Accepted(Long pledgeId, Long giftId, String referenceCode, boolean created) {
	}

	/** What a donor says when giving money: what happens if the need ends unfunded, and whether to appear as 爱心人士. */
	public record MoneyChoice(IfUnfunded ifUnfunded, Boolean anonymous) {
	}

	@Transactional
	public Accepted accept(BangfuUser donor, long invitationId) {
		return accept(donor, invitationId, null);
	}

	/** Accepts: a pledge of the invited units, or for a money line a gift of the invited amount ({@code choice} required then). */
	@Transactional
	public Accepted accept(BangfuUser donor, long invitationId, MoneyChoice choice) {
		DonorTools.refuseHousehold(donor);
		Campaigns.Invitation i = mine(donor, invitationId);
		if (i.state() == Campaigns.InvitationState.ACCEPTED) {
			return i.money() ? new Accepted(null, i.giftId(), gifts.get(i.giftId()).referenceCode(), false)
					: new Accepted(i.pledgeId(), null, null, false);
		}
		Campaign c = answerable(i);
		if (i.money()) {
			return acceptMoney(donor, i, c, choice);
		}
		NeedPledging.Open need = needs.get(i.needId());
		long pledge = pledging.pledge(donor, i.needId(),
				Pledging.Request.of(i.byPosition(), donor.inScope(need.regionCode()) ? true : null, "帮扶活动：" + c.name()),
				"campaign-invitation-" + invitationId).pledgeId();
		Instant now = clock.instant();
		campaigns.answer(invitationId, Campaigns.InvitationState.ACCEPTED, pledge, null, null, now);
		log.record(donor.id(), "campaign.accept", "invitation:" + invitationId, i.regionCode(), "pledge:" + pledge);
		tellOrganiser(c, i);
		return new Accepted(pledge, null, null, true);
	}

	/**
	 * A gift of the invited amount to the money line through the fund; if other gifts took the line meanwhile, the fund
	 * refuses it (409, what is still open) and nothing changes.
	 */
	private Accepted acceptMoney(BangfuUser donor, Campaigns.Invitation i, Campaign c, MoneyChoice choice) {
		if (choice == null || choice.ifUnfunded() == null) {
			throw new BadInputException("fund.gift.if-unfunded-required");
		}
		Giving.Request request = new Giving.Request(i.moneyPosition(), i.valueFen(), choice.ifUnfunded(), Boolean.TRUE.equals(choice.anonymous()));
		Gift gift = giving.give(donor, i.needId(), request, "campaign-invitation-" + i.id()).gift();
		campaigns.answer(i.id(), Campaigns.InvitationState.ACCEPTED, null, gift.id(), null, clock.instant());
		log.record(donor.id(), "campaign.accept", "invitation:" + i.id(), i.regionCode(), "成为第 " + gift.id() + " 号捐款（参考码 " + gift.referenceCode() + "）");
		tellOrganiser(c, i);
		return new Accepted(null, gift.id(), gift.referenceCode(), true);
	}

	private void tellOrganiser(Campaign c, Campaigns.Invitation i) {
		notices.tell(c.createdBy(), accounts.phoneOf(c.createdBy()),
				Notices.Message.of("notice.campaign.accepted", c.name(), String.valueOf(i.needId())),
				"/campaigns/" + c.id());
	}

	@Transactional
	public void decline(BangfuUser donor, long invitationId, String reason) {
		DonorTools.refuseHousehold(donor);
		if (reason != null && reason.length() > 200) {
			throw new BadInputException("pledge.note-too-long", 200);
		}
		Campaigns.Invitation i = mine(donor, invitationId);
		Campaign c = answerable(i);
		campaigns.answer(invitationId, Campaigns.InvitationState.DECLINED, null, null, reason == null || reason.isBlank() ? null : reason.strip(),
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
