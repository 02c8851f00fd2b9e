package org.bangfu.household;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A household's consent (DESIGN.md §3): to needs being posted on its behalf and/or to its photos
 * being published, and (issue 17) to publicity: stories of the help it received; given by a signed form or a thumbprint (photographed) or before a second officer.
 */
public record Consent(long id, long householdId, boolean postOnBehalf, boolean publishPhotos, Method method, LocalDate givenOn,
		String recordedBy, String witness, boolean hasPhoto, Instant recordedAt, Instant revokedAt, boolean publicity) {

	public enum Method {
		SIGNED_FORM_PHOTO, THUMBPRINT_PHOTO, WITNESSED
	}

	public boolean active() {
		return revokedAt == null;
	}
}
