package org.bangfu.supervision;

import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.Role;
import org.bangfu.region.Region;

/**
 * Who supervises where: a SUPERVISOR (扶贫监督员) grant, and the county and city offices (COUNTY_ADMIN, CITY_ADMIN), over
 * their region's subtree. Township managers and village officers do not: they post and verify the needs being checked.
 */
final class AuditAccess {

	private AuditAccess() {
	}

	static boolean audits(Grant g) {
		return g.role() == Role.SUPERVISOR || g.role() == Role.COUNTY_ADMIN || g.role() == Role.CITY_ADMIN;
	}

	static boolean covers(BangfuUser user, String regionCode) {
		return user.grants().stream().anyMatch(g -> audits(g) && g.covers(regionCode));
	}

	static boolean auditsAnywhere(BangfuUser user) {
		return user.grants().stream().anyMatch(g -> audits(g) && g.region() != null);
	}

	/** The regions the user supervises, widest first, for the pages' default. */
	static List<Region> regions(BangfuUser user) {
		return user.grants().stream().filter(g -> audits(g) && g.region() != null).map(Grant::region)
			.sorted((a, b) -> Integer.compare(a.code().length(), b.code().length())).toList();
	}
}
