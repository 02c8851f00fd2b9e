package org.bangfu.fund;

/** Where a payment to a payee stands; stored as text. */
public enum PaymentState {
	/** Asked by a fund staff member; nothing on the ledger yet. */
	REQUESTED,
	/** Approved (by a second person above the four-eyes amount): the money is set aside for the payee on the ledger. */
	APPROVED,
	/** Paid from the bank account, with the bank's transaction number and a proof file. */
	PAID;

	public String label() {
		return "fund.payment.state." + name();
	}
}
