package org.bangfu.account;

import org.bangfu.shared.web.FailureStatus;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.bangfu.shared.BadInputException;

/**
 * Changing one's own password: the old one is required when there is one (an invited account has none
 * yet). Every other session and token of the account ends with the old password: whoever knew it is
 * out; the session or token that changed it stays signed in.
 */
final class MyAccount {

	private MyAccount() {
	}

	static void changePassword(BangfuUser user, String oldPassword, String newPassword, Login login, Accounts accounts, ApiTokens tokens,
			OperationLog log, HttpServletRequest request) {
		if (user.hasPassword()) {
			if (oldPassword == null || oldPassword.isEmpty()) {
				throw new BadInputException("password.old-required");
			}
			try {
				login.withPassword(user.phone(), oldPassword);
			}
			catch (BadInputException e) {
				throw FailureStatus.of(e).value() == 429 ? e : new BadInputException("password.old-wrong");
			}
		}
		PasswordPolicy.check(newPassword, user.phone());
		accounts.changePassword(user.id(), newPassword);
		Instant now = accounts.endWebSessions(user.id());
		tokens.revokeAllBut(user.id(), request.getAttribute(BearerTokenFilter.TOKEN_ATTRIBUTE) instanceof String token ? token : null);
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SessionLogin.AUTHENTICATED_AT) != null) {
			session.setAttribute(SessionLogin.AUTHENTICATED_AT, now);
		}
		log.record(user.id(), "account.password", "account:" + user.id(), null, null);
	}
}
