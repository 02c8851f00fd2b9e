package org.bangfu.shared;

/**
 * The masked forms shown on public pages and to anyone not entitled to the full value (DESIGN.md §5):
 * 张*三, 4304**********1234, 138****5678. Masking happens on the server; the full value never reaches
 * a page that shows the masked one.
 */
public final class Masking {

	private Masking() {
	}

	public static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return "";
		}
		if (phone.length() < 7) {
			return "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

	public static String name(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		int[] cps = name.strip().codePoints().toArray();
		if (cps.length == 1) {
			return name.strip();
		}
		if (cps.length == 2) {
			return new String(cps, 0, 1) + "*";
		}
		return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
	}

	public static String idNumber(String id) {
		if (id == null || id.isBlank()) {
			return "";
		}
		if (id.length() < 8) {
			return "*".repeat(id.length());
		}
		return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
	}

	private static final String D = "[0-9\uFF10-\uFF19]";

	/** An ID number (18 digits, the last may be X; or the old 15) not part of a longer number. */
	private static final java.util.regex.Pattern ID_NUMBER = java.util.regex.Pattern
		.compile("(?<!" + D + ")(?:" + D + "{17}[0-9\uFF10-\uFF19XxＸｘ]|" + D + "{15})(?!" + D + ")");

	/** A mainland mobile number, also written 138 0734 1111 or 138-0734-1111, or a landline with its area code (0734-8123456). */
	private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern
		.compile("(?<!" + D + ")(?:[1１][3-9３-９]" + D + "(?:[ -]?" + D + "{4}){2}|[0０]" + D + "{2,3}[-－]" + D + "{7,8})(?!" + D + ")");

	/**
	 * Free text with every ID number and phone number in it masked: officers type them into a need's
	 * story ("联系电话 13807341111"), and the public must never read them.
	 */
	public static String numbersIn(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String masked = ID_NUMBER.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(idNumber(m.group())));
		return PHONE.matcher(masked).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(phone(m.group())));
	}

	/** Whether the text holds an ID number or a phone number. */
	public static boolean hasNumbers(String text) {
		return text != null && (ID_NUMBER.matcher(text).find() || PHONE.matcher(text).find());
	}
}
