package org.bangfu.fund;

/** What the donor said at giving should happen if the need is withdrawn or expires before its line is covered. */
public enum IfUnfunded {
	/** Give the money back. */
	REFUND,
	/** Put it into the fund's general pool, for the fund to grant to another need. */
	POOL
}
