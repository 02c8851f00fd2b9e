package org.bangfu.assessment;

import org.bangfu.need.NeedPledging;
import org.bangfu.shared.events.NeedConfirmed;
import org.bangfu.shared.events.NeedFoundFalse;
import org.bangfu.shared.events.NeedRejected;
import org.bangfu.shared.events.NeedVerified;
import org.bangfu.shared.events.PledgeRated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the need module's events into points. Points are a consequence, not part of the need's step: they are written
 * after the need's commit, in their own transaction, and the publication registry hands an event out again until it is
 * counted (the ledger's unique key keeps a second hand-out from counting twice).
 */
@Component
class PointListeners {

	private final PointLedger ledger;

	private final NeedPledging needs;

	PointListeners(PointLedger ledger, NeedPledging needs) {
		this.ledger = ledger;
		this.needs = needs;
	}

	@ApplicationModuleListener
	void on(NeedVerified e) {
		ledger.award(e.posterId(), PointKind.VERIFIED, e.needId(), e.regionCode(), "", e.at());
		ledger.award(e.verifiedBy(), PointKind.VERIFICATION, e.needId(), e.regionCode(), "", e.at());
	}

	@ApplicationModuleListener
	void on(NeedConfirmed e) {
		ledger.award(e.posterId(), PointKind.CONFIRMED, e.needId(), e.regionCode(), "", e.at());
		if (e.verifiedBy() != null) {
			ledger.award(e.verifiedBy(), PointKind.CONFIRMED_VERIFIER, e.needId(), e.regionCode(), "", e.at());
		}
	}

	/** A rating collected counts for the need's poster, once per rated pledge. */
	@ApplicationModuleListener
	void on(PledgeRated e) {
		NeedPledging.Open need = needs.get(e.needId());
		ledger.award(need.posterId(), PointKind.RATING, e.needId(), need.regionCode(), "pledge:" + e.pledgeId(), e.at());
	}

	/** Every rejection costs (a need sent back twice was wrong twice): the rejection's moment tells them apart. */
	@ApplicationModuleListener
	void on(NeedRejected e) {
		ledger.award(e.posterId(), PointKind.REJECTED, e.needId(), e.regionCode(), "at:" + e.at().toEpochMilli(), e.at());
	}

	@ApplicationModuleListener
	void on(NeedFoundFalse e) {
		ledger.award(e.posterId(), PointKind.FOUND_FALSE, e.needId(), e.regionCode(), "", e.at());
		if (e.verifiedBy() != null) {
			ledger.award(e.verifiedBy(), PointKind.FOUND_FALSE_VERIFIER, e.needId(), e.regionCode(), "", e.at());
		}
	}
}
