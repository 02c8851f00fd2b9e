package org.bangfu.need;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a need's items by what they are (issue 16), from the city's {@link ItemLists}: the title, story and item names are
 * normalised ({@link ItemText}) and cut into the lists' words by forward maximum matching, so a longer word of an
 * ordinary thing ("油烟机", "酒精", "苹果树苗") is read before a shorter suspicious one inside it.
 * <ul>
 * <li>NON_ESSENTIAL — a non-essential good is named, in any script or width;</li>
 * <li>LUXURY_BRAND — a luxury or premium brand is named;</li>
 * <li>KIND_MISFIT — an item's name is a word of another kind of the category, not of the kind chosen for it (a kind
 * without words, such as 其他, takes anything);</li>
 * <li>CATEGORY_MISFIT — an item's name is a word only of kinds the need's category does not allow;</li>
 * <li>ABOVE_PRICE — one unit of an item costs more than the most its kind should (the kind chosen, or the one its name
 * fits when none was chosen), however far that is under the category's cap.</li>
 * </ul>
 * In the title and story a word just after a negation (不、没、无、戒、未) is not read: "不抽烟不喝酒" names no liquor.
 */
final class ItemJudge {

	private enum Type {
		GOODS, BRAND, KIND
	}

	private record Entry(Type type, String name, String detail) {
	}

	private static final String NEGATIONS = "不没无戒未别";

	private final Map<String, List<Entry>> dictionary = new HashMap<>();

	private final Map<String, ItemLists.Kind> kinds = new HashMap<>();

	private int longest = 1;

	ItemJudge(ItemLists lists) {
		for (ItemLists.Goods g : lists.goods()) {
			add(g.name(), new Entry(Type.GOODS, g.name(), null));
			g.aliases().forEach(a -> add(a, new Entry(Type.GOODS, g.name(), null)));
		}
		for (ItemLists.Brand b : lists.brands()) {
			Entry e = new Entry(Type.BRAND, b.name(), String.join("、", b.goods()));
			add(b.name(), e);
			b.aliases().forEach(a -> add(a, e));
		}
		for (ItemLists.Kind k : lists.kinds()) {
			kinds.put(k.kind(), k);
			k.words().forEach(w -> add(w, new Entry(Type.KIND, k.kind(), null)));
		}
	}

	private void add(String word, Entry entry) {
		String key = ItemText.key(word);
		if (!key.isEmpty()) {
			List<Entry> entries = dictionary.computeIfAbsent(key, k -> new ArrayList<>());
			if (!entries.contains(entry)) {
				entries.add(entry);
			}
			longest = Math.max(longest, key.length());
		}
	}

	/** A kind without words (其他) takes anything: filing a thing there is no misfit. */
	private boolean catchAll(String kind) {
		ItemLists.Kind k = kinds.get(kind);
		return k != null && k.words().isEmpty();
	}

	/** The list entries read in the text, by forward maximum matching. */
	List<Entry> read(String raw, boolean skipNegated) {
		ItemText text = ItemText.of(raw);
		String s = text.text();
		List<Entry> found = new ArrayList<>();
		int at = 0;
		while (at < s.length()) {
			int length = Math.min(longest, s.length() - at);
			for (; length > 0; length--) {
				String word = s.substring(at, at + length);
				if (dictionary.containsKey(word) && text.wordAt(word, at)) {
					break;
				}
			}
			if (length == 0) {
				at++;
				continue;
			}
			if (!(skipNegated && negated(s, at))) {
				found.addAll(dictionary.get(s.substring(at, at + length)));
			}
			at += length;
		}
		return found;
	}

	private static boolean negated(String s, int at) {
		for (int i = Math.max(0, at - 2); i < at; i++) {
			if (NEGATIONS.indexOf(s.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	List<Needs.Flag> judge(NeedContent content, List<String> categoryKinds) {
		List<Needs.Flag> perItem = new ArrayList<>();
		List<Entry> said = new ArrayList<>(read(content.title(), true));
		said.addAll(read(content.story(), true));
		for (NeedItem item : content.items()) {
			List<Entry> entries = read(item.name(), false);
			said.addAll(entries);
			Set<String> fits = new LinkedHashSet<>();
			entries.stream().filter(e -> e.type() == Type.KIND).forEach(e -> fits.add(e.name()));
			List<String> fitsHere = fits.stream().filter(categoryKinds::contains).toList();
			String priced = item.kind();
			if (!fits.isEmpty() && fitsHere.isEmpty()) {
				perItem.add(new Needs.Flag("CATEGORY_MISFIT", List.of(item.name(), String.join("、", fits))));
			}
			else if (item.kind() != null && !fits.isEmpty() && !fits.contains(item.kind()) && !catchAll(item.kind())) {
				perItem.add(new Needs.Flag("KIND_MISFIT", List.of(item.name(), item.kind(), String.join("、", fitsHere))));
			}
			else if (item.kind() == null) {
				// unclassified: the most lenient of the kinds its name fits
				priced = fitsHere.stream().max(java.util.Comparator.comparingLong(k -> kinds.get(k).upperUnitFen())).orElse(null);
			}
			ItemLists.Kind range = priced == null ? null : kinds.get(priced);
			long unit = item.valueFen() / Math.max(1, item.quantity());
			if (range != null && unit > range.upperUnitFen()) {
				perItem.add(new Needs.Flag("ABOVE_PRICE", List.of(item.name(), priced, item.unit(), AbuseRules.yuan(unit),
						AbuseRules.yuan(range.usualUnitFen()), AbuseRules.yuan(range.upperUnitFen()))));
			}
		}
		Set<String> goods = new LinkedHashSet<>();
		Set<String> brands = new LinkedHashSet<>();
		Set<String> brandGoods = new LinkedHashSet<>();
		for (Entry e : said) {
			if (e.type() == Type.GOODS) {
				goods.add(e.name());
			}
			else if (e.type() == Type.BRAND) {
				brands.add(e.name());
				if (!e.detail().isEmpty()) {
					brandGoods.add(e.detail());
				}
			}
		}
		List<Needs.Flag> flags = new ArrayList<>();
		if (!goods.isEmpty()) {
			flags.add(new Needs.Flag("NON_ESSENTIAL", List.of(String.join("、", goods))));
		}
		if (!brands.isEmpty()) {
			flags.add(new Needs.Flag("LUXURY_BRAND", List.of(String.join("、", brands), String.join("、", brandGoods))));
		}
		flags.addAll(perItem);
		return flags;
	}
}
