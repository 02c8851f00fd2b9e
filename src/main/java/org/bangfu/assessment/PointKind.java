package org.bangfu.assessment;

/** Why an officer earned or lost points; stored as text in {@code assessment_point.kind}. */
public enum PointKind {

	/** The poster's need passed verification. */
	VERIFIED,
	/** The verifier verified a need. */
	VERIFICATION,
	/** The poster's need ended confirmed by the household. */
	CONFIRMED,
	/** A need the account verified ended confirmed. */
	CONFIRMED_VERIFIER,
	/** A receiver rated a pledge of the poster's need. */
	RATING,
	/** The poster's need was sent back. */
	REJECTED,
	/** The poster's need was found false by supervision. */
	FOUND_FALSE,
	/** A need the account verified was found false. */
	FOUND_FALSE_VERIFIER;

}
