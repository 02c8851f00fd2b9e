package org.bangfu.exchange;

import java.time.Instant;

/**
 * A link to another node, with its position and health: the last sequence given to a message for it, the last it
 * acknowledged, the last accepted from it; {@code backlog} the messages not yet delivered and {@code oldestPendingAt}
 * when the oldest of them was queued.
 */
public record Link(String node, String url, String publicKey, Role role, boolean enabled, long lastSequenceSent,
		long lastSequenceAcked, long lastSequenceReceived, Instant lastReceivedAt, Instant lastSuccessAt, String lastError,
		Instant lastErrorAt, int consecutiveFailures, long backlog, Instant oldestPendingAt) {

	/** UPPER: the node this one pushes its needs to; LOWER: a node that pushes its needs here. */
	public enum Role {
		UPPER, LOWER
	}
}
