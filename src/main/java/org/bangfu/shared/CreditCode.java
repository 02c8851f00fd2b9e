package org.bangfu.shared;

/**
 * A unified social credit code (GB 32100-2015): registration authority, organisation category,
 * 6-digit administrative division code, 9-character organisation code and a MOD 31 check
 * character, all from the 31-character set without I, O, Z, S and V.
 */
public final class CreditCode {

	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final String REGISTRATION_AUTHORITIES = "123456789ABCDEFGNY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private final String value;

	private CreditCode(String value) {
		this.value = value;
	}

	/**
	 * Parses what a person types: blanks are dropped, full-width characters become ASCII, letters
	 * become upper-case. Throws {@link BadInputException} with credit-code.malformed or
	 * credit-code.checksum, the normalised text as argument {0}.
	 */
	public static CreditCode parse(String text) {
		String s = normalise(text);
		if (!isWellFormed(s)) {
			throw new BadInputException("credit-code.malformed", s);
		}
		if (s.charAt(17) != checkCharacter(s)) {
			throw new BadInputException("credit-code.checksum", s);
		}
		return new CreditCode(s);
	}

	/** The 18-character code for 17 characters of the code's set: they followed by their check character. */
	public static String withCheckCharacter(String first17) {
		if (first17 == null || first17.length() != 17) {
			throw new BadInputException("credit-code.malformed", String.valueOf(first17));
		}
		for (int i = 0; i < 17; i++) {
			if (CHARSET.indexOf(first17.charAt(i)) < 0) {
				throw new BadInputException("credit-code.malformed", first17);
			}
		}
		return first17 + checkCharacter(first17);
	}

	/** The normalised 18 characters. */
	public String value() {
		return value;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CreditCode other && value.equals(other.value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}

	private static String normalise(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder sb = new StringBuilder(18);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				continue;
			}
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - '\uFF01' + '!');
			}
			// Only ASCII letters: toUpperCase would turn e.g. dotless i into I.
			if (c >= 'a' && c <= 'z') {
				c = (char) (c - 'a' + 'A');
			}
			sb.append(c);
		}
		return sb.toString();
	}

	private static boolean isWellFormed(String s) {
		if (s.length() != 18 || REGISTRATION_AUTHORITIES.indexOf(s.charAt(0)) < 0) {
			return false;
		}
		for (int i = 0; i < 18; i++) {
			char c = s.charAt(i);
			if (CHARSET.indexOf(c) < 0) {
				return false;
			}
			// Characters 3-8: the administrative division code.
			if (i >= 2 && i <= 7 && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	/** 31 - (weighted sum mod 31), with 31 taken as 0, as a character of the set. */
	private static char checkCharacter(String s) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(s.charAt(i)) * WEIGHTS[i];
		}
		return CHARSET.charAt((31 - sum % 31) % 31);
	}
}
