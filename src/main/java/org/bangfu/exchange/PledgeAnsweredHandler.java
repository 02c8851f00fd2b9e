package org.bangfu.exchange;

import java.time.Clock;
import java.util.Locale;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * On the upper node, PLEDGE_ANSWERED from the owning node: settles the request, tells the donor, and keeps the answer's
 * remaining quantity on the copy of the need. Refused as a whole: a sender that is not a lower node of ours, or a
 * request that was not sent to it. The same answer again changes nothing; another answer to a settled request (the
 * owner keeps its first, so this is a fault on its side) is logged and changes nothing, rather than stop the link.
 */
@Component
class PledgeAnsweredHandler implements InboundHandler {

	private static final Logger log = LoggerFactory.getLogger(PledgeAnsweredHandler.class);

	private final Links links;

	private final PledgeRequests requests;

	private final RemoteNeedCopies needs;

	private final PledgeRequestNotices notices;

	private final MessageSource messages;

	private final Clock clock;

	PledgeAnsweredHandler(Links links, PledgeRequests requests, RemoteNeedCopies needs, PledgeRequestNotices notices, MessageSource messages,
			Clock clock) {
		this.links = links;
		this.requests = requests;
		this.needs = needs;
		this.notices = notices;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public MessageKind kind() {
		return MessageKind.PLEDGE_ANSWERED;
	}

	@Override
	public JsonNode apply(String sender, JsonNode payload) {
		if (links.find(sender).filter(l -> l.role() == Link.Role.LOWER).isEmpty()) {
			throw new NotPermittedException("exchange.pledge.sender-not-lower", sender);
		}
		JsonNode requestId = payload.get("requestId");
		JsonNode answer = payload.get("answer");
		JsonNode remaining = payload.get("remainingQuantity");
		if (requestId == null || !requestId.isString() || answer == null || !answer.isString() || remaining == null
				|| !remaining.isIntegralNumber() || !(answer.asString().equals("ACCEPTED") || answer.asString().equals("REFUSED"))) {
			throw new BadInputException("exchange.pledge.malformed");
		}
		PledgeRequest r = requests.lock(requestId.asString())
			.filter(found -> found.originNode().equals(sender))
			.orElseThrow(() -> new NotFoundException("exchange.pledge.request-not-found", requestId.asString()));
		if (payload.has("needId") && payload.get("needId").asLong() != r.needId()) {
			throw new BadInputException("exchange.pledge.malformed");
		}
		PledgeRequest settled;
		try {
			settled = answer.asString().equals("ACCEPTED") ? r.accepted(pledgeId(payload), clock.instant())
					: r.refused(reason(payload), reasonText(payload), clock.instant());
		}
		catch (org.bangfu.shared.ConflictException e) {
			log.warn("node {} answered request {} again, otherwise: {} (kept {})", sender, r.requestId(), answer.asString(), r.state());
			settled = null;
		}
		needs.remaining(sender, r.needId(), remaining.asInt());
		if (settled != null) {
			requests.save(settled);
			String title = needs.find(sender, r.needId()).map(RemoteNeedCopies.Copy::title).orElse("");
			if (settled.state() == PledgeRequest.State.ACCEPTED) {
				notices.accepted(settled, title);
			}
			else {
				notices.refused(settled, title);
			}
		}
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		result.put("requestId", r.requestId());
		result.put("state", (settled == null ? r : settled).state().name());
		return result;
	}

	private static long pledgeId(JsonNode payload) {
		JsonNode id = payload.get("pledgeId");
		if (id == null || !id.isIntegralNumber()) {
			throw new BadInputException("exchange.pledge.malformed");
		}
		return id.asLong();
	}

	private static String reason(JsonNode payload) {
		JsonNode reason = payload.get("reason");
		return reason != null && reason.isString() ? reason.asString() : "NOT_ALLOWED";
	}

	/** The owner's words when it sent them, else ours for its reason code. */
	private String reasonText(JsonNode payload) {
		JsonNode text = payload.get("reasonText");
		if (text != null && text.isString() && !text.asString().isBlank()) {
			String t = text.asString().strip();
			return t.length() > 200 ? t.substring(0, 200) : t;
		}
		return messages.getMessage("exchange.pledge.reason." + reason(payload), null, reason(payload), Locale.SIMPLIFIED_CHINESE);
	}
}
