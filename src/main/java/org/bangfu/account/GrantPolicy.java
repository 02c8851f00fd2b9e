package org.bangfu.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;

/**
 * Who may grant what, where (DESIGN.md §2): top-down, never above or beside one's own scope.
 * <ul>
 * <li>the city office grants county centers, and may also staff townships and villages directly,
 * and grants the charity federation staff and the four teams;</li>
 * <li>a county center grants the township managers and village officers inside its county;</li>
 * <li>township managers and village officers grant nothing.</li>
 * </ul>
 * Each staff role belongs at one level: county admin at a county, manager at a township, officer at a village.
 */
public final class GrantPolicy {

	private static final Set<Role> TEAMS = EnumSet.of(Role.VOLUNTEER, Role.EXPERT, Role.SUPERVISOR, Role.AMBASSADOR);

	private GrantPolicy() {
	}

	/** The level a staff role must be granted at; null for roles that may sit at any level of the scope. */
	static RegionLevel levelOf(Role role) {
		return switch (role) {
			case COUNTY_ADMIN -> RegionLevel.COUNTY;
			case TOWNSHIP_MANAGER -> RegionLevel.TOWNSHIP;
			case VILLAGE_OFFICER -> RegionLevel.VILLAGE;
			default -> null;
		};
	}

	/** Roles that are never granted by anyone through the platform: they come with registration. */
	static boolean isGrantable(Role role) {
		return role != Role.DONOR && role != Role.HOUSEHOLD && role != Role.CITY_ADMIN;
	}

	static boolean mayGrant(BangfuUser granter, Role role, Region region) {
		return granter.staffGrants().stream().anyMatch(g -> g.covers(region.code()) && switch (g.role()) {
			case CITY_ADMIN -> role == Role.COUNTY_ADMIN || role == Role.TOWNSHIP_MANAGER || role == Role.VILLAGE_OFFICER
					|| TEAMS.contains(role) || (role == Role.FUND_STAFF && region.code().equals(g.region().code()));
			case COUNTY_ADMIN -> role == Role.TOWNSHIP_MANAGER || role == Role.VILLAGE_OFFICER;
			default -> false;
		});
	}

	/** Whether the user may grant anything at all (and so sees the grant form and the operation log). */
	/** The roles the grant form offers: the city office grants the county centers and the teams, a county its own staff. */
	public static List<Role> offeredRoles(BangfuUser user) {
		return user.has(Role.CITY_ADMIN)
				? List.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_MANAGER, Role.VILLAGE_OFFICER, Role.FUND_STAFF, Role.VOLUNTEER, Role.EXPERT,
						Role.SUPERVISOR, Role.AMBASSADOR)
				: List.of(Role.TOWNSHIP_MANAGER, Role.VILLAGE_OFFICER);
	}

	public static boolean grantsAnything(BangfuUser user) {
		return user.has(Role.CITY_ADMIN) || user.has(Role.COUNTY_ADMIN);
	}
}
