package org.bangfu.account;

import java.util.List;

import org.bangfu.region.Region;
import org.bangfu.shared.ChoiceNeededException;

/**
 * A staff member asked for data without naming a region, and their grants cover regions none of which
 * contains the others (an officer of two villages in different townships): which one they mean is
 * theirs to say, with {@code ?region=}.
 */
public final class ScopeChoiceNeeded extends ChoiceNeededException {

	private final transient List<Region> regions;

	ScopeChoiceNeeded(List<Region> regions) {
		super("scope.choose", "region", regions.stream().map(r -> new Choice(r.code(), r.name())).toList());
		this.regions = List.copyOf(regions);
	}

	/** The one region that contains all the others; when none does, the user is asked to choose among them. */
	public static Region widest(List<Region> regions) {
		List<Region> widest = BangfuUser.widestRegions(regions);
		if (widest.size() > 1) {
			throw new ScopeChoiceNeeded(widest);
		}
		return widest.get(0);
	}

	/** The regions to choose from, the widest of the caller's grants, in the order of the grants. */
	public List<Region> regions() {
		return regions;
	}
}
