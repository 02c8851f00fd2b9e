package org.bangfu.pledge;

/** The states of a pledge (DESIGN.md §3): committed, on its way, received; or cancelled by the donor, or lapsed past its deadline. */
public enum PledgeState {

	COMMITTED, IN_TRANSIT, RECEIVED, CANCELLED, LAPSED;

	/** Still holding quantities of the need. */
	public boolean active() {
		return this == COMMITTED || this == IN_TRANSIT || this == RECEIVED;
	}

	public String label() {
		return "pledge.state." + name();
	}
}
