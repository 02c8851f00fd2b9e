package org.bangfu.fund;

/** What a ledger entry records; part of the canonical form, so names never change once used (docs/fund-ledger.md). */
public enum EntryKind {
	/** Not used by the fund's own flows (the ledger records money when it arrives); kept because entries may carry it. */
	GIFT_PLEDGED,
	/** A gift arrived on the bank account: BANK +, NEED or POOL −. */
	GIFT_RECEIVED,
	/** The fund grants from its pool to a need's money line: POOL +, NEED −. */
	GRANT,
	/** A payment to a payee approved: NEED +, PAYEE −. */
	PAYMENT_APPROVED,
	/** The payment made from the bank account: PAYEE +, BANK −. */
	PAYMENT,
	/** A gift paid back to its donor: NEED (or POOL) +, BANK −. */
	REFUND,
	/** A need withdrawn or expired unfunded, its gifts to the pool as the donors chose: NEED +, POOL −. */
	TO_POOL,
	/** Goods given to the fund, at their declared value: GOODS +, POOL (goods) −. */
	GOODS_RECEIVED,
	/** Goods handed on to a need: POOL (goods) +, GOODS −. */
	GOODS_GRANTED
}
