package org.bangfu.account;

import java.util.List;

import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.RegionCode;

/** Who may read the operation log: the city office and county centers, each within its own scope. */
final class OperationLogView {

	private OperationLogView() {
	}

	static List<OperationLog.Entry> entries(BangfuUser user, String region, int page, OperationLog log, Regions regions) {
		if (!GrantPolicy.grantsAnything(user)) {
			throw new BadInputException(403, "error.forbidden");
		}
		var scope = user.scopeFor(region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region)));
		return log.within(scope, user.has(Role.CITY_ADMIN), page);
	}
}
