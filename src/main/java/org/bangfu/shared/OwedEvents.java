package org.bangfu.shared;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands an event out again when a listener did not finish it (the notice could not be written): without this it
 * would wait for the next start-up. Only events older than the retry delay, so that one still being handled in its
 * request is not handed out twice.
 */
@Component
class OwedEvents {

	private final IncompleteEventPublications incomplete;

	private final Duration olderThan;

	private final ClusterLock cluster;

	OwedEvents(IncompleteEventPublications incomplete, @Value("${bangfu.events.retry-delay:5m}") Duration olderThan, ClusterLock cluster) {
		this.cluster = cluster;
		this.incomplete = incomplete;
		this.olderThan = olderThan;
	}

	/** Once across the cluster: the node holding the lock does it, the others skip this tick (see ClusterLock). */
	@Scheduled(fixedDelayString = "${bangfu.events.retry-delay:5m}", initialDelayString = "${bangfu.events.retry-delay:5m}")
	void handOutAgainOncePerCluster() {
		cluster.runIfFree("shared.OwedEvents.handOutAgain", this::handOutAgain);
	}

	void handOutAgain() {
		incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
	}
}
