package org.bangfu.fund;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gift's reference code, quoted by the donor on the bank transfer: {@code JJ} and 8 characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), the last a check character, so that a mistyped code is not matched to someone
 * else's gift. Found in a statement's free-text 摘要 in any case, with or without spaces around it.
 */
public final class ReferenceCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final Pattern IN_TEXT = Pattern.compile("JJ[" + ALPHABET + "]{8}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ReferenceCodes() {
	}

	static String next() {
		StringBuilder body = new StringBuilder(7);
		for (int i = 0; i < 7; i++) {
			body.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return "JJ" + body + check(body);
	}

	/** Weighted sum of the positions mod the alphabet: catches any one wrong character and most swaps of neighbours. */
	static char check(CharSequence body) {
		int sum = 0;
		for (int i = 0; i < body.length(); i++) {
			sum += (i + 2) * ALPHABET.indexOf(body.charAt(i));
		}
		return ALPHABET.charAt(sum % ALPHABET.length());
	}

	public static boolean valid(String code) {
		return code != null && IN_TEXT.matcher(code).matches() && check(code.substring(2, 9)) == code.charAt(9);
	}

	/** The first valid reference code written in a transfer's free text (case and spaces inside it ignored). */
	public static Optional<String> findIn(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = IN_TEXT.matcher(text.toUpperCase(Locale.ROOT).replaceAll("\\s+", ""));
		while (m.find()) {
			if (valid(m.group())) {
				return Optional.of(m.group());
			}
		}
		return Optional.empty();
	}
}
