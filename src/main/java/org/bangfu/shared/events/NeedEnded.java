package org.bangfu.shared.events;

import java.time.Instant;

/**
 * A need ended before it was helped: withdrawn or expired ({@code state} is the need state's name). The fund hands back
 * what its money lines held as the donors chose; recorded by the need and published where the need is saved.
 */
public record NeedEnded(long needId, String state, Instant at) {
}
