package org.bangfu.matching;

import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BadInputException;

/**
 * The donor's tools (pledging, intent and recommendations, campaign invitations, the donor's pledge
 * list) are not for a household's own account: it is the one being helped. Such a request is
 * refused with 403 and a plain message, and changes nothing.
 */
final class DonorTools {

	private DonorTools() {
	}

	static void refuseHousehold(BangfuUser user) {
		if (user != null && user.householdOnly()) {
			throw new BadInputException(403, "donor-tools.household");
		}
	}
}
