package org.bangfu.shared.events;

import java.time.Instant;
import java.util.List;

/**
 * A collection campaign's launch published the verified needs it had held back, all at one moment. Those needs were
 * verified earlier (NeedVerified) while not yet public; the exchange pushes them upstream now.
 */
public record HeldNeedsPublished(long campaignId, List<Long> needIds, Instant at) {

	public HeldNeedsPublished {
		needIds = List.copyOf(needIds);
	}
}
