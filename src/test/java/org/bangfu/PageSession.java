package org.bangfu;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session on the pages (cookie and CSRF), for the pages that bearer tokens do not open. */
public final class PageSession {

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	public PageSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in with the demo password (anonymous when phone is null). */
	public PageSession login(String phone) throws Exception {
		if (phone == null) {
			return this;
		}
		String form = get("/login").text();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		if (!csrf.find()) {
			throw new AssertionError("no CSRF token on the login page");
		}
		http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("phone=" + phone + "&password=" + URLEncoder.encode(ApplicationTest.DEMO_PASSWORD,
					StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.discarding());
		return this;
	}

	public record Page(int status, byte[] body) {

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	public Page get(String path) throws Exception {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Page(r.statusCode(), r.body());
	}
}
