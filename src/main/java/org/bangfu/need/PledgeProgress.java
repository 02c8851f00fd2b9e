package org.bangfu.need;

import org.bangfu.shared.events.PledgeCancelled;
import org.bangfu.shared.events.PledgeLapsed;
import org.bangfu.shared.events.PledgeRated;
import org.bangfu.shared.events.PledgeReceived;
import org.bangfu.shared.events.PledgeShipped;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The need follows its pledges: each pledge event moves the need's own state, with one load of the need under its lock.
 * These listeners run in the pledge's transaction (plain {@link EventListener}s), so that the pledge and its need never
 * disagree, not even for a moment or after a crash: a pledge received and its need confirmed commit together.
 */
@Component
class PledgeProgress {

	private final NeedPledging needPledging;

	private final Needs needs;

	PledgeProgress(NeedPledging needPledging, Needs needs) {
		this.needPledging = needPledging;
		this.needs = needs;
	}

	@EventListener
	void on(PledgeShipped e) {
		Need need = needPledging.locked(e.needId());
		need.pledgeShipped(e.by(), e.at());
		needs.save(need);
	}

	@EventListener
	void on(PledgeReceived e) {
		Need need = needPledging.locked(e.needId());
		need.pledgeArrived(e.wasOnWay(), e.by(), e.at());
		needs.save(need);
		if (e.staffInScope()) {
			needs.markStaffMet(e.needId());
		}
	}

	@EventListener
	void on(PledgeCancelled e) {
		Need need = needPledging.locked(e.needId());
		need.release(e.items(), e.wasOnWay(), e.by(), "pledge " + e.pledgeId() + " cancelled", e.at());
		needs.save(need);
	}

	@EventListener
	void on(PledgeLapsed e) {
		Need need = needPledging.locked(e.needId());
		need.release(e.items(), e.wasOnWay(), null, "pledge " + e.pledgeId() + " lapsed", e.at());
		needs.save(need);
	}

	/** Help confirmed and every receiver has rated it: the need is done (CLOSED). */
	@EventListener
	void on(PledgeRated e) {
		if (!e.everyReceivedRated()) {
			return;
		}
		Need need = needPledging.locked(e.needId());
		if (need.state() == NeedState.CONFIRMED) {
			need.close(e.by(), "rated", e.at());
			needs.save(need);
		}
	}
}
