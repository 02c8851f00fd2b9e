package org.bangfu.need;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bangfu.notify.Notices;
import org.bangfu.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Needs published and not pledged at all within {@code bangfu.needs.expire-after} (90 days unless
 * configured) expire; their poster is told by SMS, so the officer can look at the need again
 * (re-post it, or find help another way).
 */
@Component
class NeedExpiry {

	private static final Logger log = LoggerFactory.getLogger(NeedExpiry.class);

	private final Needs needs;

	private final JdbcClient jdbc;

	private final NeedNotices notices;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration expireAfter;

	private final ClusterLock cluster;

	NeedExpiry(Needs needs, JdbcClient jdbc, NeedNotices notices, TransactionTemplate transactions, Clock clock,
			@Value("${bangfu.needs.expire-after:90d}") Duration expireAfter, ClusterLock cluster) {
		this.cluster = cluster;
		this.needs = needs;
		this.jdbc = jdbc;
		this.notices = notices;
		this.transactions = transactions;
		this.clock = clock;
		this.expireAfter = expireAfter;
	}

	Duration expireAfter() {
		return expireAfter;
	}

	/** Once across the cluster: the node holding the lock does it, the others skip this tick (see ClusterLock). */
	@Scheduled(fixedDelayString = "${bangfu.needs.expiry-check:1h}", initialDelayString = "${bangfu.needs.expiry-check:1h}")
	void expireDueOncePerCluster() {
		cluster.runIfFree("need.NeedExpiry.expireDue", this::expireDue);
	}

	/** Expires what is due, one need per transaction; returns how many expired. */
	int expireDue() {
		Instant now = clock.instant();
		List<Long> due = jdbc.sql("SELECT id FROM need WHERE state = 'PUBLISHED' AND pledged_quantity = 0 AND published_at < ? ORDER BY id LIMIT 10000")
			.param(Timestamp.from(now.minus(expireAfter)))
			.query(Long.class)
			.list();
		int expired = 0;
		for (long id : due) {
			Boolean done = transactions.execute(tx -> {
				Need need = needs.get(id);
				if (need.state() != NeedState.PUBLISHED || need.pledgedQuantity() > 0) {
					return false;
				}
				need.expire(now);
				needs.save(need);
				String days = String.valueOf(expireAfter.toDays());
				notices.tell(need.posterId(), need.householdId(), Notices.Message.of("notice.need.expired", need.content().title(), days),
						Notices.Message.of("notice.need.expired.household", need.content().title(), days),
						"/needs/" + need.id(), null);
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				expired++;
			}
		}
		if (expired > 0) {
			log.info("{} needs expired", expired);
		}
		return expired;
	}
}
