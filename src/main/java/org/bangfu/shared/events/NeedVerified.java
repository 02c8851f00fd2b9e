package org.bangfu.shared.events;

import java.time.Instant;

/**
 * A manager verified a need (whether it is published at once or held for a collection campaign's launch). The
 * assessment counts it for the poster and the verifier.
 */
public record NeedVerified(long needId, String regionCode, String category, long posterId, long verifiedBy, Instant at) {
}
