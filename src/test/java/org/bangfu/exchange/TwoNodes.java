package org.bangfu.exchange;

import java.security.KeyPair;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers of the two-node tests: waiting, htmx requests, and messages of a test node 430500 (邵阳市) to 430000. */
public final class TwoNodes {

	private TwoNodes() {
	}

	public static String htmx(String url) {
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("HX-Request", "true").build(),
						java.net.http.HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	public static void await(BooleanSupplier condition, String what) {
		long until = System.nanoTime() + 30_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("timed out waiting for " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				throw new AssertionError(e);
			}
		}
	}

	public static String envelope(long sequence, ObjectNode payload, KeyPair key) {
		return Envelopes.text(Envelopes.sign(Envelope.unsigned("430500", "430000", sequence, MessageKind.NEED_PUBLISHED, Instant.now(), payload),
				key.getPrivate()));
	}

	public static ObjectNode need(long id, String region, String title) {
		ObjectNode p = JsonNodeFactory.instance.objectNode();
		p.put("id", id).put("originNode", "430500").put("title", title).put("category", "OTHER").put("regionCode", region);
		p.putArray("items").addObject().put("name", "棉被").put("quantity", 1).put("unit", "床").put("valueFen", 5000);
		p.put("remainingQuantity", 1).put("state", "PUBLISHED").put("url", "http://localhost:1/needs/" + id);
		return p;
	}

	public static String linkJson(String node, String url, String key, String role) {
		return "{\"node\":\"%s\",\"url\":\"%s\",\"publicKey\":\"%s\",\"role\":\"%s\"}".formatted(node, url, key, role);
	}
}
