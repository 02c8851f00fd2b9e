package org.bangfu.account;

import org.bangfu.shared.web.FailureStatus;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.bangfu.shared.BadInputException;
import org.springframework.stereotype.Component;

/**
 * One's own account: changing the password and logging out everywhere, the same for the pages and the
 * API. The old password is required when there is one (an invited account has none yet). Every other
 * session and token of the account ends with the old password: whoever knew it is out; the session or
 * token that changed it stays signed in.
 */
@Component
public class MyAccount {

	private final Login login;

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final OperationLog log;

	MyAccount(Login login, Accounts accounts, ApiTokens tokens, OperationLog log) {
		this.login = login;
		this.accounts = accounts;
		this.tokens = tokens;
		this.log = log;
	}

	/** The request tells which session or token made the change, so that one stays signed in. */
	public void changePassword(BangfuUser user, String oldPassword, String newPassword, HttpServletRequest request) {
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

	/** Ends the token the request came with (a page session has none; the adapter ends that). */
	public void logOut(HttpServletRequest request) {
		if (request.getAttribute(BearerTokenFilter.TOKEN_ATTRIBUTE) instanceof String token) {
			tokens.revoke(token);
		}
	}

	/** Ends every web session and token of the account (the caller's own session is the adapter's to end). */
	public void logOutEverywhere(BangfuUser user) {
		accounts.endAllSessions(user.id());
		log.record(user.id(), "auth.logout-all", "account:" + user.id(), null, null);
	}
}
