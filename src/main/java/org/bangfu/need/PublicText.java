package org.bangfu.need;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.bangfu.shared.Masking;

/**
 * Officers write the way people talk — "张大山老人需要轮椅，电话 13807341111" — so a need's title and
 * story often name the household's members, and sometimes carry an ID or phone number. Wherever the
 * public reads them (pages, API, the keyword index) each such name is masked the way DESIGN.md §5
 * masks names (张*山), and every ID and phone number too; staff in scope read the text as written.
 */
public final class PublicText {

	private PublicText() {
	}

	public static String mask(String text, Collection<String> names) {
		if (text == null) {
			return null;
		}
		// ID and phone numbers typed into the text are masked whoever the need is for
		String masked = Masking.numbersIn(text);
		if (names == null || names.isEmpty()) {
			return masked;
		}
		// longest first, so that 李桂英 is masked whole before a shorter name inside it could be
		List<String> sorted = names.stream()
			.filter(n -> n != null && n.strip().codePointCount(0, n.strip().length()) >= 2)
			.map(String::strip)
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		for (String name : sorted) {
			masked = masked.replace(name, Masking.name(name));
		}
		return masked;
	}
}
