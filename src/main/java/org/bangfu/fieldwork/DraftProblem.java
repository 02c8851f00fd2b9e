package org.bangfu.fieldwork;

/**
 * One thing wrong with an offline draft, as the officer reads it on the draft that stays in the phone's queue: a stable
 * {@code code} the client acts on, the draft's field when one is to blame, and the message key (with its arguments)
 * of the Chinese text — the need and household modules' own keys where they have one, so the words match the online form.
 */
public record DraftProblem(Code code, String field, String messageKey, Object... args) {

	/** What went wrong; {@code fieldwork.web} maps each to its HTTP status. */
	public enum Code {
		/** The officer no longer covers the household, or there is no such household (not told apart). */
		HOUSEHOLD_OUT_OF_SCOPE,
		/** The household or its consents changed since the pack was synced. */
		HOUSEHOLD_CHANGED,
		/** The consent to posting on the household's behalf was revoked and the draft records none. */
		CONSENT_REVOKED,
		/** The household never gave that consent and the draft records none. */
		CONSENT_MISSING,
		/** A category rule or a rule of the need form fails. */
		RULE_VIOLATED,
		PHOTO_NOT_IMAGE,
		PHOTO_TOO_LARGE,
		/** Malformed JSON, a missing field or part. */
		BAD_DRAFT,
		/** The draft key was sent before by another account (a queue replayed from another account). */
		DRAFT_OF_ANOTHER_ACCOUNT
	}
}
