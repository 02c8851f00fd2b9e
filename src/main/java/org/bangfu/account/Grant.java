package org.bangfu.account;

import java.time.Instant;

import org.bangfu.region.Region;

/**
 * A role held by an account; for staff bound to a region (its scope), for donors to none.
 *
 * @param region the scope, or null for roles without one
 */
public record Grant(long id, Role role, Region region, Instant grantedAt) implements java.io.Serializable {

	/** Whether this grant's scope contains the region code (a role without a scope contains nothing). */
	public boolean covers(String regionCode) {
		return region != null && region.contains(regionCode);
	}
}
