package org.bangfu.team;

/** Where a social organisation's registration stands; stored as text. Only an approved one is public and takes members. */
public enum OrganisationState {
	PENDING, APPROVED, REJECTED;

	public String label() {
		return "org.state." + name();
	}
}
