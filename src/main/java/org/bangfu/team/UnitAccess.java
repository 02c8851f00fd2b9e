package org.bangfu.team;

import java.util.Comparator;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.Role;
import org.bangfu.region.Region;

/**
 * Who runs registration drives: the city office, a county's centre and a township's station (CITY_ADMIN,
 * COUNTY_ADMIN, TOWNSHIP_MANAGER), over their region's subtree. Village officers and team roles do not.
 */
final class UnitAccess {

	private UnitAccess() {
	}

	static boolean runsDrives(Grant g) {
		return g.region() != null && (g.role() == Role.CITY_ADMIN || g.role() == Role.COUNTY_ADMIN || g.role() == Role.TOWNSHIP_MANAGER);
	}

	static boolean covers(BangfuUser user, String regionCode) {
		return user != null && user.grants().stream().anyMatch(g -> runsDrives(g) && g.covers(regionCode));
	}

	static boolean runsAnywhere(BangfuUser user) {
		return user != null && user.grants().stream().anyMatch(UnitAccess::runsDrives);
	}

	/** The regions where the user runs drives, widest first (the pages' default). */
	static List<Region> regions(BangfuUser user) {
		return user.grants().stream().filter(UnitAccess::runsDrives).map(Grant::region)
			.sorted(Comparator.comparingInt(r -> r.code().length())).toList();
	}
}
