package org.bangfu.shared.events;

import java.time.Instant;
import java.util.Map;

/** A pledge passed its deadline without arriving; its quantities (by the need's item position) go back to the need. */
public record PledgeLapsed(long pledgeId, long needId, Map<Integer, Integer> items, boolean wasOnWay, Instant at) {
}
