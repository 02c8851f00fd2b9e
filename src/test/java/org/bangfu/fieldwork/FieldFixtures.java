package org.bangfu.fieldwork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.need.NeedFixtures;
import org.bangfu.region.Regions;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Officers, households and HTTP sessions of 湖南衡阳高新技术产业园区 (430476) for the offline collection tests: 华兴街道
 * (430476001), its villages 银光社区 (…004) and 金山社区 (…005). Households are written with sealed personal data
 * ({@link NeedFixtures#household}).
 */
final class FieldFixtures {

	static final String TOWNSHIP = "430476001";

	static final String VILLAGE = "430476001004";

	static final String OTHER_VILLAGE = "430476001005";

	static final String DONOR = "13800000021";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FieldFixtures() {
	}

	/** A new staff account with one grant (demo password); its phone. */
	static String staff(Accounts accounts, Regions regions, String name, Role role, String regionCode) {
		String phone = "136" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
		long id = accounts.create(new Accounts.NewAccount(phone, name, ApplicationTest.DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(new RegionCode(regionCode)), null);
		return phone;
	}

	static long household(JdbcClient jdbc, PersonalData personalData, String village, String head, boolean consent) {
		return NeedFixtures.household(jdbc, personalData, village, head, consent);
	}

	/** The household's entry in the officer's pack. */
	static JsonNode entry(ApiClient api, String token, long householdId) {
		ApiClient.Answer pack = api.get("/api/v1/offline/pack", token);
		if (pack.status() != 200) {
			throw new AssertionError(pack.body());
		}
		for (JsonNode h : pack.json().get("households")) {
			if (h.get("id").asLong() == householdId) {
				return h;
			}
		}
		throw new AssertionError("household " + householdId + " not in the pack");
	}

	/** A draft of an OTHER need (no photo required, item cap 2,000 yuan) for the household, as JSON. */
	static String draft(String key, long householdId, String version, long valueFen, String consentJson, boolean confirmation) {
		return """
				{"draftKey":"%s","householdId":%d,"householdVersion":"%s","category":"OTHER","title":"冬天缺棉被",
				 "description":"老人过冬缺棉被，屋里很冷，想要两床厚棉被。",
				 "items":[{"kind":"生活用品","name":"棉被","quantity":2,"unit":"床","valueFen":%d}],
				 "consent":%s,"confirmation":%s,"draftedAt":"2026-12-07T02:15:00Z"}"""
			.formatted(key, householdId, version, valueFen, consentJson == null ? "null" : consentJson,
					confirmation ? "{\"method\":\"FORM\",\"recordedAt\":\"2026-12-07T02:20:00Z\"}" : "null");
	}

	record Part(String name, String fileName, String contentType, byte[] content) {

		static Part json(String name, String json) {
			return new Part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
		}

		static Part file(String name, String fileName, String contentType, byte[] content) {
			return new Part(name, fileName, contentType, content);
		}
	}

	static byte[] multipart(String boundary, List<Part> parts) {
		java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
		for (Part p : parts) {
			all.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
					+ (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"") + "\r\nContent-Type: " + p.contentType() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			all.writeBytes(p.content());
			all.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return all.toByteArray();
	}

	/** Sends a draft with a bearer token, as a script would. */
	static ApiClient.Answer send(int port, String token, List<Part> parts) {
		String boundary = "----field" + System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/offline/drafts"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts)))
			.build();
		try {
			HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new ApiClient.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static List<Part> parts(String draftJson, int photos, boolean consentForm, boolean confirmationForm) {
		List<Part> parts = new ArrayList<>();
		parts.add(Part.json("draft", draftJson));
		for (int i = 0; i < photos; i++) {
			parts.add(Part.file("photo", "p" + i + ".jpg", "image/jpeg", NeedFixtures.jpeg(320, 240)));
		}
		if (consentForm) {
			parts.add(Part.file("consentForm", "consent.png", "image/png", NeedFixtures.png(120, 160)));
		}
		if (confirmationForm) {
			parts.add(Part.file("confirmationForm", "confirm.png", "image/png", NeedFixtures.png(120, 160)));
		}
		return parts;
	}

	/** A browser's session on the site: the login form, the page's CSRF token, the offline API through the cookie. */
	static final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final String base;

		Browser(int port) {
			this.base = "http://localhost:" + port;
		}

		Browser login(String phone) throws Exception {
			String form = text(get("/login"));
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
			if (!csrf.find()) {
				throw new AssertionError("no CSRF token on the login page");
			}
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("phone=" + phone + "&password="
						+ URLEncoder.encode(ApplicationTest.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
				throw new AssertionError("login failed: " + r.statusCode() + " " + r.headers());
			}
			return this;
		}

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		/** The CSRF token of a page (its meta tag), as the /field page's script reads it. */
		String csrf() throws Exception {
			Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(text(get("/me")));
			if (!m.find()) {
				throw new AssertionError("no CSRF meta tag");
			}
			return m.group(1);
		}

		HttpResponse<String> post(String path, String csrf) throws Exception {
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
			if (csrf != null) {
				b.header("X-CSRF-TOKEN", csrf);
			}
			return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		}

		void logout() throws Exception {
			http.send(HttpRequest.newBuilder(URI.create(base + "/logout"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf(), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding());
		}

		private static String text(HttpResponse<String> r) {
			return r.body();
		}
	}

	/** Asserts a refused draft's answer: its status, its first problem's code and a message; the body. */
	static JsonNode problem(ApiClient.Answer a, int status, String code) {
		org.assertj.core.api.Assertions.assertThat(a.status()).as(a.body()).isEqualTo(status);
		JsonNode body = a.json();
		org.assertj.core.api.Assertions.assertThat(body.get("problems").get(0).get("code").asString()).isEqualTo(code);
		org.assertj.core.api.Assertions.assertThat(body.get("problems").get(0).get("message").asString()).isNotBlank();
		return body;
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}
}
