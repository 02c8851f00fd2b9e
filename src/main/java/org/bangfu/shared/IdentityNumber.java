package org.bangfu.shared;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A resident identity number (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit
 * sequence (odd for men) and an ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * <p>{@link #toString()} gives the masked form, so the full number does not end up in a log by
 * accident; ask for {@link #value()} where the full number is really needed.
 */
public final class IdentityNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	private final String value;

	private final LocalDate birthDate;

	private IdentityNumber(String value, LocalDate birthDate) {
		this.value = value;
		this.birthDate = birthDate;
	}

	/** Parses what a person types, judging the birth date against the system clock. */
	public static IdentityNumber parse(String text) {
		return parse(text, Clock.systemDefaultZone());
	}

	/**
	 * Parses what a person types: blanks are dropped, full-width digits and X become ASCII, x
	 * becomes X. Throws {@link BadInputException} with id-number.malformed, .checksum, .birth-date
	 * or .region. The number itself is never put into the exception.
	 */
	public static IdentityNumber parse(String text, Clock clock) {
		String s = normalise(text);
		if (!isWellFormed(s)) {
			throw new BadInputException("id-number.malformed");
		}
		if (s.charAt(17) != checkCharacter(s)) {
			throw new BadInputException("id-number.checksum");
		}
		LocalDate birthDate = birthDate(s);
		if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(LocalDate.now(clock))) {
			throw new BadInputException("id-number.birth-date");
		}
		if (!isProvince(Integer.parseInt(s.substring(0, 2)))) {
			throw new BadInputException("id-number.region");
		}
		return new IdentityNumber(s, birthDate);
	}

	/** The 18-character number for 17 ASCII digits: they followed by their check character. */
	public static String withCheckCharacter(String first17) {
		if (first17 == null || first17.length() != 17 || !allDigits(first17, 17)) {
			throw new BadInputException("id-number.malformed");
		}
		return first17 + checkCharacter(first17);
	}

	/** The normalised 18 characters. */
	public String value() {
		return value;
	}

	public LocalDate birthDate() {
		return birthDate;
	}

	/** The sequence code (17th digit) is odd for men, even for women. */
	public boolean isMale() {
		return (value.charAt(16) - '0') % 2 == 1;
	}

	/** The first 4 and last 4 characters with 10 asterisks between: 4304**********1234. */
	public String masked() {
		return Masking.idNumber(value);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof IdentityNumber other && value.equals(other.value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	/** The masked form, never the full number. */
	@Override
	public String toString() {
		return masked();
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
			if (c >= '\uFF10' && c <= '\uFF19') {
				c = (char) (c - '\uFF10' + '0');
			}
			else if (c == '\uFF38' || c == '\uFF58' || c == 'x') {
				c = 'X';
			}
			sb.append(c);
		}
		return sb.toString();
	}

	private static boolean isWellFormed(String s) {
		if (s.length() != 18 || !allDigits(s, 17)) {
			return false;
		}
		char last = s.charAt(17);
		return (last >= '0' && last <= '9') || last == 'X';
	}

	/** Whether the first n characters are ASCII digits (Character.isDigit would let other scripts in). */
	private static boolean allDigits(String s, int n) {
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** ISO 7064 MOD 11-2 over the first 17 digits. */
	private static char checkCharacter(String s) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (s.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	/** Digits 7-14 as yyyyMMdd, or null when that is no calendar date. */
	private static LocalDate birthDate(String s) {
		try {
			return LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
					Integer.parseInt(s.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static boolean isProvince(int code) {
		return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37)
				|| (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65)
				|| code == 71 || code == 81 || code == 82;
	}
}
