package org.bangfu.shared;

import java.util.regex.Pattern;

/** Mainland mobile numbers, the login name of every account. */
public final class PhoneNumbers {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private PhoneNumbers() {
	}

	/** The 11 digits, with blanks, dashes, full-width digits and a +86 prefix removed; 400 when it is not one. */
	public static String normalise(String phone) {
		if (phone == null) {
			throw new BadInputException("account.phone.malformed");
		}
		StringBuilder digits = new StringBuilder();
		phone.codePoints().forEach(c -> {
			if (c >= '０' && c <= '９') {
				digits.append((char) ('0' + (c - '０')));
			}
			else if (c != ' ' && c != '-' && c != '\u3000') {
				digits.appendCodePoint(c);
			}
		});
		String p = digits.toString();
		if (p.startsWith("+86")) {
			p = p.substring(3);
		}
		else if (p.startsWith("0086")) {
			p = p.substring(4);
		}
		if (!MOBILE.matcher(p).matches()) {
			throw new BadInputException("account.phone.malformed");
		}
		return p;
	}

	public static boolean isValid(String phone) {
		try {
			normalise(phone);
			return true;
		}
		catch (BadInputException e) {
			return false;
		}
	}
}
