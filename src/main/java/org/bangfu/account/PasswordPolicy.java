package org.bangfu.account;

import java.util.Locale;
import java.util.Set;

import org.bangfu.shared.BadInputException;

/** The password rules: 8 to 64 characters, letters and digits both, not the phone number, not a well-known one. */
final class PasswordPolicy {

	private static final Set<String> WELL_KNOWN = Set.of("password1", "password123", "abc12345", "abcd1234", "qwer1234",
			"qwerty123", "a1234567", "aa123456", "a12345678", "1qaz2wsx", "woaini1314", "zxcv1234", "admin123", "admin888");

	private PasswordPolicy() {
	}

	static void check(String password, String phone) {
		if (password == null || password.length() < 8 || password.length() > 64) {
			throw new BadInputException("password.length");
		}
		boolean letter = password.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
		boolean digit = password.chars().anyMatch(c -> c >= '0' && c <= '9');
		if (!letter || !digit) {
			throw new BadInputException("password.weak");
		}
		if (WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT)) || (phone != null && password.contains(phone.substring(3)))) {
			throw new BadInputException("password.guessable");
		}
	}
}
