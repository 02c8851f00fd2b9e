package org.bangfu.fund;

/** Who a payee is; stored as text. Only a HOUSEHOLD's account number is personal data. */
public enum PayeeKind {
	HOSPITAL, SCHOOL, SUPPLIER, BUILDER, HOUSEHOLD;

	public String label() {
		return "fund.payee.kind." + name();
	}
}
