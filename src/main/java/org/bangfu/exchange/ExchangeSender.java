package org.bangfu.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bangfu.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Posts each link's queued messages strictly in sequence order: the next only after the previous was acknowledged.
 * A failure (no answer, a timeout, a refusal) is recorded on the message and the link and retried after a delay that
 * doubles from {@code bangfu.exchange.retry.initial} up to {@code bangfu.exchange.retry.max}. A GAP answer names the
 * sequence the receiver expects: the messages from there on are sent again. Runs on every tick of every node and after
 * each commit that queued a message; a link is sent by one thread of one node at a time (a {@link ClusterLock} per link),
 * so two nodes never post the same message at once, and a dead node's links are taken over at the next tick.
 */
@Component
class ExchangeSender implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ExchangeSender.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Links links;

	private final Duration initialDelay;

	private final Duration maxDelay;

	private final Duration requestTimeout;

	private final HttpClient http;

	private final ExecutorService wakes = Executors.newCachedThreadPool();

	private final ClusterLock sending;

	ExchangeSender(JdbcClient jdbc, Clock clock, Links links, ClusterLock sending, @Value("${bangfu.exchange.retry.initial:2s}") Duration initialDelay,
			@Value("${bangfu.exchange.retry.max:10m}") Duration maxDelay,
			@Value("${bangfu.exchange.request-timeout:10s}") Duration requestTimeout) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.links = links;
		this.sending = sending;
		this.initialDelay = initialDelay;
		this.maxDelay = maxDelay;
		this.requestTimeout = requestTimeout;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** Sends the link's due messages soon, on another thread (called after the commit that queued one). */
	void wake(String node) {
		wakes.submit(() -> deliver(node));
	}

	@Scheduled(fixedDelayString = "${bangfu.exchange.tick:1s}", initialDelayString = "${bangfu.exchange.tick:1s}")
	void tick() {
		jdbc.sql("""
				SELECT DISTINCT o.link_node FROM exchange_outbox o JOIN exchange_link l ON l.node_id = o.link_node
				WHERE o.state = 'PENDING' AND l.enabled""")
			.query(String.class)
			.list()
			.forEach(this::deliver);
	}

	/** Delivers the link's messages in order until one is not due yet or fails; skipped while another thread or node sends it. */
	void deliver(String node) {
		try {
			sending.runIfFree("exchange.link:" + node, () -> {
				while (deliverNext(node)) {
					// on to the next message
				}
			});
		}
		catch (RuntimeException e) {
			log.warn("exchange: sending to {} failed: {}", node, e.toString());
		}
	}

	private record Pending(long sequence, String body, int attempts, Instant nextAttemptAt) {
	}

	/** Posts the link's first undelivered message if it is due; true when it was delivered (go on). */
	private boolean deliverNext(String node) {
		Optional<Link> link = links.find(node).filter(Link::enabled);
		if (link.isEmpty()) {
			return false;
		}
		Optional<Pending> next = jdbc.sql("""
				SELECT sequence, body, attempts, next_attempt_at FROM exchange_outbox
				WHERE link_node = ? AND state = 'PENDING' ORDER BY sequence LIMIT 1""")
			.param(node)
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant()))
			.optional();
		if (next.isEmpty() || next.get().nextAttemptAt().isAfter(clock.instant())) {
			return false;
		}
		Pending message = next.get();
		Answer answer = post(link.get().url(), message.body());
		Instant now = clock.instant();
		if (answer.status() == 200) {
			jdbc.sql("""
					UPDATE exchange_outbox SET state = 'DELIVERED', delivered_at = ?, attempts = attempts + 1, result = ?, last_error = NULL
					WHERE link_node = ? AND sequence = ?""")
				.params(Timestamp.from(now), answer.json() == null ? null : String.valueOf(answer.json().get("result")), node, message.sequence())
				.update();
			links.succeeded(node, message.sequence(), now);
			return true;
		}
		if (answer.status() == 409 && answer.json() != null && "GAP".equals(answer.json().path("refusal").asString(""))
				&& answer.json().path("expected").canConvertToLong()) {
			long expected = answer.json().path("expected").asLong();
			if (expected >= 1 && expected < message.sequence()) {
				// the receiver lost messages it had acknowledged (restored from a backup): send them again, in order
				int again = jdbc.sql("""
						UPDATE exchange_outbox SET state = 'PENDING', next_attempt_at = ?, delivered_at = NULL
						WHERE link_node = ? AND sequence >= ? AND sequence < ?""")
					.params(Timestamp.from(now), node, expected, message.sequence())
					.update();
				links.failed(node, "GAP: expected " + expected + ", resending " + again + " message(s) from there", now);
				return again > 0;
			}
		}
		String error = answer.describe();
		Duration delay = delay(message.attempts() + 1);
		jdbc.sql("""
				UPDATE exchange_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
				WHERE link_node = ? AND sequence = ?""")
			.params(Timestamp.from(now.plus(delay)), error, node, message.sequence())
			.update();
		links.failed(node, "#" + message.sequence() + ": " + error, now);
		return false;
	}

	/** The wait after the given number of failed attempts: initial, doubling, at most max. */
	Duration delay(int attempts) {
		Duration d = initialDelay;
		for (int i = 1; i < attempts && d.compareTo(maxDelay) < 0; i++) {
			d = d.multipliedBy(2);
		}
		return d.compareTo(maxDelay) > 0 ? maxDelay : d;
	}

	private record Answer(int status, JsonNode json, String failure) {

		String describe() {
			if (failure != null) {
				return failure;
			}
			String refusal = json == null ? "" : json.path("refusal").asString("");
			String message = json == null ? "" : json.path("message").asString("");
			return ("HTTP " + status + " " + refusal + " " + message).strip();
		}
	}

	private Answer post(String baseUrl, String body) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/exchange/messages"))
				.timeout(requestTimeout)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode json = null;
			try {
				json = CanonicalJson.MAPPER.readTree(response.body());
			}
			catch (RuntimeException notJson) {
				// an answer that is not ours (a proxy's error page): the status says enough
			}
			return new Answer(response.statusCode(), json, null);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Answer(0, null, "interrupted");
		}
		catch (Exception e) {
			String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
			return new Answer(0, null, what.length() > 300 ? what.substring(0, 300) : what);
		}
	}

	@Override
	public void close() {
		wakes.shutdownNow();
	}
}
