package org.bangfu.stats;

import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixed points that outside scripts rely on (DESIGN.md §7). */
class OperationsEndpointsTest extends ApplicationTest {

	@Test
	void healthIsUpOnceTheDatabaseIsMigrated() {
		Answer health = api().get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.body()).doesNotContain("components", "details");
		Answer readiness = api().get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void openApiDescribesTheApi() {
		Answer docs = api().get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames())
			.contains("/api/v1/regions/{code}", "/api/v1/regions/{code}/children", "/api/v1/auth/login", "/api/v1/me");
		assertThat(docs.json().get("paths").get("/api/v1/households/imports").get("post").get("requestBody").get("content").propertyNames())
			.as("the registry import takes a file").containsExactly("multipart/form-data");
	}

	@Test
	void prometheusMetricsAreForTheCityOfficeOnly() {
		assertThat(api().get("/actuator/prometheus").status()).as("anonymous").isEqualTo(401);
		assertThat(api().get("/actuator/prometheus", api().login("13800000002", DEMO_PASSWORD)).status()).as("a county admin").isEqualTo(403);
		Answer metrics = api().get("/actuator/prometheus", api().login("13800000001", DEMO_PASSWORD));
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
	}

	@Test
	void theHomePageShowsLiveCounts() {
		Answer home = api().get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("衡阳市", "<strong>14</strong>", "<strong>191</strong>", "<strong>2785</strong>");
		long stations = jdbc.sql("SELECT count(*) FROM station").query(Long.class).single();
		assertThat(home.body()).contains("<strong>" + stations + "</strong>");
	}

	@Test
	void englishIsAvailableOnRequest() {
		assertThat(api().get("/?lang=en").body()).contains("Every poor household");
		assertThat(api().get("/").body()).contains("让每一户贫困家庭");
	}

	/** Behind a TLS-terminating proxy (X-Forwarded-Proto from a loopback or private address) the session cookie is Secure. */
	@Test
	void behindAnHttpsProxyTheSessionCookieIsSecure() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		var direct = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login")).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(direct.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").doesNotContain("Secure"));
		var proxied = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
			.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9").build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure", "HttpOnly"));
	}
}
