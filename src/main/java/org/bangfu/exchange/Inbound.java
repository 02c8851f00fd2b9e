package org.bangfu.exchange;

import java.security.PublicKey;
import java.util.Map;

/**
 * The checks a node makes on every envelope it receives, in this order: readable, version, addressed to
 * it, sender known, signature, sequence. The signature comes before the sequence so that a forged
 * message never learns or moves the link's position.
 */
public final class Inbound {

	private final String ourNode;

	public Inbound(String ourNode) {
		this.ourNode = ourNode;
	}

	/** Checks envelope text as received. */
	public Receipt check(String json, Map<String, PublicKey> knownNodes, long lastSequenceSeen) {
		Envelope envelope;
		try {
			envelope = Envelopes.parse(json);
		} catch (Envelopes.Malformed e) {
			return Receipt.refused(null, Refusal.MALFORMED);
		}
		return check(envelope, knownNodes, lastSequenceSeen);
	}

	/**
	 * @param knownNodes       the public keys of the nodes linked to this one, by node id
	 * @param lastSequenceSeen the highest sequence accepted from this sender (0 when none)
	 */
	public Receipt check(Envelope envelope, Map<String, PublicKey> knownNodes, long lastSequenceSeen) {
		if (!Envelope.VERSION.equals(envelope.version())) {
			return Receipt.refused(envelope, Refusal.BAD_VERSION);
		}
		if (!ourNode.equals(envelope.receiver())) {
			return Receipt.refused(envelope, Refusal.NOT_FOR_US);
		}
		PublicKey key = knownNodes.get(envelope.sender());
		if (key == null) {
			return Receipt.refused(envelope, Refusal.UNKNOWN_NODE);
		}
		if (!Envelopes.signatureHolds(envelope, key)) {
			return Receipt.refused(envelope, Refusal.BAD_SIGNATURE);
		}
		if (envelope.sequence() <= lastSequenceSeen) {
			return Receipt.refused(envelope, Refusal.REPLAY);
		}
		if (envelope.sequence() > lastSequenceSeen + 1) {
			return Receipt.refused(envelope, Refusal.GAP);
		}
		return Receipt.accepted(envelope);
	}
}
