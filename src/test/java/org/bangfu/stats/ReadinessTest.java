package org.bangfu.stats;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness means "a user can log in": the application started fresh in its own JVM answers
 * /actuator/health/readiness UP only after the demo accounts exist, so the first login tried the moment
 * it is ready succeeds (it once reported UP about 20 s before the seed was done).
 */
class ReadinessTest {

	@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
	Path dataDir;

	@Test
	void readyMeansTheDemoAccountsCanLogIn() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), "org.bangfu.BangfuApplication", "--bangfu.data-dir=" + dataDir,
				"--server.port=" + port, "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())
			.start();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			Instant until = Instant.now().plus(Duration.ofMinutes(3));
			int readiness = 0;
			while (Instant.now().isBefore(until) && app.isAlive()) {
				readiness = status(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build());
				if (readiness == 200) {
					break;
				}
				Thread.sleep(50);
			}
			assertThat(readiness).as("readiness answered UP").isEqualTo(200);
			int login = status(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"13800000004\",\"password\":\"Bangfu@2017\"}"))
				.build());
			assertThat(login).as("the first login once ready").isEqualTo(200);
			assertThat(status(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build())).isEqualTo(200);
		}
		finally {
			app.destroy();
			app.waitFor();
		}
	}

	private static int status(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException e) {
			return 0; // not listening yet
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}
}
