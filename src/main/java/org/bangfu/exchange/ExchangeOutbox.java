package org.bangfu.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.node.ObjectNode;

/**
 * The messages this node owes other nodes. A message is queued in the caller's transaction (so it exists exactly when
 * what it tells happened), numbered with the link's next sequence and signed once; the {@link ExchangeSender} posts
 * the same bytes until the receiver acknowledges them. After the commit the sender is woken, so an up link delivers
 * at once; the scheduled tick retries the rest.
 */
@Component
class ExchangeOutbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ExchangeNode node;

	private final Links links;

	private final ExchangeSender sender;

	ExchangeOutbox(JdbcClient jdbc, Clock clock, ExchangeNode node, Links links, ExchangeSender sender) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = node;
		this.links = links;
		this.sender = sender;
	}

	/**
	 * Queues a message for the linked node.
	 *
	 * @throws org.bangfu.shared.NotFoundException when there is no link to that node
	 */
	@Transactional
	public void enqueue(String receiverNode, MessageKind kind, ObjectNode payload) {
		Instant now = clock.instant();
		long sequence = links.nextSequence(receiverNode);
		Envelope signed = Envelopes.sign(Envelope.unsigned(node.id(), receiverNode, sequence, kind, now, payload), node.privateKey());
		jdbc.sql("""
				INSERT INTO exchange_outbox (link_node, sequence, kind, body, state, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(receiverNode, sequence, kind.name(), Envelopes.text(signed), Timestamp.from(now), Timestamp.from(now))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sender.wake(receiverNode);
				}
			});
		}
	}
}
