package org.bangfu.need;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.Role;
import org.bangfu.region.Region;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;

/**
 * Who may verify (or reject) a need: a manager (township station, county center or city office) whose scope contains
 * the need — for a county's own need (a poor county's project) only the city office, so that a county center never
 * verifies its own county's projects — and never the need's own poster, so that a proxy post always passes a second
 * person. Whether the need is waiting for verification is its state's business ({@link NeedLifecycle}).
 */
public final class VerificationPolicy {

	private VerificationPolicy() {
	}

	/** Whether the user may verify this need (the pages' verify button). */
	static boolean allows(BangfuUser user, Need need) {
		return user != null && need.posterId() != user.id() && verifiesIn(user, need.regionCode());
	}

	/**
	 * Refuses one who may not verify the need: outside the caller's scope 404 (don't confirm it exists), in scope but
	 * not a verifier of it 403 ({@code need.verify-county} for a county's own need, else {@code need.verify-role}),
	 * its poster 403 {@code need.verify-own}.
	 */
	static void require(BangfuUser by, Need need) {
		if (!by.inScope(need.regionCode())) {
			throw new NotFoundException("need.not-found");
		}
		if (!verifiesIn(by, need.regionCode())) {
			throw new NotPermittedException(countyLevel(need.regionCode()) ? "need.verify-county" : "need.verify-role");
		}
		refusePoster(need.posterId(), by.id());
	}

	/** The poster never verifies or rejects its own need (403); the need also guards this itself. */
	static void refusePoster(long posterId, long by) {
		if (by == posterId) {
			throw new NotPermittedException("need.verify-own");
		}
	}

	/** Whether the user verifies needs of this region, whoever posted them. */
	static boolean verifiesIn(BangfuUser user, String regionCode) {
		return user.staffGrants().stream().anyMatch(g -> verifies(g, regionCode));
	}

	/** Whether the grant verifies needs of this region. */
	private static boolean verifies(Grant g, String regionCode) {
		return g.covers(regionCode) && (countyLevel(regionCode) ? g.role() == Role.CITY_ADMIN : isManager(g));
	}

	/** Whether the user verifies needs anywhere, so has a verification queue (the link to it). */
	public static boolean verifiesAnywhere(BangfuUser user) {
		return user.staffGrants().stream().anyMatch(VerificationPolicy::isManager);
	}

	/** Refuses the verification queue of the region to one without a manager's grant over it or within it (403). */
	static void requireQueue(BangfuUser user, Region scope) {
		if (user.staffGrants().stream().noneMatch(g -> isManager(g) && (g.covers(scope.code()) || scope.contains(g.region().code())))) {
			throw new NotPermittedException("need.verify-role");
		}
	}

	/** Whether the user's queue over the scope holds county-level needs: only the city office verifies them. */
	static boolean seesCountyNeeds(BangfuUser user, Region scope) {
		return user.staffGrants().stream().anyMatch(g -> g.role() == Role.CITY_ADMIN && g.covers(scope.code()));
	}

	/** A manager's grant: the township station, the county center or the city office. */
	public static boolean isManager(Grant g) {
		return g.role() == Role.TOWNSHIP_MANAGER || g.role() == Role.COUNTY_ADMIN || g.role() == Role.CITY_ADMIN;
	}

	/** A county's own need (a poor county's project): its region is the county, 6 digits. */
	private static boolean countyLevel(String regionCode) {
		return regionCode.length() == 6;
	}
}
