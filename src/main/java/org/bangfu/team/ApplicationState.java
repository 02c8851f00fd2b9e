package org.bangfu.team;

/** Where a team application stands: waiting for the county or city, approved (the role granted), or rejected with a reason. */
public enum ApplicationState {
	PENDING, APPROVED, REJECTED
}
