package org.bangfu.pledge;

import org.bangfu.shared.NotPermittedException;
import org.bangfu.account.BangfuUser;

/**
 * The donor's tools (pledging, intent and recommendations, campaign invitations, the donor's pledge
 * list) are not for a household's own account: it is the one being helped. Such a request is
 * refused with 403 and a plain message, and changes nothing.
 */
public final class DonorTools {

	private DonorTools() {
	}

	public static void refuseHousehold(BangfuUser user) {
		if (user != null && user.householdOnly()) {
			throw new NotPermittedException("donor-tools.household");
		}
	}
}
