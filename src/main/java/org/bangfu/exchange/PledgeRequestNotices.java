package org.bangfu.exchange;

import org.bangfu.account.Accounts;
import org.bangfu.notify.Notices;
import org.springframework.stereotype.Component;

/**
 * What the donor of a pledge request is told, in the step's transaction (the notice exists exactly when the step
 * happened): that the request waits for the owning node; that it is queued because the owner cannot be reached (the
 * last delivery to it failed), once, at request time or when {@link WaitingPledgeRequests} sees the link fail; and then
 * the owner's answer. The notice links to the need's page on this node.
 */
@Component
class PledgeRequestNotices {

	private final Notices notices;

	private final Accounts accounts;

	private final NodeNames names;

	private final Links links;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final java.time.Clock clock;

	PledgeRequestNotices(Notices notices, Accounts accounts, NodeNames names, Links links, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.notices = notices;
		this.accounts = accounts;
		this.names = names;
		this.links = links;
	}

	/** Whether the last delivery to the node failed: it cannot be reached now, as far as this node knows. */
	boolean unreachable(String node) {
		return links.find(node).map(l -> l.consecutiveFailures() > 0).orElse(true);
	}

	/** The request was saved: it waits for the owner, or is queued when the owner cannot be reached now. */
	void waiting(PledgeRequest r, String needTitle) {
		if (unreachable(r.originNode())) {
			queued(r, needTitle);
		}
		else {
			tell(r, Notices.Message.of("notice.exchange.pledge.waiting", names.name(r.originNode()), needTitle, String.valueOf(r.quantity()),
					r.requestId()));
		}
	}

	/** The owner cannot be reached: told once per request, at once or when a delivery to it first fails. */
	void queued(PledgeRequest r, String needTitle) {
		if (jdbc.sql("UPDATE pledge_request SET queued_told_at = ? WHERE request_id = ? AND queued_told_at IS NULL")
			.params(java.sql.Timestamp.from(clock.instant()), r.requestId())
			.update() == 1) {
			tell(r, Notices.Message.of("notice.exchange.pledge.queued", names.name(r.originNode()), needTitle, String.valueOf(r.quantity()),
					r.requestId()));
		}
	}

	void accepted(PledgeRequest r, String needTitle) {
		tell(r, Notices.Message.of("notice.exchange.pledge.accepted", names.name(r.originNode()), needTitle, String.valueOf(r.quantity()),
				String.valueOf(r.ownerPledgeId())));
	}

	void refused(PledgeRequest r, String needTitle) {
		tell(r, Notices.Message.of("notice.exchange.pledge.refused", names.name(r.originNode()), needTitle,
				r.reasonText() == null ? r.reason() : r.reasonText()));
	}

	private void tell(PledgeRequest r, Notices.Message message) {
		notices.tell(r.donorId(), accounts.phoneOf(r.donorId()), message, "/exchange/needs/" + r.originNode() + "/" + r.needId());
	}
}
