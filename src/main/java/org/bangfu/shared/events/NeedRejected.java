package org.bangfu.shared.events;

import java.time.Instant;

/** A manager sent a need back to its poster with a reason; the assessment deducts it from the poster. */
public record NeedRejected(long needId, String regionCode, String category, long posterId, long rejectedBy, Instant at) {
}
