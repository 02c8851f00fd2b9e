package org.bangfu.exchange;

import org.bangfu.account.Accounts;
import org.bangfu.notify.Notices;
import org.springframework.stereotype.Component;

/**
 * What the donor of a pledge request is told, in the request's transaction (the notice exists exactly when the step
 * happened): that it waits for the owning node — in other words when the link to that node is failing at that moment —
 * and then the owner's answer. The notice links to the need's page on this node.
 */
@Component
class PledgeRequestNotices {

	private final Notices notices;

	private final Accounts accounts;

	private final NodeNames names;

	private final Links links;

	PledgeRequestNotices(Notices notices, Accounts accounts, NodeNames names, Links links) {
		this.notices = notices;
		this.accounts = accounts;
		this.names = names;
		this.links = links;
	}

	/** Whether the last delivery to the node failed: it cannot be reached now, as far as this node knows. */
	boolean unreachable(String node) {
		return links.find(node).map(l -> l.consecutiveFailures() > 0).orElse(true);
	}

	void waiting(PledgeRequest r, String needTitle) {
		String key = unreachable(r.originNode()) ? "notice.exchange.pledge.queued" : "notice.exchange.pledge.waiting";
		tell(r, Notices.Message.of(key, names.name(r.originNode()), needTitle, String.valueOf(r.quantity()), r.requestId()));
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
