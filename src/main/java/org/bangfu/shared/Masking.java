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
}
