package org.bangfu.exchange;

import java.util.Locale;

import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A node as people read it (「衡阳市社会扶贫网」): its name from the bundles ({@code exchange.node.name.<id>}), or made of
 * the name of the region it serves when this node knows that region (as the remote need pages say it), else of its id.
 */
@Component
public class NodeNames {

	private final MessageSource messages;

	private final Regions regions;

	NodeNames(MessageSource messages, Regions regions) {
		this.messages = messages;
		this.regions = regions;
	}

	public String name(String node, Locale locale) {
		String named = messages.getMessage("exchange.node.name." + node, null, null, locale);
		return named != null ? named : messages.getMessage("exchange.node.name", new Object[] { region(node) }, locale);
	}

	private String region(String node) {
		try {
			return regions.find(RegionCode.parse(node)).map(Region::name).orElse(node);
		}
		catch (BadInputException e) {
			return node;
		}
	}

	/** In Chinese: for texts kept or sent (notes, notice arguments, SMS). */
	public String name(String node) {
		return name(node, Locale.SIMPLIFIED_CHINESE);
	}
}
