package org.bangfu.need;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Chinese keyword search. Chinese has no spaces and most keywords are two characters (轮椅, 学费,
 * 茶油), which a trigram index cannot see inside a run of text. So a need's title and story are also
 * stored as their distinct adjacent character pairs, each a separate space-delimited word
 * (" 轮椅 椅一 一台 "): pg_trgm indexes each pair word by its padded trigrams, and a keyword
 * becomes one {@code LIKE '% pair %'} per pair, which the trigram index answers; the exact
 * substring is then checked on the text itself. See docs/decisions.md.
 */
public final class NeedSearch {

	/** A keyword of more pairs than this is narrowed by its first pairs only; the substring check does the rest. */
	static final int MAX_PAIRS = 6;

	private NeedSearch() {
	}

	/** The pair words of a text, space-delimited with a space at each end. */
	public static String pairs(String... texts) {
		Set<String> pairs = new LinkedHashSet<>();
		for (String text : texts) {
			addPairs(normalise(text), pairs, Integer.MAX_VALUE);
		}
		return " " + String.join(" ", pairs) + " ";
	}

	/** The pairs a keyword needs, at most {@link #MAX_PAIRS}; empty for a keyword of one character. */
	static Set<String> keywordPairs(String keyword) {
		Set<String> pairs = new LinkedHashSet<>();
		addPairs(normalise(keyword), pairs, MAX_PAIRS);
		return pairs;
	}

	/** Lower case, without spaces: how both the text and a keyword are compared. */
	static String normalise(String text) {
		if (text == null) {
			return "";
		}
		return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u3000]+", "");
	}

	private static void addPairs(String text, Set<String> into, int max) {
		int[] cps = text.codePoints().toArray();
		for (int i = 0; i + 1 < cps.length && into.size() < max; i++) {
			// only letters and digits: pg_trgm treats anything else as a word boundary
			if (Character.isLetterOrDigit(cps[i]) && Character.isLetterOrDigit(cps[i + 1])) {
				into.add(new String(cps, i, 2));
			}
		}
	}
}
