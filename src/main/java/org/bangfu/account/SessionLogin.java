package org.bangfu.account;

import org.bangfu.shared.web.FailureStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.bangfu.shared.BadInputException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The page side of logging in: the password form goes through Spring Security's form login with
 * {@link PasswordProvider} (so lockout applies as in the API); the SMS-code form signs in through
 * {@link #signIn}. Every request then re-reads the account ({@link FreshUser}), so a revoked grant or
 * "log out everywhere" takes effect at once rather than at the next login.
 */
public final class SessionLogin {

	static final String AUTHENTICATED_AT = SessionLogin.class.getName() + ".at";

	private SessionLogin() {
	}

	public static void signIn(BangfuUser user, HttpServletRequest request, HttpServletResponse response, Clock clock) {
		request.changeSessionId(); // no session fixation
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		REPOSITORY.saveContext(context, request, response);
		request.getSession().setAttribute(AUTHENTICATED_AT, clock.instant());
	}

	static final SecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

	/** Phone + password for the login form, through {@link Login}: the same rules and lockout as the API. */
	static final class PasswordProvider implements AuthenticationProvider {

		private final Login login;

		PasswordProvider(Login login) {
			this.login = login;
		}

		@Override
		public Authentication authenticate(Authentication authentication) throws AuthenticationException {
			try {
				BangfuUser user = login.withPassword(authentication.getName(), String.valueOf(authentication.getCredentials()));
				return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
			}
			catch (BadInputException e) {
				if (FailureStatus.of(e).value() == 429) {
					throw new LockedException(e.messageKey());
				}
				throw new BadCredentialsException(e.messageKey());
			}
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}
	}

	/** Replaces the session's principal by the account as it is now, or ends the session if it must end. */
	static final class FreshUser extends OncePerRequestFilter {

		private final Accounts accounts;

		FreshUser(Accounts accounts) {
			this.accounts = accounts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof BangfuUser stale) {
				HttpSession session = request.getSession(false);
				BangfuUser fresh = accounts.findById(stale.id()).orElse(null);
				Instant at = session == null ? null : (Instant) session.getAttribute(AUTHENTICATED_AT);
				boolean ended = fresh == null || (fresh.sessionsValidAfter() != null && (at == null || at.isBefore(fresh.sessionsValidAfter())));
				if (ended) {
					SecurityContextHolder.clearContext();
					if (session != null) {
						session.invalidate();
					}
				}
				else {
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
					SecurityContextHolder.setContext(context);
				}
			}
			chain.doFilter(request, response);
		}
	}
}
