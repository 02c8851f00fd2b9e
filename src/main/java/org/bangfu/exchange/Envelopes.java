package org.bangfu.exchange;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Envelopes to and from JSON, and their Ed25519 signatures. */
public final class Envelopes {

	private Envelopes() {
	}

	/** The envelope with its signature over {@link #signedBytes}. */
	public static Envelope sign(Envelope envelope, PrivateKey key) {
		try {
			Signature signer = Signature.getInstance(NodeKeys.ALGORITHM);
			signer.initSign(key);
			signer.update(signedBytes(envelope));
			return envelope.withSignature(Base64.getEncoder().encodeToString(signer.sign()));
		} catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("cannot sign with this key", e);
		}
	}

	/** Whether the signature is the sender's over the canonical bytes; false for a missing or garbled one. */
	static boolean signatureHolds(Envelope envelope, PublicKey key) {
		if (envelope.signature() == null) {
			return false;
		}
		try {
			Signature verifier = Signature.getInstance(NodeKeys.ALGORITHM);
			verifier.initVerify(key);
			verifier.update(signedBytes(envelope));
			return verifier.verify(Base64.getDecoder().decode(envelope.signature()));
		} catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	/** Canonical JSON of every field but the signature: what the signature covers. */
	public static byte[] signedBytes(Envelope envelope) {
		ObjectNode tree = tree(envelope);
		tree.remove("signature");
		return CanonicalJson.bytes(tree);
	}

	/** The envelope as the JSON object of docs/exchange/envelope.schema.json. */
	public static ObjectNode tree(Envelope envelope) {
		ObjectNode tree = JsonNodeFactory.instance.objectNode();
		tree.put("version", envelope.version());
		tree.put("sender", envelope.sender());
		tree.put("receiver", envelope.receiver());
		tree.put("sequence", envelope.sequence());
		tree.put("kind", envelope.kind().name());
		tree.put("sentAt", envelope.sentAt().toString());
		tree.set("payload", envelope.payload());
		if (envelope.signature() != null) {
			tree.put("signature", envelope.signature());
		}
		return tree;
	}

	/** The envelope as canonical JSON text, as it goes over the wire. */
	public static String text(Envelope envelope) {
		return CanonicalJson.text(tree(envelope));
	}

	/** Reads an envelope; {@link Malformed} when the text is not one (any version is read, checked later). */
	public static Envelope parse(String json) {
		JsonNode tree;
		try {
			tree = CanonicalJson.MAPPER.readTree(json);
		} catch (JacksonException e) {
			throw new Malformed("not JSON");
		}
		if (tree == null || !tree.isObject()) {
			throw new Malformed("not a JSON object");
		}
		JsonNode sequence = tree.get("sequence");
		JsonNode payload = tree.get("payload");
		if (sequence == null || !sequence.isIntegralNumber() || payload == null || !payload.isObject()) {
			throw new Malformed("sequence or payload missing");
		}
		try {
			return new Envelope(string(tree, "version"), string(tree, "sender"), string(tree, "receiver"), sequence.longValue(),
					MessageKind.valueOf(string(tree, "kind")), Instant.parse(string(tree, "sentAt")), (ObjectNode) payload,
					tree.has("signature") ? string(tree, "signature") : null);
		} catch (RuntimeException e) {
			throw new Malformed(e.getMessage());
		}
	}

	private static String string(JsonNode tree, String field) {
		JsonNode value = tree.get(field);
		if (value == null || !value.isString()) {
			throw new Malformed(field + " missing");
		}
		return value.stringValue();
	}

	/** The text is not an envelope of any version. */
	public static final class Malformed extends RuntimeException {
		Malformed(String why) {
			super(why);
		}
	}
}
