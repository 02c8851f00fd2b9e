package org.bangfu.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical form that signatures cover: object keys sorted (by UTF-16 code units, as Java's
 * String order), no whitespace, UTF-8, strings escaped as Jackson writes them. Two nodes that hold the
 * same tree produce the same bytes whatever order or spacing the text came in.
 */
public final class CanonicalJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private CanonicalJson() {
	}

	public static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsString(sorted(node)).getBytes(StandardCharsets.UTF_8);
	}

	public static String text(JsonNode node) {
		return new String(bytes(node), StandardCharsets.UTF_8);
	}

	/** A copy whose objects hold their keys in sorted order (Jackson writes them in insertion order). */
	static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			Map<String, JsonNode> keys = new TreeMap<>();
			for (Map.Entry<String, JsonNode> e : node.properties()) {
				keys.put(e.getKey(), sorted(e.getValue()));
			}
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			keys.forEach(copy::set);
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			node.forEach(element -> copy.add(sorted(element)));
			return copy;
		}
		return node;
	}
}
