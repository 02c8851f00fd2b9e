package org.bangfu.fund;

/**
 * The kinds of ledger account. A line's amount is a debit when positive and a credit when negative; an account's
 * balance is read on its normal side ({@link #debitNormal}), and every kind here holds the fund's own money or its
 * obligations, so that balance may never go below zero.
 */
public enum AccountKind {
	/** The fund's bank account: money the fund actually holds (asset). */
	BANK(true),
	/** Gifts promised by donors but not yet arrived on the bank account (a receivable, asset). */
	PENDING_GIFT(true),
	/** Money restricted to one need (定向捐赠): what the fund owes that need (liability). */
	NEED(false),
	/** The fund's general pool, granted to needs by the fund (liability). */
	POOL(false),
	/** A payee (hospital, school, supplier): approved payments not yet made (liability). */
	PAYEE(false),
	/** Goods given to the fund, at their declared value, not yet handed on (asset in kind). */
	GOODS(true);

	final boolean debitNormal;

	AccountKind(boolean debitNormal) {
		this.debitNormal = debitNormal;
	}

	/** The balance on the kind's normal side from the sum of its signed line amounts. */
	long balance(long sumOfAmounts) {
		return debitNormal ? sumOfAmounts : -sumOfAmounts;
	}

	/** Whether the kind's balance must stay non-negative; all of today's kinds must. */
	boolean nonNegative() {
		return true;
	}
}
