package org.bangfu.exchange;

import java.time.Instant;
import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * One message between two nodes. The signature is base64 Ed25519 over the canonical JSON of every other
 * field ({@link Envelopes#signedBytes}); it is null until {@link Envelopes#sign} fills it.
 *
 * @param sequence per sender→receiver link, starting at 1, without gaps
 */
public record Envelope(String version, String sender, String receiver, long sequence, MessageKind kind, Instant sentAt,
		ObjectNode payload, String signature) {

	/** The one version this code writes and reads. */
	public static final String VERSION = "bangfu-exchange/1";

	public Envelope {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(sender, "sender");
		Objects.requireNonNull(receiver, "receiver");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(sentAt, "sentAt");
		// a copy, so that a signed envelope cannot change under its signature through the caller's tree
		payload = Objects.requireNonNull(payload, "payload").deepCopy();
	}

	/** An unsigned envelope of the current version. */
	public static Envelope unsigned(String sender, String receiver, long sequence, MessageKind kind, Instant sentAt, ObjectNode payload) {
		return new Envelope(VERSION, sender, receiver, sequence, kind, sentAt, payload, null);
	}

	Envelope withSignature(String signature) {
		return new Envelope(version, sender, receiver, sequence, kind, sentAt, payload, signature);
	}
}
