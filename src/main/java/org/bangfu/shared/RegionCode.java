package org.bangfu.shared;

import java.util.regex.Pattern;

/**
 * A national statistical division code, in the form the division files use: 6 digits for a
 * province, city or county (430000, 430400, 430421), 9 for a township (430421100), 12 for a village
 * (430421100203). The short forms 43 and 4304 are accepted and widened to 6 digits.
 *
 * <p>{@link #prefix()} is the code's significant part (43, 4304, 430421, 430421100, 430421100203):
 * everything under a region has a code that starts with it, which is what scope queries use.
 */
public record RegionCode(String value) {

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	public RegionCode {
		if (value == null || !DIGITS.matcher(value).matches()
				|| !(value.length() == 6 || value.length() == 9 || value.length() == 12)) {
			throw new BadInputException("region.code.malformed", String.valueOf(value));
		}
	}

	/** Parses what a person or a URL gives: 2, 4, 6, 9 or 12 digits, surrounding blanks ignored. */
	public static RegionCode parse(String text) {
		String s = text == null ? "" : text.strip();
		if (DIGITS.matcher(s).matches() && (s.length() == 2 || s.length() == 4)) {
			s = (s + "0000").substring(0, 6);
		}
		return new RegionCode(s);
	}

	/** The significant prefix: trailing "00" pairs of a 6-digit code are padding, not part of the path. */
	public String prefix() {
		if (value.length() > 6) {
			return value;
		}
		if (value.endsWith("0000")) {
			return value.substring(0, 2);
		}
		if (value.endsWith("00")) {
			return value.substring(0, 4);
		}
		return value;
	}

	/** This code and the codes of every region above it (village → township → county → city → province). */
	public java.util.List<String> withAncestors() {
		java.util.List<String> codes = new java.util.ArrayList<>(java.util.List.of(value));
		if (value.length() == 12) {
			codes.add(value.substring(0, 9));
		}
		if (value.length() >= 9) {
			codes.add(value.substring(0, 6));
		}
		codes.add(value.substring(0, 4) + "00");
		codes.add(value.substring(0, 2) + "0000");
		return codes.stream().distinct().toList();
	}

	public boolean contains(RegionCode other) {
		return other.value.startsWith(prefix());
	}

	@Override
	public String toString() {
		return value;
	}
}
