package org.bangfu.exchange;

import org.bangfu.shared.BadInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The upper node's handlers of needs pushed by a lower node: stored in exchange_remote_need. A need whose region is not
 * under the sending node is refused (NEED_NOT_OWNED), as is a change of a need never published here (NEED_UNKNOWN).
 */
@Configuration(proxyBeanMethods = false)
class NeedHandlers {

	@Bean
	InboundHandler needPublished(RemoteNeeds remote) {
		return new InboundHandler() {
			@Override
			public MessageKind kind() {
				return MessageKind.NEED_PUBLISHED;
			}

			@Override
			public JsonNode apply(String sender, JsonNode p) {
				owned(sender, p);
				for (String field : new String[] { "title", "category", "regionCode", "state", "url" }) {
					if (!p.path(field).isString() || p.path(field).asString().isBlank()) {
						throw new BadInputException("exchange.refused.NEED_INVALID");
					}
				}
				// the URL becomes a link on this node's pages: only a web address, never a script
				if (!p.path("items").isArray() || !p.path("remainingQuantity").canConvertToInt() || !p.path("url").asString().matches("https?://\\S+")) {
					throw new BadInputException("exchange.refused.NEED_INVALID");
				}
				remote.publish(sender, p);
				return JsonNodeFactory.instance.objectNode().put("stored", true);
			}
		};
	}

	@Bean
	InboundHandler needChanged(RemoteNeeds remote) {
		return new InboundHandler() {
			@Override
			public MessageKind kind() {
				return MessageKind.NEED_CHANGED;
			}

			@Override
			public JsonNode apply(String sender, JsonNode p) {
				if (!p.path("id").canConvertToLong() || !p.path("state").isString() || !p.path("remainingQuantity").canConvertToInt()
						|| !sender.equals(p.path("originNode").asString(""))) {
					throw new BadInputException(sender.equals(p.path("originNode").asString("")) ? "exchange.refused.NEED_INVALID"
							: "exchange.refused.NEED_NOT_OWNED");
				}
				String outcome = p.path("outcome").isString() ? p.path("outcome").asString() : null;
				if (!remote.change(sender, p.get("id").asLong(), p.get("state").asString(), p.get("remainingQuantity").asInt(), outcome)) {
					throw new BadInputException("exchange.refused.NEED_UNKNOWN");
				}
				return JsonNodeFactory.instance.objectNode().put("stored", true);
			}
		};
	}

	/** The need must be the sender's own: its origin is the sender and its region lies under the sender's node. */
	private static void owned(String sender, JsonNode p) {
		if (!p.path("id").canConvertToLong() || !p.path("regionCode").isString()) {
			throw new BadInputException("exchange.refused.NEED_INVALID");
		}
		if (!sender.equals(p.path("originNode").asString("")) || !LinkAdministration.covers(sender, p.path("regionCode").asString())) {
			throw new BadInputException("exchange.refused.NEED_NOT_OWNED");
		}
	}
}
