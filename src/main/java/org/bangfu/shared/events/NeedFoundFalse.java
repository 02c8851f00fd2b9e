package org.bangfu.shared.events;

import java.time.Instant;

/**
 * A need was found false and withdrawn: a public report upheld by a supervisor or manager (and, with supervision, an
 * audit's finding). The assessment deducts it from the poster and the verifier.
 */
public record NeedFoundFalse(long needId, String regionCode, long posterId, Long verifiedBy, long foundBy, String reason, Instant at) {
}
