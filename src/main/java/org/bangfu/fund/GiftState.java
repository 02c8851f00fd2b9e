package org.bangfu.fund;

/** Where a gift through the fund stands; stored as text. */
public enum GiftState {
	/** Given on the platform, its money not yet on the fund's bank account (the donor transfers quoting the reference code). */
	PROMISED,
	/** The money arrived; it has a receipt number and is on the ledger. */
	RECEIVED,
	/** The donor took it back before paying. */
	CANCELLED,
	/** Not paid within the fund's days: its share of the line is free again. */
	LAPSED,
	/** Its need was withdrawn or expired before the line was covered; the donor asked for the money back, not yet paid. */
	REFUND_DUE,
	/** Paid back to the donor. */
	REFUNDED,
	/** Its need was withdrawn or expired before the line was covered; into the general pool, as the donor chose. */
	POOLED;

	/** The states that still count against the line's target. */
	public boolean holdsShare() {
		return this == PROMISED || this == RECEIVED;
	}
}
