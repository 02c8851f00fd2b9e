package org.bangfu.need;

import java.util.List;

/**
 * The lists the city keeps for judging an item by what it is, not by the label it was filed under (issue 16): goods that
 * are not essential, luxury and premium brands, and for each item kind the words that fit it and what one unit usually
 * costs. Every name and alias is written as people write it; the rules compare them through {@link ItemText}.
 */
public record ItemLists(List<Goods> goods, List<Brand> brands, List<Kind> kinds) {

	/** A non-essential good and the other names it goes by (Chinese, pinyin, Latin, models). */
	public record Goods(String name, List<String> aliases) {
	}

	/** A luxury or premium brand, its other names, and the goods it makes (shown in the flag). */
	public record Brand(String name, List<String> aliases, List<String> goods) {
	}

	/** An item kind: what one unit usually costs and the most it should, and the words of the things that fit it. */
	public record Kind(String kind, long usualUnitFen, long upperUnitFen, List<String> words) {
	}
}
