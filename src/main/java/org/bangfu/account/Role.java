package org.bangfu.account;

/** The roles of DESIGN.md §2. Staff roles are bound to a region, their scope. */
public enum Role {

	CITY_ADMIN, COUNTY_ADMIN, TOWNSHIP_MANAGER, VILLAGE_OFFICER,
	HOUSEHOLD, DONOR, FUND_STAFF,
	VOLUNTEER, EXPERT, SUPERVISOR, AMBASSADOR;

	/** Staff of the four-level organisation: they see and act on the data of their region's subtree. */
	public boolean isStaff() {
		return this == CITY_ADMIN || this == COUNTY_ADMIN || this == TOWNSHIP_MANAGER || this == VILLAGE_OFFICER;
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
