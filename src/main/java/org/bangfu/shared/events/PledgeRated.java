package org.bangfu.shared.events;

import java.time.Instant;

/**
 * The receivers rated a received pledge; {@code everyReceivedRated}: no received pledge of the need is left unrated, so
 * a confirmed need has had its receivers' word and may close.
 */
public record PledgeRated(long pledgeId, long needId, boolean everyReceivedRated, long by, Instant at) {
}
