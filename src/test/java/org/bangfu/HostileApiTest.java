package org.bangfu;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the application's own OpenAPI description, called with hostile values — wrong
 * types, empty, huge, control characters, bad encodings, malformed JSON and multipart — anonymously, as
 * a donor and as the city office: none may answer 5xx. It reads the description at run time, so an
 * operation added later is covered without touching this test (issue 12).
 */
class HostileApiTest extends ApplicationTest {

	/** Values for path and query parameters: never a real id, so nothing real is changed. */
	private static final List<String> HOSTILE_VALUES = List.of("", "-1", "99999999999999999999", "abc", "1.5", "%00", "%E4%B8",
			"%27%20OR%201%3D1--", "x".repeat(3000), "%0D%0AX-Injected:%201", "..%2F..%2Fetc%2Fpasswd");

	/** JSON bodies: malformed, the wrong shape, wrong types, control characters, huge numbers. */
	private static final List<String> HOSTILE_JSON = List.of("", "{", "[]", "null", "\"text\"", "{}", "{\"a\":", "[{}]",
			"{\"phone\":123,\"password\":[],\"quantity\":\"many\",\"items\":\"none\",\"amountFen\":1e400,\"regionCode\":{}}",
			"{\"quantity\":-5,\"amountFen\":-1,\"items\":[{\"itemId\":\"x\",\"quantity\":99999999999999}],\"title\":\"\\u0000\\u0007\"}",
			"{\"name\":\"" + "长".repeat(20_000) + "\",\"regionCode\":\"430421\",\"categories\":[\"NOPE\"],\"budgetFen\":9223372036854775807}",
			"\u0000\u0001\u0002", "{\"text\":\"\\ud800\"}");

	/** Operations that would end the sessions the test itself runs on; they are called anonymously only. */
	private static final Set<String> SESSION_ENDING = Set.of("/api/v1/auth/logout", "/api/v1/auth/logout-all");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<String> failures = new ArrayList<>();

	private int requests;

	@Test
	void noOperationAnswers5xxToHostileInput() throws Exception {
		JsonNode paths = api().get("/v3/api-docs").json().get("paths");
		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("anonymous", null);
		callers.put("donor", api().login("13800000022", DEMO_PASSWORD));
		callers.put("city", api().login("13800000001", DEMO_PASSWORD));
		for (String path : paths.propertyNames()) {
			JsonNode item = paths.get(path);
			for (String method : item.propertyNames()) {
				JsonNode operation = item.get(method);
				for (Map.Entry<String, String> caller : callers.entrySet()) {
					if (caller.getValue() != null && SESSION_ENDING.contains(path)) {
						continue;
					}
					exercise(method.toUpperCase(), path, operation, caller.getValue(), caller.getKey());
				}
			}
		}
		System.out.println("HostileApiTest: " + requests + " requests to " + paths.size() + " paths");
		assertThat(failures).as("answers 5xx (%d requests)", requests).isEmpty();
		assertThat(requests).as("the description lists the API").isGreaterThan(500);
	}

	private void exercise(String method, String template, JsonNode operation, String token, String who) throws Exception {
		List<String> queryNames = new ArrayList<>();
		for (JsonNode p : operation.path("parameters")) {
			if ("query".equals(p.path("in").asString())) {
				queryNames.add(p.get("name").asString());
			}
		}
		boolean multipart = operation.path("requestBody").path("content").has("multipart/form-data");
		boolean json = operation.path("requestBody").path("content").has("application/json");
		for (String value : HOSTILE_VALUES) {
			String path = template.replaceAll("\\{[^}]+}", value.isEmpty() ? "%20" : value);
			StringBuilder query = new StringBuilder();
			for (String name : queryNames) {
				query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
			}
			send(method, path + query, json ? "{}" : null, "application/json", token, who);
		}
		// a well-formed path with an id nobody has, and each hostile body
		String path = template.replaceAll("\\{[^}]+}", "987654321");
		if (json || (!multipart && !method.equals("GET") && !method.equals("DELETE"))) {
			for (String body : HOSTILE_JSON) {
				send(method, path, body, "application/json", token, who);
			}
		}
		if (multipart) {
			send(method, path, "--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nno end", "multipart/form-data; boundary=X",
					token, who);
			send(method, path, "garbage without any boundary", "multipart/form-data; boundary=B", token, who);
			send(method, path, "", "multipart/form-data", token, who);
			send(method, path, "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.csv\"\r\n\r\n\u0000\u00ff\r\n--B--\r\n",
					"multipart/form-data; boundary=B", token, who);
			send(method, path, "--B\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"x.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
					+ "\u00ff\u00d8\u00ff\u00e0 truncated\r\n--B--\r\n", "multipart/form-data; boundary=B", token, who);
		}
	}

	private void send(String method, String pathAndQuery, String body, String contentType, String token, String who) throws Exception {
		URI uri;
		try {
			uri = URI.create("http://localhost:" + port + pathAndQuery);
		}
		catch (IllegalArgumentException e) {
			uri = URI.create("http://localhost:" + port + URLEncoder.encode(pathAndQuery, StandardCharsets.UTF_8).replace("%2F", "/").replace("%3F", "?")
				.replace("%3D", "=").replace("%26", "&"));
		}
		HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
		HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1.newEncoder().canEncode(body)
						? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
		b.method(method, publisher);
		if (body != null) {
			b.header("Content-Type", contentType);
		}
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> answer;
		try {
			answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException e) {
			failures.add("no answer: " + method + " " + pathAndQuery.substring(0, Math.min(pathAndQuery.length(), 120)) + " as " + who + ": " + e);
			return;
		}
		requests++;
		if (answer.statusCode() >= 500) {
			failures.add(answer.statusCode() + " " + method + " " + pathAndQuery.substring(0, Math.min(pathAndQuery.length(), 120)) + " as " + who
					+ (body == null ? "" : " body " + body.substring(0, Math.min(body.length(), 60)).replace("\r\n", "⏎")) + " → "
					+ answer.body().substring(0, Math.min(answer.body().length(), 120)));
		}
	}
}
