package org.bangfu.fund;

/** What a ledger entry records; part of the canonical form, so names never change once used. */
public enum EntryKind {
	GIFT_PLEDGED, GIFT_RECEIVED, GRANT, PAYMENT_APPROVED, PAYMENT, REFUND
}
