package org.bangfu.shared.events;

import java.time.Instant;

/** The donor sent what the pledge holds: it is on its way. */
public record PledgeShipped(long pledgeId, long needId, long by, Instant at) {
}
