package org.bangfu.fund;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.shared.NotAuthenticatedException;
import org.bangfu.shared.NotPermittedException;

/**
 * Who works the fund's books: FUND_STAFF. The fund's bank account and its statements are the fund's as a whole, not a
 * region's, so the check is the role (its grant is at the deployment's root region, e.g. 430400).
 */
public final class FundStaff {

	private FundStaff() {
	}

	public static BangfuUser require(BangfuUser user) {
		if (user == null) {
			throw new NotAuthenticatedException("error.unauthenticated");
		}
		if (!user.has(Role.FUND_STAFF)) {
			throw new NotPermittedException("fund.staff-only");
		}
		return user;
	}
}
