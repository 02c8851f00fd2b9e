package org.bangfu.exchange;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * On the owning node, PLEDGE_REQUESTED from a linked upper node: answered under the need's lock
 * ({@link ForwardedPledges}) and the answer queued back to the sender as PLEDGE_ANSWERED, in the receipt's
 * transaction. Refused as a whole (nothing applied): a sender that is not our upper node, a need that is not ours, a
 * payload that is not a request.
 */
@Component
class PledgeRequestedHandler implements InboundHandler {

	private final Links links;

	private final ExchangeNode node;

	private final ForwardedPledges pledges;

	private final ExchangeOutbox outbox;

	private final NodeNames names;

	PledgeRequestedHandler(Links links, ExchangeNode node, ForwardedPledges pledges, ExchangeOutbox outbox, NodeNames names) {
		this.links = links;
		this.node = node;
		this.pledges = pledges;
		this.outbox = outbox;
		this.names = names;
	}

	@Override
	public MessageKind kind() {
		return MessageKind.PLEDGE_REQUESTED;
	}

	@Override
	public JsonNode apply(String sender, JsonNode payload) {
		if (links.find(sender).filter(l -> l.enabled() && l.role() == Link.Role.UPPER).isEmpty()) {
			throw new NotPermittedException("exchange.pledge.sender-not-upper", sender);
		}
		ForwardedPledges.Asked asked = asked(payload);
		if (!node.id().equals(text(payload, "originNode"))) {
			throw new NotFoundException("exchange.pledge.need-not-ours", asked.needId());
		}
		ObjectNode answer = pledges.answer(sender, names.name(sender), asked);
		outbox.enqueue(sender, MessageKind.PLEDGE_ANSWERED, answer);
		return answer;
	}

	/** The request in the payload (docs/exchange/pledge-requested.schema.json); 400 when it is not one. */
	static ForwardedPledges.Asked asked(JsonNode payload) {
		String requestId = text(payload, "requestId");
		JsonNode needId = payload.get("needId");
		JsonNode items = payload.get("items");
		JsonNode donor = payload.get("donor");
		if (requestId.isBlank() || requestId.length() > 60 || needId == null || !needId.isIntegralNumber() || items == null
				|| !items.isArray() || items.isEmpty() || donor == null || !donor.isObject()) {
			throw new BadInputException("exchange.pledge.malformed");
		}
		java.util.List<ForwardedPledges.Line> lines = new java.util.ArrayList<>();
		for (JsonNode item : items) {
			JsonNode quantity = item.get("quantity");
			JsonNode position = item.get("position");
			JsonNode name = item.get("name");
			if (quantity == null || !quantity.isIntegralNumber() || quantity.asInt() < 1 || (position != null && !position.isIntegralNumber())
					|| name == null || !name.isString()) {
				throw new BadInputException("exchange.pledge.malformed");
			}
			lines.add(new ForwardedPledges.Line(position == null ? null : position.asInt(), name.asString(), quantity.asInt()));
		}
		String donorName = donor.has("displayName") ? donor.get("displayName").asString().strip() : "";
		if (donorName.length() > 60) {
			donorName = donorName.substring(0, 60);
		}
		return new ForwardedPledges.Asked(requestId, needId.asLong(), lines, donorName);
	}

	private static String text(JsonNode payload, String field) {
		JsonNode value = payload.get(field);
		if (value == null || !value.isString()) {
			throw new BadInputException("exchange.pledge.malformed");
		}
		return value.asString();
	}
}
