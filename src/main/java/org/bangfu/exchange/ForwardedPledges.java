package org.bangfu.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedPledging;
import org.bangfu.need.NeedState;
import org.bangfu.pledge.Pledging;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The owning node's side of a pledge made upstream: the request becomes a pledge through the pledge module, which takes
 * the need's lock, so a need is never over-pledged however many nodes and local donors pledge at once. The pledge is
 * made by the account that stands for the sending node ({@link ProxyDonors}), with the donor's masked name in its note;
 * its idempotency key is the sender and the request id. The answer is kept: a repeated request gets the first answer.
 */
@Component
class ForwardedPledges {

	/** Why the owner refused a request, as PLEDGE_ANSWERED's {@code reason} says it. */
	enum Reason {
		/** Less is left than was asked. */
		NOT_ENOUGH_REMAINING,
		/** The need no longer takes pledges (all pledged, closed, expired). */
		NEED_CLOSED,
		/** The request names an item the need does not have (the upper node's copy is out of date). */
		ITEMS_CHANGED,
		/** Another rule of the owning node refused it; {@code reasonText} says which. */
		NOT_ALLOWED
	}

	private final NeedPledging needs;

	private final Pledging pledging;

	private final ProxyDonors proxies;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	ForwardedPledges(NeedPledging needs, Pledging pledging, ProxyDonors proxies, JdbcClient jdbc, MessageSource messages, Clock clock,
			PlatformTransactionManager transactions) {
		this.needs = needs;
		this.pledging = pledging;
		this.proxies = proxies;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactions);
		// a refused pledge rolls back to here, and the answer is still written in the receipt's transaction
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** A request as PLEDGE_REQUESTED carries it. */
	record Asked(String requestId, long needId, java.util.List<Line> lines, String donorName) {
	}

	/** One item asked: by its position in the need's published items when given, else by its (published) name. */
	record Line(Integer position, String name, int quantity) {
	}

	/**
	 * Answers the request from {@code sender} (a linked upper node named {@code senderName}): ACCEPTED with the pledge, or
	 * REFUSED with the reason. Refuses the whole message (404) for a need this node does not have or never published.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	ObjectNode answer(String sender, String senderName, Asked asked) {
		Optional<ObjectNode> earlier = earlier(sender, asked.requestId());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		NeedPledging.Open need = ours(asked.needId());
		Map<Integer, Integer> items = positions(asked, need);
		ObjectNode answer;
		if (items == null) {
			answer = refused(asked, Reason.ITEMS_CHANGED, text("exchange.pledge.items-changed"));
		}
		else {
			BangfuUser proxy = proxies.forNode(sender, senderName);
			String note = messages.getMessage("exchange.pledge.note", new Object[] { senderName, asked.donorName() }, Locale.SIMPLIFIED_CHINESE);
			try {
				long pledgeId = savepoint.execute(status -> pledging
					.pledge(proxy, asked.needId(), Pledging.Request.of(items, false, note), sender + "/" + asked.requestId())
					.pledgeId());
				answer = answerOf(asked, "ACCEPTED");
				answer.put("pledgeId", pledgeId);
			}
			catch (BadInputException e) {
				answer = refused(asked, reason(e), messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Locale.SIMPLIFIED_CHINESE));
			}
		}
		answer.put("remainingQuantity", needs.get(asked.needId()).remainingQuantity());
		remember(sender, answer);
		return answer;
	}

	/** The need, if this node has it and it was ever public; the message is refused otherwise. */
	private NeedPledging.Open ours(long needId) {
		try {
			NeedPledging.Open need = needs.get(needId);
			if (NeedState.PUBLIC.contains(need.state())) {
				return need;
			}
		}
		catch (NotFoundException e) {
			// told as one below: the sender learns nothing about needs it was never sent
		}
		throw new NotFoundException("exchange.pledge.need-not-ours", needId);
	}

	/**
	 * Quantities by position; null when a position is not the need's, its name is not the item's at that position, or a
	 * line without position names no item, or more than one, of the need.
	 */
	private static Map<Integer, Integer> positions(Asked asked, NeedPledging.Open need) {
		Map<Integer, Integer> byPosition = new LinkedHashMap<>();
		java.util.List<NeedItem> items = need.items();
		for (Line line : asked.lines()) {
			Integer position = line.position();
			if (position == null) {
				java.util.List<Integer> named = java.util.stream.IntStream.range(0, items.size())
					.filter(p -> sameName(line.name().strip(), items.get(p).name().strip()))
					.boxed()
					.toList();
				position = named.size() == 1 ? named.get(0) : null;
			}
			if (position == null || position < 0 || position >= items.size() || !sameName(line.name().strip(), items.get(position).name().strip())) {
				return null;
			}
			byPosition.merge(position, line.quantity(), Integer::sum);
		}
		return byPosition;
	}

	/** The published copy may mask a household's name inside an item's name (张*英): a '*' stands for any one character. */
	static boolean sameName(String sent, String ours) {
		if (sent.length() != ours.length()) {
			return false;
		}
		for (int i = 0; i < sent.length(); i++) {
			if (sent.charAt(i) != ours.charAt(i) && sent.charAt(i) != '*') {
				return false;
			}
		}
		return true;
	}

	private static Reason reason(BadInputException e) {
		String key = e.messageKey();
		if (key.startsWith("pledge.more-than-remains")) {
			return Reason.NOT_ENOUGH_REMAINING;
		}
		if (key.equals("pledge.need-not-open") || key.equals("need.not-found") || key.startsWith("pledge.not-on-sale")) {
			return Reason.NEED_CLOSED;
		}
		if (key.startsWith("pledge.item") || key.startsWith("need.item")) {
			return Reason.ITEMS_CHANGED;
		}
		return Reason.NOT_ALLOWED;
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}

	private static ObjectNode answerOf(Asked asked, String answer) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("requestId", asked.requestId());
		node.put("needId", asked.needId());
		node.put("answer", answer);
		return node;
	}

	private static ObjectNode refused(Asked asked, Reason reason, String text) {
		ObjectNode node = answerOf(asked, "REFUSED");
		node.put("reason", reason.name());
		node.put("reasonText", text);
		return node;
	}

	private Optional<ObjectNode> earlier(String sender, String requestId) {
		return jdbc.sql("SELECT * FROM pledge_request_answer WHERE sender_node = ? AND request_id = ?")
			.params(sender, requestId)
			.query((rs, n) -> {
				ObjectNode node = JsonNodeFactory.instance.objectNode();
				node.put("requestId", rs.getString("request_id"));
				node.put("needId", rs.getLong("need_id"));
				node.put("answer", rs.getString("answer"));
				long pledgeId = rs.getLong("pledge_id");
				if (!rs.wasNull()) {
					node.put("pledgeId", pledgeId);
				}
				if (rs.getString("reason") != null) {
					node.put("reason", rs.getString("reason"));
					node.put("reasonText", rs.getString("reason_text"));
				}
				node.put("remainingQuantity", rs.getInt("remaining_quantity"));
				return node;
			})
			.optional();
	}

	private void remember(String sender, ObjectNode answer) {
		JsonNode pledgeId = answer.get("pledgeId");
		jdbc.sql("""
				INSERT INTO pledge_request_answer (sender_node, request_id, need_id, answer, pledge_id, reason, reason_text, remaining_quantity,
				                                   answered_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(sender, answer.get("requestId").asString(), answer.get("needId").asLong(), answer.get("answer").asString(),
					pledgeId == null ? null : pledgeId.asLong(), answer.has("reason") ? answer.get("reason").asString() : null,
					answer.has("reasonText") ? answer.get("reasonText").asString() : null, answer.get("remainingQuantity").asInt(),
					Timestamp.from(clock.instant()))
			.update();
	}
}
