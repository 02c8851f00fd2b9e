package org.bangfu.pledge;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;

/**
 * Who may confirm that a pledge's help arrived, and rate it: the receiving side, that is the household's own
 * account or the official who stands for the household where the help arrives (its village officer; a township
 * manager for a need of the township itself; the county center for a county's own need). The pledge's donor never
 * confirms its own pledge, even when it is also that official: a second person has to say the help arrived.
 * Pure: the caller supplies whether the user is the household's own account (a lookup in the household module).
 */
final class ReceiptConfirmation {

	private ReceiptConfirmation() {
	}

	/** Whether the user speaks for the receiving household of help arriving in the region (the need's region). */
	static boolean receives(BangfuUser user, boolean ownHousehold, String regionCode) {
		return ownHousehold || (user != null && standsFor(user, regionCode));
	}

	/** Whether the user may confirm receipt of the pledge: the receiving side, and not the pledge's donor. */
	static boolean allows(BangfuUser user, boolean ownHousehold, Pledge p) {
		return receives(user, ownHousehold, p.regionCode()) && user != null && user.id() != p.donorId();
	}

	/**
	 * Refuses one who is not the receiving side of the pledge: 403 to its donor and to staff in scope (they know the
	 * pledge exists, the refusal says who confirms), 404 to anyone else. The donor itself is refused by the pledge
	 * ({@link #refuseDonor}) once the request is otherwise complete.
	 */
	static void requireToReceive(BangfuUser by, boolean ownHousehold, Pledge p) {
		if (!receives(by, ownHousehold, p.regionCode())) {
			if (by.id() == p.donorId() || by.inScope(p.regionCode())) {
				throw new NotPermittedException("pledge.receive-who");
			}
			throw new NotFoundException("pledge.not-found");
		}
	}

	/** Refuses the pledge's donor confirming its own pledge (403). */
	static void refuseDonor(long by, long donorId) {
		if (by == donorId) {
			throw new NotPermittedException("pledge.receive-not-donor");
		}
	}

	/** Refuses one who is not the receiving side of the pledge: 404, rating reveals nothing to anyone else. */
	static void requireToRate(BangfuUser by, boolean ownHousehold, Pledge p) {
		if (!receives(by, ownHousehold, p.regionCode())) {
			throw new NotFoundException("pledge.not-found");
		}
	}

	/**
	 * The official for the household: the village officer over its village; for a need posted for a township itself
	 * (9 digits) a township manager over it; for a county's own need (6 digits) the county center over it.
	 */
	private static boolean standsFor(BangfuUser user, String regionCode) {
		return user.staffGrants().stream()
			.anyMatch(g -> g.covers(regionCode)
					&& (g.role() == Role.VILLAGE_OFFICER || (g.role() == Role.TOWNSHIP_MANAGER && regionCode.length() < 12)
							|| (g.role() == Role.COUNTY_ADMIN && regionCode.length() == 6)));
	}
}
