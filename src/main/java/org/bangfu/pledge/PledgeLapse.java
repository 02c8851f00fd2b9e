package org.bangfu.pledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bangfu.need.NeedPledging;
import org.bangfu.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lapses pledges past their deadline, each in its own transaction, and puts their quantities back on
 * the list; and, once, {@code bangfu.pledges.remind-before} (2 days) before the deadline, reminds the
 * donor to deliver and the household and its officer to confirm what has already arrived, so that
 * help which came is not released for want of a confirmation.
 */
@Component
class PledgeLapse {

	private static final Logger log = LoggerFactory.getLogger(PledgeLapse.class);

	private final Pledges pledges;

	private final Pledging pledging;

	private final PledgeNotices notices;

	private final NeedPledging needs;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration remindBefore;

	private final ClusterLock cluster;

	PledgeLapse(Pledges pledges, Pledging pledging, PledgeNotices notices, NeedPledging needs, TransactionTemplate transactions, Clock clock,
			@Value("${bangfu.pledges.remind-before:2d}") Duration remindBefore, ClusterLock cluster) {
		this.cluster = cluster;
		this.pledges = pledges;
		this.pledging = pledging;
		this.notices = notices;
		this.needs = needs;
		this.transactions = transactions;
		this.clock = clock;
		this.remindBefore = remindBefore;
	}

	/** Once across the cluster: the node holding the lock does it, the others skip this tick (see ClusterLock). */
	@Scheduled(fixedDelayString = "${bangfu.pledges.lapse-check:10m}", initialDelayString = "${bangfu.pledges.lapse-check:10m}")
	void lapseDueOncePerCluster() {
		cluster.runIfFree("pledge.PledgeLapse.lapseDue", this::lapseDue);
	}

	int lapseDue() {
		int lapsed = 0;
		for (long id : pledges.due(clock.instant(), 1000)) {
			try {
				if (pledging.lapse(id)) {
					lapsed++;
				}
			}
			catch (RuntimeException e) {
				// received or cancelled meanwhile: the next run sees its new state
				log.info("pledge {} not lapsed: {}", id, e.getMessage());
			}
		}
		if (lapsed > 0) {
			log.info("{} pledges lapsed", lapsed);
		}
		return lapsed;
	}

	/** Once across the cluster: the node holding the lock does it, the others skip this tick (see ClusterLock). */
	@Scheduled(fixedDelayString = "${bangfu.pledges.lapse-check:10m}", initialDelayString = "${bangfu.pledges.lapse-check:10m}")
	void remindDueOncePerCluster() {
		cluster.runIfFree("pledge.PledgeLapse.remindDue", this::remindDue);
	}

	/** Reminds the people of each open pledge whose deadline is near, once; returns how many were reminded. */
	int remindDue() {
		Instant now = clock.instant();
		int reminded = 0;
		for (long id : pledges.dueSoon(now, now.plus(remindBefore), 1000)) {
			Boolean done = transactions.execute(tx -> {
				if (!pledges.markReminded(id, now)) {
					return false;
				}
				Pledge p = pledges.get(id);
				notices.dueSoon(p, needs.get(p.needId()));
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				reminded++;
			}
		}
		return reminded;
	}
}
