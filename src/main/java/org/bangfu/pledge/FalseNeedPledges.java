package org.bangfu.pledge;

import java.time.Clock;
import java.time.Instant;

import org.bangfu.account.Accounts;
import org.bangfu.need.Need;
import org.bangfu.need.NeedState;
import org.bangfu.need.Needs;
import org.bangfu.notify.Notices;
import org.bangfu.shared.events.NeedFoundFalse;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A need found false and withdrawn (督查, issue 16): its open pledges — committed or on their way, not yet received — are
 * cancelled, each donor told that supervision found the need false. Money given through the fund is the fund's business
 * (it hears NeedEnded). A need found false after delivery keeps its state and its pledges: nothing to cancel.
 */
@Component
class FalseNeedPledges {

	static final String REASON = "督查核查发现需求不实";

	private final Pledges pledges;

	private final Needs needs;

	private final Notices notices;

	private final Accounts accounts;

	private final Clock clock;

	FalseNeedPledges(Pledges pledges, Needs needs, Notices notices, Accounts accounts, Clock clock) {
		this.pledges = pledges;
		this.needs = needs;
		this.notices = notices;
		this.accounts = accounts;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(NeedFoundFalse e) {
		Need need = needs.get(e.needId());
		if (need.state() != NeedState.WITHDRAWN) {
			return;
		}
		Instant now = clock.instant();
		for (Pledge p : pledges.ofNeed(e.needId())) {
			if (p.state() != PledgeState.COMMITTED && p.state() != PledgeState.IN_TRANSIT) {
				continue;
			}
			PledgeState before = p.state();
			p.cancelForFalseNeed(e.foundBy(), REASON, now);
			pledges.save(p, before);
			notices.tell(p.donorId(), accounts.phoneOf(p.donorId()),
					Notices.Message.of(before == PledgeState.IN_TRANSIT ? "notice.pledge.need-found-false.sent" : "notice.pledge.need-found-false",
							String.valueOf(p.id()), need.content().title()),
					"/needs/" + need.id());
		}
	}
}
