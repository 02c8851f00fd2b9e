package org.bangfu.assessment;

import java.util.Locale;

import org.bangfu.account.Role;
import org.bangfu.shared.BadInputException;

/** The levels ranked apart (扶贫榜样): officers are compared with officers, managers with managers. */
public enum RankingLevel {

	VILLAGE(Role.VILLAGE_OFFICER), TOWNSHIP(Role.TOWNSHIP_MANAGER), COUNTY(Role.COUNTY_ADMIN), CITY(Role.CITY_ADMIN);

	private final Role role;

	RankingLevel(Role role) {
		this.role = role;
	}

	public Role role() {
		return role;
	}

	/** {@code village}, {@code township}, {@code county}, {@code city} (or the role's name); village officers when blank. */
	public static RankingLevel parse(String text) {
		if (text == null || text.isBlank()) {
			return VILLAGE;
		}
		String t = text.strip().toUpperCase(Locale.ROOT);
		for (RankingLevel l : values()) {
			if (l.name().equals(t) || l.role.name().equals(t)) {
				return l;
			}
		}
		throw new BadInputException("assessment.level.unknown", text.strip());
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
