package org.bangfu.account;

import java.time.Clock;
import java.time.Duration;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.PhoneNumbers;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Logging in, by password or by SMS code, for pages and the API alike. Five wrong passwords in a
 * row lock the password for 15 minutes (an SMS code still works, and resets the count).
 */
@Component
class Login {

	static final int LOCK_AFTER = 5;

	static final Duration LOCK_FOR = Duration.ofMinutes(15);

	/** A valid bcrypt hash to compare against when the phone is unknown, so both cases take as long. */
	private final String decoy;

	private final Accounts accounts;

	private final SmsCodes codes;

	private final PasswordEncoder passwords;

	private final Clock clock;

	Login(Accounts accounts, SmsCodes codes, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.codes = codes;
		this.passwords = passwords;
		this.clock = clock;
		this.decoy = passwords.encode("decoy-password-never-used-1");
	}

	BangfuUser withPassword(String phone, String password) {
		if (phone == null || password == null || phone.isBlank() || password.isEmpty()) {
			throw new BadInputException("auth.login.missing");
		}
		BangfuUser user = PhoneNumbers.isValid(phone) ? accounts.findByPhone(phone).orElse(null) : null;
		if (user == null || !user.hasPassword()) {
			passwords.matches(password, decoy);
			throw new BadInputException(401, "auth.login.failed");
		}
		if (user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant())) {
			throw new BadInputException(429, "auth.login.locked");
		}
		if (!passwords.matches(password, user.getPassword())) {
			accounts.recordFailedLogin(user.id(), LOCK_AFTER, LOCK_FOR);
			throw new BadInputException(401, "auth.login.failed");
		}
		accounts.recordSuccessfulLogin(user.id());
		return user;
	}

	BangfuUser withCode(String phone, String code) {
		if (phone == null || phone.isBlank()) {
			throw new BadInputException("auth.login.missing");
		}
		BangfuUser user = accounts.findByPhone(phone).orElseThrow(() -> new BadInputException(401, "auth.login.not-registered"));
		codes.consume(phone, SmsCodes.Purpose.LOGIN, code);
		accounts.recordSuccessfulLogin(user.id());
		return user;
	}
}
