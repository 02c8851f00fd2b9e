package org.bangfu.shared.events;

import java.time.Instant;

/**
 * A caring person (爱心人士) registered. {@code joinCode} is the code the registration link carried (a registration
 * unit's or an ambassador's, issued by {@code team}), or null. Published inside the registration's transaction: a
 * listener that refuses the code (unknown or closed unit) throws, and the registration is undone.
 */
public record CaringPersonRegistered(long accountId, String joinCode, Instant at) {
}
