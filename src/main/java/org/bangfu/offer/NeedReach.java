package org.bangfu.offer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.Role;
import org.bangfu.household.Household;
import org.bangfu.household.Households;

/** Which needs a user may ask offers for, as an SQL condition: those of their staff grants' regions and their own household's. */
final class NeedReach {

	private NeedReach() {
	}

	/** An SQL condition and its parameters, in order. */
	record Where(String sql, List<Object> params) {
	}

	/**
	 * "The need is one the user reaches": its region under one of the user's staff grants, or its
	 * household the user's own; null when the user reaches none.
	 */
	static Where of(Households households, BangfuUser user, String regionColumn, String householdColumn) {
		List<String> parts = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		for (Grant g : user.staffGrants()) {
			parts.add(prefixMatch(regionColumn, g.region().prefix()));
			params.add(g.region().prefix());
		}
		if (user.has(Role.HOUSEHOLD)) {
			Optional<Household> own = households.ofAccount(user.id());
			if (own.isPresent()) {
				parts.add(householdColumn + " = ?");
				params.add(own.get().id());
			}
		}
		return parts.isEmpty() ? null : new Where("(" + String.join(" OR ", parts) + ")", params);
	}

	/** left(code, n) = prefix, the form the per-level need indexes (V11) answer; a village's code is compared whole. */
	static String prefixMatch(String column, String prefix) {
		return prefix.length() >= 12 ? column + " = ?" : "left(" + column + ", " + prefix.length() + ") = ?";
	}
}
