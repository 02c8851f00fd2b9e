package org.bangfu.supervision;

/** What a visit found: the need is as posted (TRUE), it is false (FALSE), or it is real but something must be corrected (PROBLEM). */
public enum Outcome {

	TRUE, FALSE, PROBLEM;

	public String label() {
		return "audit.outcome." + name();
	}
}
