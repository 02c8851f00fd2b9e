package org.bangfu.account;

import org.springframework.stereotype.Component;

/** For other modules' registrations: the SMS code and password rules that account registration uses. */
@Component
public class PhoneVerification {

	private final SmsCodes codes;

	PhoneVerification(SmsCodes codes) {
		this.codes = codes;
	}

	/** Uses up the phone's registration code, or 400 with why (wrong, expired, used, none). */
	public void consumeRegistrationCode(String phone, String code) {
		codes.consume(phone, SmsCodes.Purpose.REGISTER, code);
	}

	/** 400 when the password breaks the rules (length, letters and digits, not guessable). */
	public void checkPassword(String password, String phone) {
		PasswordPolicy.check(password, phone);
	}
}
