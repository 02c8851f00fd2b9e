package org.bangfu.fund;

import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.Role;
import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.bangfu.shared.NotAuthenticatedException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;

/**
 * Who works the fund: a FUND_STAFF member. The fund's bank account and its statements are the fund's as a whole, so
 * money in checks the role ({@link #require(BangfuUser)}); money out (payments, grants, refunds, goods) goes to needs in
 * regions, so it stays within the regions of the member's FUND_STAFF grants (the demo's fund staff hold the whole
 * city). FUND_STAFF is not one of the administrative staff roles, so its scope is read from its own grants here.
 */
public final class FundStaff {

	private FundStaff() {
	}

	/** Whether the user is fund staff at all (for the landing page and the pages' links). */
	public static boolean is(BangfuUser user) {
		return user != null && user.has(Role.FUND_STAFF);
	}

	/** The user, if fund staff: 401 without a user, 403 for one who is not. */
	public static BangfuUser require(BangfuUser user) {
		if (user == null) {
			throw new NotAuthenticatedException("error.unauthenticated");
		}
		if (!user.has(Role.FUND_STAFF)) {
			throw new NotPermittedException("fund.staff-only");
		}
		return user;
	}

	/** The scope of the user's fund work; 401 without a user, 403 for one who is not fund staff. */
	public static Scope scopeOf(BangfuUser user) {
		if (user == null) {
			throw new NotAuthenticatedException("error.unauthenticated");
		}
		List<Region> regions = user.grants().stream().filter(g -> g.role() == Role.FUND_STAFF && g.region() != null).map(Grant::region).toList();
		if (regions.isEmpty()) {
			throw new NotPermittedException("fund.staff-only");
		}
		return Scope.anyOf(regions);
	}

	/** Refuses (404, as DESIGN.md §5 asks: not confirming it exists) what lies outside the user's fund scope. */
	static Scope require(BangfuUser user, String regionCode) {
		Scope scope = scopeOf(user);
		if (!scope.contains(regionCode)) {
			throw new NotFoundException("fund.not-in-scope");
		}
		return scope;
	}
}
