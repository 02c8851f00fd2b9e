package org.bangfu.account;

import java.time.Clock;
import java.util.List;

import org.bangfu.shared.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Two ways in: the JSON API under /api with bearer tokens and no session (so no CSRF to forge), and
 * the pages with a session cookie, form login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Accounts accounts, ProblemResponses problems,
			@Value("${bangfu.metrics.allowed-addresses:}") List<String> metricsAddresses)
			throws Exception {
		http.securityMatcher("/api/**", "/actuator/prometheus")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenFilter(tokens, accounts), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED, "error.unauthenticated"))
				.accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN, "error.forbidden")))
			.authorizeHttpRequests(a -> a
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/sms-codes", "/api/v1/auth/register",
						"/api/v1/auth/register-household").permitAll()
				// a payment gateway's notification: trusted by its HMAC signature, not by a login (fund.GatewayNotifications)
				.requestMatchers(HttpMethod.POST, "/api/v1/fund/gateway/notify").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/regions/**", "/api/v1/needs", "/api/v1/needs/category-rules",
						"/api/v1/stats/matching-rate", "/api/v1/stats/overview", "/api/v1/offers", "/api/v1/fund", "/api/v1/fund/ledger", "/api/v1/fund/ledger/verify").permitAll()
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/api/v1/offers/\\d+(\\?.*)?")).permitAll()
				// the public need page and "report this need": numeric ids only, so /needs/mine and the like stay signed in
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/api/v1/needs/\\d+(/pledges|/thanks|/money|/payments)?(\\?.*)?")).permitAll()
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.POST, "/api/v1/needs/\\d+/reports(\\?.*)?")).permitAll()
				// 扶贫榜样 is public (names masked for the public by the assessment module)
				.requestMatchers(HttpMethod.GET, "/api/v1/assessment/rankings").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/news").permitAll()
				// exchange between nodes (issue 18): the signature authenticates a message; the node's key and remote needs are public
				.requestMatchers(HttpMethod.POST, "/api/v1/exchange/messages").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/exchange/node", "/api/v1/exchange/needs").permitAll()
				// social organisations' public list and pages (issue 17): figures and masked names only
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/api/v1/organisations(/\\d+)?(\\?.*)?")).permitAll()
				// a registration unit's QR code and printables: made to be posted in public (issue 17)
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/api/v1/units/\\d+/(qr|poster|badge)\\.(png|pdf)(\\?.*)?")).permitAll()
				.requestMatchers("/api/v1/admin/sms-outbox").hasRole("CITY_ADMIN")
				// metrics tell heap, pool and per-URI counts: for the city office's token, or a scraper at a configured address
				.requestMatchers("/actuator/prometheus").access(metricsAccess(metricsAddresses))
				.anyRequest().authenticated());
		strictHeaders(http);
		return http.build();
	}

	/**
	 * A strict Content-Security-Policy: scripts (htmx, ECharts, our own) only from this origin and never
	 * inline, no plugins, no framing, forms only to this origin; styles may be inline (progress bars set
	 * their width, htmx adds its indicator style). Also no referrer to other sites beyond the origin, and
	 * no camera, microphone or position for any page.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static void strictHeaders(HttpSecurity http) throws Exception {
		http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")));
	}

	private static AuthorizationManager<RequestAuthorizationContext> metricsAccess(
			List<String> addresses) {
		var cityAdmin = AuthorityAuthorizationManager.<RequestAuthorizationContext>hasRole("CITY_ADMIN");
		var matchers = addresses.stream().map(String::strip).filter(a -> !a.isEmpty())
			.map(IpAddressMatcher::new).toList();
		return AuthorizationManagers.anyOf(cityAdmin,
				(authentication, context) -> new AuthorizationDecision(
						matchers.stream().anyMatch(m -> m.matches(context.getRequest()))));
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, Login login, Accounts accounts, Clock clock) throws Exception {
		http.authorizeHttpRequests(a -> a
				.requestMatchers("/", "/login", "/login/**", "/register", "/register/**", "/regions", "/regions/**", "/statistics", "/statistics.xlsx", "/error",
						"/favicon.ico", "/robots.txt", "/manifest.webmanifest", "/sw.js", "/offline", "/css/**", "/js/**", "/img/**", "/webjars/**", "/actuator/health", "/actuator/health/**",
						"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/needs").permitAll()
				// social organisations' public pages and an ambassador's share link (issue 17)
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/organisations(/\\d+)?(\\?.*)?")).permitAll()
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/a/[A-Za-z0-9-]{1,20}(\\?.*)?")).permitAll()
				// the public offer list and an offer's page; /offers/new, /offers/mine and every POST stay signed in
				.requestMatchers(HttpMethod.GET, "/offers").permitAll()
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/offers/\\d+(\\?.*)?")).permitAll()
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/needs/\\d+(/qr\\.png|/photos/\\d+(-thumb|-w\\d+)?\\.jpg)?(\\?.*)?")).permitAll()
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.POST, "/needs/\\d+/report(\\?.*)?")).permitAll()
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/needs/\\d+/pledging(\\?.*)?")).permitAll()
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/launches/\\d+(/live)?(\\?.*)?")).permitAll()
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/pledges/\\d+/receipt(-w\\d+)?\\.jpg")).permitAll()
				// the fund's public pages; a gift's POST answers "log in first" itself (401 on the give page), not with the login redirect
				.requestMatchers(HttpMethod.GET, "/fund", "/fund/ledger", "/fund/reports", "/fund/reports.xlsx").permitAll()
				.requestMatchers(HttpMethod.GET, "/assessment/fragments/attainment").permitAll() // counts only: the public statistics page embeds it
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/fund/needs/\\d+/money(\\?.*)?")).permitAll()
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.POST, "/fund/needs/\\d+/gifts(\\?.*)?")).permitAll()
				.requestMatchers(HttpMethod.GET, "/assessment/rankings").permitAll()
				.requestMatchers(HttpMethod.GET, "/news").permitAll() // published news and stories (issue 17): nothing personal
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/exchange/needs(/\\d+/\\d+)?(\\?.*)?")).permitAll() // remote needs (issue 18)
				.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "/news/\\d+(/photo\\.jpg)?(\\?.*)?")).permitAll()
				.requestMatchers(HttpMethod.GET, "/join/**", "/units/ranking").permitAll() // registration drives' links, guide, ranking (issue 17)
				.requestMatchers("/admin/sms-outbox").hasRole("CITY_ADMIN")
				.anyRequest().authenticated())
			.authenticationProvider(new SessionLogin.PasswordProvider(login))
			.addFilterAfter(new SessionLogin.FreshUser(accounts), SecurityContextHolderFilter.class)
			.formLogin(f -> f.loginPage("/login")
				.usernameParameter("phone")
				.successHandler(afterLogin(clock))
				.failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?error="
						+ (ex instanceof LockedException ? "locked" : "failed"))))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"));
		strictHeaders(http);
		return http.build();
	}

	/**
	 * After a password login: back to the page that asked for it (a donor who pressed "登录后认领" lands
	 * on the pledge form), else where the user's work is ({@link LandingPage}).
	 */
	private static org.springframework.security.web.authentication.AuthenticationSuccessHandler afterLogin(Clock clock) {
		var saved = new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response, org.springframework.security.core.Authentication auth) {
				return auth.getPrincipal() instanceof BangfuUser user ? LandingPage.forUser(user) : "/me";
			}
		};
		return (req, res, auth) -> {
			req.getSession().setAttribute(SessionLogin.AUTHENTICATED_AT, clock.instant());
			saved.onAuthenticationSuccess(req, res, auth);
		};
	}
}
