package org.bangfu.pledge;

import org.bangfu.account.BangfuUser;
import org.bangfu.need.NeedPledging;
import org.bangfu.need.NeedState;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;

/**
 * Who may pledge a need: a signed-in user, for a need the public can see, who is not the one being helped — neither
 * the need's own household's account nor any household-only account ({@link DonorTools}). Whether anything is left to
 * take, and whether a product sale is in its sales window, the need decides when it is taken; how a pledge is asked
 * (staff in scope saying so, the note, the deadline) {@link Pledging} checks. Pure: the caller supplies whether the
 * user is the need's household's own account.
 */
final class PledgeEligibility {

	private PledgeEligibility() {
	}

	/** Whether the user may pledge the need; for the pages' pledge form. */
	static boolean allows(BangfuUser user, boolean ownHousehold, NeedPledging.Open need) {
		return user != null && NeedState.PUBLIC.contains(need.state()) && !ownHousehold && !user.householdOnly();
	}

	/**
	 * Refuses one who may not pledge the need: a need not public 404 (it is not shown to pledgers), the household's own
	 * account 403 {@code pledge.own-household}, another household-only account 403 as {@link DonorTools} says.
	 */
	static void require(BangfuUser user, boolean ownHousehold, NeedPledging.Open need) {
		if (!NeedState.PUBLIC.contains(need.state())) {
			throw new NotFoundException("need.not-found");
		}
		if (ownHousehold) {
			throw new NotPermittedException("pledge.own-household");
		}
		DonorTools.refuseHousehold(user);
	}
}
