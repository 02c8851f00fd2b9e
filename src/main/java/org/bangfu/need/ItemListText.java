package org.bangfu.need;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bangfu.shared.BadInputException;

/**
 * The city's lists as the admin edits them, one entry a line, fields separated by "|" (full-width allowed), words by
 * "、" or commas: {@code 跑步机 | treadmill、paobuji}; {@code 茅台 | maotai、moutai | 白酒};
 * {@code 药品 | 30 | 800 | 药、片、胶囊} (usual and highest price of one unit, in yuan). A bad line is refused with its number.
 */
public final class ItemListText {

	static final int MAX_LINES = 500;

	private ItemListText() {
	}

	public static List<ItemLists.Goods> goods(String text) {
		List<ItemLists.Goods> out = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Line l : lines(text)) {
			String[] f = l.fields(2, 2, "need.list.goods.format");
			words(f[0], l.number, 2);
			List<String> aliases = words(f[1], l.number, 2);
			out.add(new ItemLists.Goods(named(f[0], l.number, seen), aliases));
		}
		return out;
	}

	public static List<ItemLists.Brand> brands(String text) {
		List<ItemLists.Brand> out = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Line l : lines(text)) {
			String[] f = l.fields(2, 3, "need.list.brands.format");
			words(f[0], l.number, 2);
			out.add(new ItemLists.Brand(named(f[0], l.number, seen), words(f[1], l.number, 2),
					f.length > 2 ? words(f[2], l.number, 1) : List.of()));
		}
		return out;
	}

	public static List<ItemLists.Kind> kinds(String text, Set<String> knownKinds) {
		List<ItemLists.Kind> out = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Line l : lines(text)) {
			String[] f = l.fields(4, 4, "need.list.kinds.format");
			String kind = named(f[0], l.number, seen);
			if (!knownKinds.contains(kind)) {
				throw new BadInputException("need.list.kind-unknown", l.number, kind, String.join("、", knownKinds));
			}
			long usual = fen(f[1], l.number);
			long upper = fen(f[2], l.number);
			if (usual <= 0 || upper < usual) {
				throw new BadInputException("need.list.amount", l.number);
			}
			out.add(new ItemLists.Kind(kind, usual, upper, words(f[3], l.number, 1)));
		}
		return out;
	}

	public static String goodsText(List<ItemLists.Goods> goods) {
		StringBuilder s = new StringBuilder();
		goods.forEach(g -> s.append(g.name()).append(" | ").append(String.join("、", g.aliases())).append('\n'));
		return s.toString();
	}

	public static String brandsText(List<ItemLists.Brand> brands) {
		StringBuilder s = new StringBuilder();
		brands.forEach(b -> s.append(b.name()).append(" | ").append(String.join("、", b.aliases())).append(" | ")
			.append(String.join("、", b.goods())).append('\n'));
		return s.toString();
	}

	public static String kindsText(List<ItemLists.Kind> kinds) {
		StringBuilder s = new StringBuilder();
		kinds.forEach(k -> s.append(k.kind()).append(" | ").append(org.bangfu.shared.Money.yuan(k.usualUnitFen()).replace(",", ""))
			.append(" | ").append(org.bangfu.shared.Money.yuan(k.upperUnitFen()).replace(",", "")).append(" | ")
			.append(String.join("、", k.words())).append('\n'));
		return s.toString();
	}

	private record Line(int number, String text) {

		String[] fields(int min, int max, String format) {
			String[] f = text.split("\\|", -1);
			if (f.length < min || f.length > max) {
				throw new BadInputException(format, number);
			}
			for (int i = 0; i < f.length; i++) {
				f[i] = f[i].strip();
			}
			return f;
		}
	}

	private static List<Line> lines(String text) {
		String normal = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
		List<Line> out = new ArrayList<>();
		String[] raw = normal.split("\\R");
		for (int i = 0; i < raw.length; i++) {
			if (!raw[i].isBlank()) {
				out.add(new Line(i + 1, raw[i].strip()));
			}
		}
		if (out.isEmpty()) {
			throw new BadInputException("need.list.empty");
		}
		if (out.size() > MAX_LINES) {
			throw new BadInputException("need.list.too-long", MAX_LINES);
		}
		return out;
	}

	private static String named(String name, int line, Set<String> seen) {
		if (name.isEmpty() || name.length() > 40) {
			throw new BadInputException("need.list.name", line);
		}
		if (!seen.add(ItemText.key(name))) {
			throw new BadInputException("need.list.duplicate", line, name);
		}
		return name;
	}

	/** The words of a field; goods and brand names must keep two characters or letters once normalised (one matches too much). */
	private static List<String> words(String field, int line, int minLength) {
		List<String> out = new ArrayList<>();
		for (String w : field.split("[、,;/]")) {
			String word = w.strip();
			if (word.isEmpty()) {
				continue;
			}
			if (ItemText.key(word).length() < minLength || word.length() > 40) {
				throw new BadInputException("need.list.short-word", line, word);
			}
			if (!out.contains(word)) {
				out.add(word);
			}
		}
		return out;
	}

	private static long fen(String yuan, int line) {
		try {
			BigDecimal v = new BigDecimal(yuan.replace(",", ""));
			if (v.scale() > 2 || v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
				throw new BadInputException("need.list.amount", line);
			}
			return v.movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw new BadInputException("need.list.amount", line);
		}
	}
}
