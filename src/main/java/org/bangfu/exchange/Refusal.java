package org.bangfu.exchange;

/** Why a received envelope is not accepted; each has a message in exchange/messages.properties. */
public enum Refusal {
	/** Not an envelope: not JSON, or a field missing or of the wrong type. */
	MALFORMED,
	/** A version this node does not read. */
	BAD_VERSION,
	/** Addressed to another node. */
	NOT_FOR_US,
	/** The sender is not among the nodes linked to this one. */
	UNKNOWN_NODE,
	/** The signature is missing or is not the sender's over these bytes. */
	BAD_SIGNATURE,
	/** A sequence number already seen on this link (answer with the stored result). */
	REPLAY,
	/** A sequence number beyond the next one: messages are missing in between. */
	GAP;

	public String messageKey() {
		return "exchange.refused." + name();
	}
}
