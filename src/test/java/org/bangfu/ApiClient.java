package org.bangfu;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running application: what a script or the mobile app would send. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final Runnable beforeRead;

	public ApiClient(int port) {
		this(port, () -> {
		});
	}

	/** {@code beforeRead} runs before each GET: the tests let the asynchronous listeners finish, as a person's next look would. */
	public ApiClient(int port, Runnable beforeRead) {
		this.base = "http://localhost:" + port;
		this.beforeRead = beforeRead;
	}

	public record Answer(int status, String contentType, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}
	}

	public Answer get(String path) {
		return get(path, null);
	}

	public Answer get(String path, String token) {
		beforeRead.run();
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (token != null) b.header("Authorization", "Bearer " + token);
		return send(b);
	}

	public Answer post(String path, String json, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8));
		if (token != null) b.header("Authorization", "Bearer " + token);
		return send(b);
	}

	public Answer postWithHeader(String path, String json, String token, String header, String value) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8));
		if (token != null) b.header("Authorization", "Bearer " + token);
		return send(b);
	}

	public Answer delete(String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
		if (token != null) b.header("Authorization", "Bearer " + token);
		return send(b);
	}

	public Answer put(String path, String json, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (token != null) b.header("Authorization", "Bearer " + token);
		return send(b);
	}

	/** Posts one file as multipart/form-data under the field name, as a phone's upload form would. */
	public Answer postFile(String path, String field, String fileName, String contentType, byte[] content, String token) {
		String boundary = "----bangfu" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			// one array, so that the request declares its length as browsers and curl do (RequestLimits refuses uploads without)
			.POST(HttpRequest.BodyPublishers.ofByteArray(concat(head, content, tail)));
		if (token != null) b.header("Authorization", "Bearer " + token);
		return send(b);
	}

	/** Logs in through the API and answers the bearer token. */
	public String login(String phone, String password) {
		Answer a = post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"password\":\"" + password + "\"}", null);
		if (a.status() != 200) {
			throw new IllegalStateException("login of " + phone + " failed: " + a);
		}
		return a.json().get("token").asString();
	}

	private Answer send(HttpRequest.Builder b) {
		try {
			HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
		for (byte[] p : parts) {
			all.writeBytes(p);
		}
		return all.toByteArray();
	}
}
