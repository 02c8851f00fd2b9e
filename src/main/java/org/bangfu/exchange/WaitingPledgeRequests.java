package org.bangfu.exchange;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

	WaitingPledgeRequests(JdbcClient jdbc, PledgeRequests requests, RemoteNeedCopies needs, PledgeRequestNotices notices) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.needs = needs;
		this.notices = notices;
	}

	@Scheduled(fixedDelayString = "${bangfu.exchange.tick:1s}", initialDelayString = "${bangfu.exchange.tick:1s}")
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
