package org.bangfu.offer;

import java.util.List;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.Role;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.region.Scope;

/**
 * Which needs a user may ask offers for: those of their staff grants' regions and their own household's.
 *
 * @param prefixes the region prefixes of the user's staff grants
 * @param householdId the user's own household, or null
 */
record NeedReach(List<String> prefixes, Long householdId) {

	/** What the user reaches; null when the user reaches no need at all. */
	static NeedReach of(Households households, BangfuUser user) {
		List<String> prefixes = user.staffGrants().stream().map(Grant::region).map(r -> r.prefix()).distinct().toList();
		Long household = null;
		if (user.has(Role.HOUSEHOLD)) {
			Optional<Household> own = households.ofAccount(user.id());
			household = own.map(Household::id).orElse(null);
		}
		return prefixes.isEmpty() && household == null ? null : new NeedReach(prefixes, household);
	}

	/** "The need is one the user reaches": its region under one of the grants, or its household the user's own. */
	boolean reaches(String regionCode, Long needHouseholdId) {
		return !prefixes.isEmpty() && new Scope(prefixes).contains(regionCode) || householdId != null && householdId.equals(needHouseholdId);
	}
}
