package org.bangfu.pledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bangfu.need.NeedItem;
import org.bangfu.need.PublicText;

/**
 * How a pledge reads in a sentence. Here, not on the pages, because notices, the household's home
 * and campaigns describe pledges too, and the base package must not depend on {@code pledge.web}.
 */
public final class PledgeTexts {

	private PledgeTexts() {
	}

	/** "棉被 2 床、大米 1 袋": what a pledge holds, by the need's items. */
	public static String describe(Map<Integer, Integer> byPosition, List<NeedItem> items, List<String> names) {
		List<String> parts = new ArrayList<>();
		byPosition.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
			NeedItem item = e.getKey() < items.size() ? items.get(e.getKey()) : null;
			parts.add(item == null ? String.valueOf(e.getValue())
					: mask(item.name(), names) + " " + e.getValue() + (item.unit() == null ? "" : " " + item.unit()));
		});
		return String.join("、", parts);
	}

	/** The household's names masked in a text the public reads, as the need pages mask titles and stories. */
	public static String mask(String text, Collection<String> names) {
		return PublicText.mask(text, names);
	}
}
