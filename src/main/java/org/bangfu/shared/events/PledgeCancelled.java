package org.bangfu.shared.events;

import java.time.Instant;
import java.util.Map;

/** The donor withdrew a pledge not yet received; its quantities (by the need's item position) go back to the need. */
public record PledgeCancelled(long pledgeId, long needId, Map<Integer, Integer> items, boolean wasOnWay, long by, String reason,
		Instant at) {
}
