package org.bangfu.need;

import java.time.Instant;

import org.bangfu.region.Region;
import org.springframework.stereotype.Component;

/**
 * Collect, then publish together (F24): while a hold covers a need's region, verification leaves the need VERIFIED
 * (invisible to the public) instead of publishing it; releasing the hold publishes every need it held in one
 * transaction, at one moment. The assessment module's collection campaigns place and release holds.
 * SKELETON: the bodies come with the launch work of issue 15.
 */
@Component
public class PublicationHolds {

	/** Places a hold over the region's subtree, keyed by the campaign's id (placing it twice changes nothing). */
	public void hold(long campaignId, Region area) {
		throw new UnsupportedOperationException("publication holds are not built yet");
	}

	/** How many verified needs the hold keeps back now. */
	public long heldCount(long campaignId) {
		throw new UnsupportedOperationException("publication holds are not built yet");
	}

	/** Publishes every need the hold kept back, all with {@code at} as their publication moment; ends the hold. Returns how many. */
	public int release(long campaignId, Instant at) {
		throw new UnsupportedOperationException("publication holds are not built yet");
	}
}
