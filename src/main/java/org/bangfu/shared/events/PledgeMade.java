package org.bangfu.shared.events;

import java.time.Instant;

/** A donor pledged quantities of a need (they were taken from the need in the same transaction). */
public record PledgeMade(long pledgeId, long needId, long donorId, Instant at) {
}
