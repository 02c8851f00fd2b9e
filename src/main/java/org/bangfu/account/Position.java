package org.bangfu.account;

import java.util.List;

import org.bangfu.region.RegionLevel;

/**
 * 职务: the position a staff grant holds at its station (issue 17). The city plan names them per level: a county
 * management center has its 分管领导, 扶贫专干, 信息管理员 and 媒体管理员; a township station its 分管领导, 扶贫专干 and
 * 信息管理员; a village point its 信息员. The city office and the team roles hold none.
 */
public enum Position {

	LEADER_IN_CHARGE, CADRE, INFORMATION_MANAGER, MEDIA_ADMINISTRATOR, INFORMATION_OFFICER;

	/** The positions a station at this level has, in the order of the paper register; none at the city. */
	public static List<Position> at(RegionLevel level) {
		return switch (level) {
			case COUNTY -> List.of(LEADER_IN_CHARGE, CADRE, INFORMATION_MANAGER, MEDIA_ADMINISTRATOR);
			case TOWNSHIP -> List.of(LEADER_IN_CHARGE, CADRE, INFORMATION_MANAGER);
			case VILLAGE -> List.of(INFORMATION_OFFICER);
			default -> List.of();
		};
	}

	/** Whether a grant of this role at this level may carry this position: staff roles only, at the level's list. */
	public static boolean fits(Position position, Role role, RegionLevel level) {
		return role.isStaff() && role != Role.CITY_ADMIN && at(level).contains(position);
	}
}
