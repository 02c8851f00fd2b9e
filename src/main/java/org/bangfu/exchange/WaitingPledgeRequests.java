package org.bangfu.exchange;

import java.util.List;

import org.bangfu.shared.ClusterLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the donors of waiting requests when the owning node turns out unreachable after they asked: on each tick, the
 * requests still WAITING whose origin's link has failed since its last success, and whose donor was not yet told.
 */
@Component
class WaitingPledgeRequests {

	private final JdbcClient jdbc;

	private final PledgeRequests requests;

	private final RemoteNeedCopies needs;

	private final PledgeRequestNotices notices;

	private final ClusterLock cluster;

	private final TransactionTemplate transactions;

	WaitingPledgeRequests(JdbcClient jdbc, PledgeRequests requests, RemoteNeedCopies needs, PledgeRequestNotices notices, ClusterLock cluster,
			TransactionTemplate transactions) {
		this.cluster = cluster;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.requests = requests;
		this.needs = needs;
		this.notices = notices;
	}

	/** Once across the cluster: the node holding the lock does it, the others skip this tick (see ClusterLock). */
	@Scheduled(fixedDelayString = "${bangfu.exchange.tick:1s}", initialDelayString = "${bangfu.exchange.tick:1s}")
	void tellQueuedOncePerCluster() {
		cluster.runIfFree("exchange.WaitingPledgeRequests.tellQueued", () -> transactions.executeWithoutResult(tx -> tellQueued()));
	}

	@Transactional
	public void tellQueued() {
		List<String> ids = jdbc.sql("""
				SELECT r.request_id FROM pledge_request r JOIN exchange_link l ON l.node_id = r.origin_node
				WHERE r.state = 'WAITING' AND r.queued_told_at IS NULL AND l.consecutive_failures > 0
				ORDER BY r.id LIMIT 100""")
			.query(String.class)
			.list();
		for (String id : ids) {
			PledgeRequest r = requests.get(id);
			notices.queued(r, needs.find(r.originNode(), r.needId()).map(RemoteNeedCopies.Copy::title).orElse(""));
		}
	}
}
