package org.bangfu.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bangfu.shared.BadInputException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The receiving end of a link: checks an envelope ({@link Inbound}) and, when accepted, applies it with the handler
 * of its kind, records it (sender, sequence, hash, result) and moves the link on, all in one transaction. A resend of
 * an accepted message with identical bytes gets the stored result and changes nothing; every refusal changes nothing.
 */
@Component
public class Receiving {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ExchangeNode node;

	private final Links links;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	private final Map<MessageKind, InboundHandler> handlers = new EnumMap<>(MessageKind.class);

	Receiving(JdbcClient jdbc, Clock clock, ExchangeNode node, Links links, TransactionTemplate transactions, MessageSource messages,
			List<InboundHandler> handlers) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = node;
		this.links = links;
		this.transactions = transactions;
		this.messages = messages;
		handlers.forEach(h -> this.handlers.put(h.kind(), h));
	}

	/** The answer to a received message: an HTTP status and its JSON body. */
	public record Answer(int status, ObjectNode body) {
	}

	public Answer receive(String text) {
		Envelope envelope;
		try {
			envelope = Envelopes.parse(text);
		}
		catch (Envelopes.Malformed e) {
			return refused(400, Refusal.MALFORMED.name(), Refusal.MALFORMED.messageKey());
		}
		try {
			return transactions.execute(tx -> {
				Answer answer = receive(envelope);
				if (answer.status() != 200) {
					tx.setRollbackOnly();
				}
				return answer;
			});
		}
		catch (BadInputException e) {
			// the handler refused the message: its work is rolled back and the link stays where it was
			String key = e.messageKey();
			String refusal = key.startsWith("exchange.refused.") ? key.substring("exchange.refused.".length()) : "REFUSED";
			return new Answer(422, refusal(refusal, text(key, e.args())));
		}
		catch (DataAccessException | TransactionException e) {
			// the database is busy (a burst of posts waiting for connections): the sender retries later
			return refused(429, "BUSY", "exchange.refused.BUSY");
		}
	}

	private Answer receive(Envelope envelope) {
		long last = links.lockReceived(envelope.sender());
		Receipt receipt = new Inbound(node.id()).check(envelope, links.knownKeys(), last);
		if (receipt.isAccepted()) {
			InboundHandler handler = handlers.get(envelope.kind());
			if (handler == null) {
				return refused(422, "NOT_HANDLED", "exchange.refused.NOT_HANDLED");
			}
			JsonNode result = handler.apply(envelope.sender(), envelope.payload());
			String stored = result == null ? "null" : CanonicalJson.text(result);
			jdbc.sql("INSERT INTO exchange_inbox (sender, sequence, kind, sha256, result, received_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(envelope.sender(), envelope.sequence(), envelope.kind().name(), sha256(envelope), stored,
						Timestamp.from(clock.instant()))
				.update();
			links.received(envelope.sender(), envelope.sequence());
			return accepted(envelope.sequence(), stored);
		}
		Refusal refusal = receipt.refusal();
		return switch (refusal) {
			case REPLAY -> replay(envelope);
			case GAP -> {
				ObjectNode body = refusal(refusal.name(), text(refusal.messageKey()));
				body.put("expected", last + 1);
				yield new Answer(409, body);
			}
			case BAD_SIGNATURE -> refused(401, refusal.name(), refusal.messageKey());
			case UNKNOWN_NODE, NOT_FOR_US -> refused(403, refusal.name(), refusal.messageKey());
			default -> refused(400, refusal.name(), refusal.messageKey());
		};
	}

	/** A sequence already accepted: the same bytes again get the stored result; other bytes under it are refused. */
	private Answer replay(Envelope envelope) {
		record Stored(String sha256, String result) {
		}
		Optional<Stored> stored = jdbc.sql("SELECT sha256, result FROM exchange_inbox WHERE sender = ? AND sequence = ?")
			.params(envelope.sender(), envelope.sequence())
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2)))
			.optional();
		if (stored.isPresent() && stored.get().sha256().equals(sha256(envelope))) {
			return accepted(envelope.sequence(), stored.get().result());
		}
		return refused(409, Refusal.REPLAY.name(), Refusal.REPLAY.messageKey());
	}

	private static Answer accepted(long sequence, String result) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("sequence", sequence);
		body.set("result", CanonicalJson.MAPPER.readTree(result));
		return new Answer(200, body);
	}

	private Answer refused(int status, String refusal, String key) {
		return new Answer(status, refusal(refusal, text(key)));
	}

	private static ObjectNode refusal(String refusal, String message) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("refusal", refusal);
		body.put("message", message);
		return body;
	}

	/** The refusal answered when the body is over the size limit (the endpoint stops reading it). */
	public Answer tooLarge(int limitKb) {
		return new Answer(413, refusal("TOO_LARGE", text("exchange.refused.TOO_LARGE", limitKb)));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
	}

	/** The hash a resend is compared by: of the canonical text, signature included. */
	static String sha256(Envelope envelope) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(Envelopes.text(envelope).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
