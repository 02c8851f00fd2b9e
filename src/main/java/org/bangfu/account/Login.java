package org.bangfu.account;

import org.bangfu.shared.NotAuthenticatedException;
import java.util.HexFormat;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.PhoneNumbers;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Logging in, by password or by SMS code, for pages and the API alike. Five wrong passwords in a
 * row lock the password for 15 minutes (an SMS code still works, and resets the count); one address
 * failing too often waits too ({@link LoginThrottle}). Unknown phones, wrong passwords and locked
 * phones answer alike to anyone who does not know the password, so that nobody learns who is registered.
 */
@Component
public class Login {

	/** A valid bcrypt hash to compare against when the phone is unknown, so both cases take as long. */
	private final String decoy;

	private final Accounts accounts;

	private final SmsCodes codes;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final PersonalData personalData;

	Login(Accounts accounts, SmsCodes codes, PasswordEncoder passwords, LoginThrottle throttle, PersonalData personalData) {
		this.accounts = accounts;
		this.codes = codes;
		this.passwords = passwords;
		this.throttle = throttle;
		this.personalData = personalData;
		this.decoy = passwords.encode("decoy-password-never-used-1");
	}

	public BangfuUser withPassword(String phone, String password) {
		if (phone == null || password == null || phone.isBlank() || password.isEmpty()) {
			throw new BadInputException("auth.login.missing");
		}
		String phoneKey = phoneKey(phone);
		String address = clientAddress();
		throttle.attempt(phoneKey, address);
		BangfuUser user = PhoneNumbers.isValid(phone) ? accounts.findByPhone(phone).orElse(null) : null;
		if (user == null || !user.hasPassword()) {
			passwords.matches(password, decoy);
			throw new NotAuthenticatedException("auth.login.failed");
		}
		if (!passwords.matches(password, user.getPassword())) {
			throw new NotAuthenticatedException("auth.login.failed");
		}
		throttle.succeeded(phoneKey, address);
		return user;
	}

	/** With the phone's latest login code; a phone without an account fails as a wrong code does. */
	public BangfuUser withCode(String phone, String code) {
		if (phone == null || phone.isBlank()) {
			throw new BadInputException("auth.login.missing");
		}
		codes.consume(phone, SmsCodes.Purpose.LOGIN, code);
		BangfuUser user = accounts.findByPhone(phone).orElseThrow(() -> new BadInputException("sms.code.wrong"));
		throttle.succeeded(phoneKey(phone), null);
		return user;
	}

	private String phoneKey(String phone) {
		String normalised = PhoneNumbers.isValid(phone) ? PhoneNumbers.normalise(phone) : phone.strip();
		return HexFormat.of().formatHex(personalData.lookupHash(normalised));
	}

	/** The client's address as the servlet container sees it (behind a proxy: with forwarded headers, see docs/operations.md). */
	private static String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr()
				: null;
	}
}
