package org.bangfu.assessment;

import java.time.Clock;
import java.time.Instant;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.need.PublicationHolds;
import org.bangfu.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The launch of a collection campaign (集中发布): at its moment every need its hold kept back is published in one step
 * ({@link PublicationHolds#release}) and the campaign records how many. "Now" fires at once, in the caller's
 * transaction; a later moment is fired by a poll (every 15 s by default, {@code bangfu.assessment.launch-poll}).
 */
@Component
class CollectionCampaignLaunches {

	private static final Logger LOG = LoggerFactory.getLogger(CollectionCampaignLaunches.class);

	private final CollectionCampaigns campaigns;

	private final PublicationHolds holds;

	private final OperationLog log;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ClusterLock cluster;

	CollectionCampaignLaunches(CollectionCampaigns campaigns, PublicationHolds holds, OperationLog log, Clock clock, TransactionTemplate transactions, ClusterLock cluster) {
		this.cluster = cluster;
		this.campaigns = campaigns;
		this.holds = holds;
		this.log = log;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** Sets the campaign's launch moment (null: now) and fires it if it has come; in the caller's transaction. */
	void schedule(BangfuUser by, CollectionCampaign c, Instant at) {
		Instant now = clock.instant();
		c.scheduleLaunch(at, now, () -> holds.heldCount(c.id()));
		if (c.due(now)) {
			fire(c);
		}
		else {
			campaigns.save(c);
		}
		log.record(by.id(), "collection-campaign.launch", "collection-campaign:" + c.id(), c.regionCode(),
				c.name() + "，" + (c.state() == CollectionCampaign.State.LAUNCHED ? "已发布 " + c.published() + " 项需求" : "定于 " + c.launchAt() + " 发布"));
	}

	/** Once across the cluster: the node holding the lock does it, the others skip this tick (see ClusterLock). */
	@Scheduled(fixedDelayString = "${bangfu.assessment.launch-poll:15s}", initialDelayString = "${bangfu.assessment.launch-poll:15s}")
	void fireDueOncePerCluster() {
		cluster.runIfFree("assessment.CollectionCampaignLaunches.fireDue", this::fireDue);
	}

	/** Fires the launches whose moment has come, each in its own transaction (one failing does not hold up the others). */
	void fireDue() {
		for (long id : campaigns.dueAt(clock.instant())) {
			try {
				transactions.executeWithoutResult(t -> campaigns.find(id).filter(c -> c.due(clock.instant())).ifPresent(this::fire));
			}
			catch (RuntimeException e) {
				LOG.warn("launch of collection campaign {} failed; it is tried again at the next poll", id, e);
			}
		}
	}

	private void fire(CollectionCampaign c) {
		Instant at = c.launchAt();
		int published = c.holds() ? holds.release(c.id(), at) : 0;
		c.launched(at, published);
		campaigns.save(c);
	}
}
