package org.bangfu.pledge;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.need.NeedNotices;
import org.bangfu.need.NeedPledging;
import org.bangfu.notify.Notices;
import org.bangfu.shared.events.PledgeCancelled;
import org.bangfu.shared.events.PledgeLapsed;
import org.bangfu.shared.events.PledgeMade;
import org.bangfu.shared.events.PledgeReceived;
import org.bangfu.shared.events.PledgeShipped;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What each step of a pledge tells whom: the donor, the need's poster (the officer keeps getting its
 * notices) and the household itself when it has an account, in short plain words, the donor's name
 * masked as the public sees it on the need's page. Listens to the pledge events after their step
 * commits, on another thread and in its own transaction ({@link ApplicationModuleListener}); Spring
 * Modulith's event publication registry keeps the event until the listener succeeds, so a notice is
 * not lost when writing it fails or the server stops in between. Not in the request's thread: a
 * listener there would hold the step's connection while asking the pool for a second one, and a burst
 * of pledges would starve the pool.
 */
@Component
class PledgeNotices {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private final Pledges pledges;

	private final NeedPledging needs;

	private final NeedNotices needNotices;

	private final Accounts accounts;

	private final Notices notices;

	PledgeNotices(Pledges pledges, NeedPledging needs, NeedNotices needNotices, Accounts accounts, Notices notices) {
		this.pledges = pledges;
		this.needs = needs;
		this.needNotices = needNotices;
		this.accounts = accounts;
		this.notices = notices;
	}

	@ApplicationModuleListener
	void on(PledgeMade e) {
		pledged(pledges.get(e.pledgeId()), needs.get(e.needId()));
	}

	@ApplicationModuleListener
	void on(PledgeShipped e) {
		shipped(pledges.get(e.pledgeId()), needs.get(e.needId()));
	}

	@ApplicationModuleListener
	void on(PledgeReceived e) {
		received(pledges.get(e.pledgeId()), needs.get(e.needId()), e.by());
	}

	@ApplicationModuleListener
	void on(PledgeCancelled e) {
		Pledge p = pledges.get(e.pledgeId());
		if (p.donorId() != e.by()) {
			return; // not the donor's cancelling: FalseNeedPledges tells the donor why
		}
		cancelled(pledges.get(e.pledgeId()), needs.get(e.needId()));
	}

	@ApplicationModuleListener
	void on(PledgeLapsed e) {
		lapsed(pledges.get(e.pledgeId()), needs.get(e.needId()));
	}

	private void pledged(Pledge p, NeedPledging.Open need) {
		tellNeed(p, need, Notices.Message.of("notice.pledge.made", String.valueOf(need.id()), String.valueOf(p.quantity())),
				Notices.Message.of("notice.pledge.made.household", donor(p), need.title(), items(p, need), month(p.deadline()),
						day(p.deadline())),
				p.donorId());
	}

	private void shipped(Pledge p, NeedPledging.Open need) {
		tellNeed(p, need, Notices.Message.of("notice.pledge.shipped", String.valueOf(need.id()), String.valueOf(p.id())),
				Notices.Message.of("notice.pledge.shipped.household", donor(p), items(p, need)), p.donorId());
	}

	private void received(Pledge p, NeedPledging.Open need, long by) {
		tellAccount(p.donorId(), Notices.Message.of("notice.pledge.received.donor", String.valueOf(p.id())), link(need));
		tellNeed(p, need, Notices.Message.of("notice.pledge.received", String.valueOf(need.id()), String.valueOf(p.id())),
				Notices.Message.of("notice.pledge.received.household", donor(p), items(p, need)), by);
	}

	private void cancelled(Pledge p, NeedPledging.Open need) {
		tellNeed(p, need, Notices.Message.of("notice.pledge.cancelled", String.valueOf(need.id()), String.valueOf(p.id())),
				Notices.Message.of("notice.pledge.cancelled.household", donor(p), need.title()), p.donorId());
	}

	private void lapsed(Pledge p, NeedPledging.Open need) {
		tellAccount(p.donorId(), Notices.Message.of("notice.pledge.lapsed.donor", String.valueOf(p.id())), link(need));
		tellNeed(p, need, Notices.Message.of("notice.pledge.lapsed", String.valueOf(need.id()), String.valueOf(p.id())),
				Notices.Message.of("notice.pledge.lapsed.household", donor(p), items(p, need)), null);
	}

	/** The deadline is near: the donor is asked to deliver, the household and the officer to confirm what has arrived. */
	void dueSoon(Pledge p, NeedPledging.Open need) {
		String month = month(p.deadline());
		String day = day(p.deadline());
		tellAccount(p.donorId(), Notices.Message.of("notice.pledge.due-soon.donor", String.valueOf(p.id()), month, day), link(need));
		tellNeed(p, need, Notices.Message.of("notice.pledge.due-soon", String.valueOf(need.id()), String.valueOf(p.id()), month, day),
				Notices.Message.of("notice.pledge.due-soon.household", donor(p), items(p, need), month, day), null);
	}

	/** The poster's notice links to the pledge's own page, where the delivery is arranged; the household's to its home. */
	private void tellNeed(Pledge p, NeedPledging.Open need, Notices.Message toPoster, Notices.Message toHousehold, Long actor) {
		needNotices.tell(need.posterId(), need.householdId(), toPoster, toHousehold, "/pledges/" + p.id(), actor);
	}

	private void tellAccount(long accountId, Notices.Message message, String link) {
		notices.tell(accountId, accounts.phoneOf(accountId), message, link);
	}

	private static String link(NeedPledging.Open need) {
		return "/needs/" + need.id();
	}

	/** The donor as the public sees them on the need's page. */
	private String donor(Pledge p) {
		return accounts.findById(p.donorId()).map(DonorNames::shown).orElse("爱心人士");
	}

	/** What the pledge holds, in the household's own words (its own need, so nothing masked). */
	private static String items(Pledge p, NeedPledging.Open need) {
		return PledgeTexts.describe(p.items(), need.items(), List.of());
	}

	/** The month and the day of a deadline in the city's time zone, as numbers (each bundle writes the date its own way). */
	private static String month(Instant at) {
		return String.valueOf(at.atZone(CITY).getMonthValue());
	}

	private static String day(Instant at) {
		return String.valueOf(at.atZone(CITY).getDayOfMonth());
	}
}
