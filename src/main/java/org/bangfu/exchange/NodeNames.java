package org.bangfu.exchange;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A node as people read it (「衡阳市社会扶贫网」): its name from the bundles ({@code exchange.node.name.<id>}), or
 * 「节点 <id>」 for a node the bundles do not name.
 */
@Component
public class NodeNames {

	private final MessageSource messages;

	NodeNames(MessageSource messages) {
		this.messages = messages;
	}

	public String name(String node, Locale locale) {
		String named = messages.getMessage("exchange.node.name." + node, null, null, locale);
		return named != null ? named : messages.getMessage("exchange.node.name", new Object[] { node }, locale);
	}

	/** In Chinese: for texts kept or sent (notes, notice arguments, SMS). */
	public String name(String node) {
		return name(node, Locale.SIMPLIFIED_CHINESE);
	}
}
