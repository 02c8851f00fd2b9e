package org.bangfu.shared.events;

import java.time.Instant;

/**
 * The household or its officer confirmed, with a photo, that the pledge arrived; {@code wasOnWay}: the donor had marked
 * it sent before (a pledge handed over in person is received straight from committed); {@code staffInScope}: the donor
 * is staff within whose scope the need lies (the matching rate counts such needs apart).
 */
public record PledgeReceived(long pledgeId, long needId, long by, boolean wasOnWay, boolean staffInScope, Instant at) {
}
