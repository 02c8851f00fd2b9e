package org.bangfu.fieldwork;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.Role;
import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.bangfu.shared.NotPermittedException;

/**
 * Where a user collects offline: the regions of its village officer and township manager grants (the people who visit
 * households), the widest ones once each. Anyone else — a donor, a county center, the city office — is refused with
 * 403: offline collection carries households' data onto a phone, and only those who visit them need it there.
 */
final class FieldRegions {

	private FieldRegions() {
	}

	static List<Region> of(BangfuUser user) {
		List<Region> granted = user == null ? List.of()
				: user.staffGrants().stream()
					.filter(g -> g.role() == Role.VILLAGE_OFFICER || g.role() == Role.TOWNSHIP_MANAGER)
					.map(Grant::region)
					.toList();
		if (granted.isEmpty()) {
			throw new NotPermittedException("fieldwork.not-for-you");
		}
		List<Region> widest = new ArrayList<>();
		for (Region r : granted) {
			boolean within = granted.stream().anyMatch(o -> !o.code().equals(r.code()) && Scope.of(o).contains(r.code()));
			if (!within && widest.stream().noneMatch(w -> w.code().equals(r.code()))) {
				widest.add(r);
			}
		}
		return widest;
	}

	static boolean covers(List<Region> regions, String regionCode) {
		return regions.stream().anyMatch(r -> Scope.of(r).contains(regionCode));
	}
}
