package org.bangfu.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.SecondAppNode;
import org.bangfu.shared.ClusterLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two application nodes on one database (issue 19): node A is the test context, node B a {@link SecondAppNode}. A
 * session made on one is good on the other, a limit is counted by both together, and work under a {@link ClusterLock}
 * runs on one node at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoAppNodesTest extends ApplicationTest {

	/** The demo village officer (his page session holds the offline drafts' key). */
	private static final String OFFICER = "13800000004";

	@Autowired
	DataSource dataSource;

	@Autowired
	ClusterLock lockA;

	SecondAppNode b;

	@BeforeAll
	void startNodeB() {
		b = SecondAppNode.start(dataSource);
	}

	@AfterAll
	void stopNodeB() {
		if (b != null) {
			b.close();
		}
	}

	@Test
	void aSessionMadeOnOneNodeServesOnTheOtherAndEndsOnBoth() throws Exception {
		Browser browser = new Browser();
		String a = "http://localhost:" + port;
		assertThat(browser.get(b.url() + "/me").statusCode()).as("not signed in yet").isEqualTo(302);
		browser.login(a, OFFICER);

		HttpResponse<String> me = browser.get(b.url() + "/me");
		assertThat(me.statusCode()).as("the page on node B, with node A's session").isEqualTo(200);
		// an API call on B with the session (the offline drafts' key, kept in the session), the same key from A
		HttpResponse<String> keyOnB = browser.post(b.url() + "/api/v1/offline/key", browser.csrf(b.url()));
		assertThat(keyOnB.statusCode()).as(keyOnB.body()).isEqualTo(200);
		HttpResponse<String> keyOnA = browser.post(a + "/api/v1/offline/key", browser.csrf(a));
		assertThat(keyOnA.statusCode()).isEqualTo(200);
		assertThat(keyOf(keyOnA.body())).as("the session's key, stored in the database").isEqualTo(keyOf(keyOnB.body()));

		// an upload is let in by the session found in the database (the request limits look for it before security)
		HttpResponse<String> upload = browser.multipart(b.url() + "/api/v1/offline/drafts", browser.csrf(b.url()));
		assertThat(upload.statusCode()).as(upload.body()).isNotIn(401, 500);

		browser.logout(b.url());
		assertThat(browser.get(a + "/me").statusCode()).as("logged out on B: gone on A too").isEqualTo(302);
	}

	@Test
	void wrongPasswordsAreCountedByBothNodesTogether() throws Exception {
		String phone = newPhone();
		ApiClient[] nodes = { api(), b.api() };
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				ApiClient node = nodes[i % 2];
				answers.add(pool.submit(() -> {
					go.await();
					return node.post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"password\":\"Wrong2026\"}", null).status();
				}));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : answers) {
				statuses.add(f.get(30, TimeUnit.SECONDS));
			}
			assertThat(statuses).as("five tries for the phone across both nodes, then 429").filteredOn(s -> s == 429).hasSize(15);
			assertThat(statuses).filteredOn(s -> s != 429).hasSize(5).allMatch(s -> s == 401);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void workUnderAClusterLockRunsOnOneNodeWhenBothTickAtOnce() throws Exception {
		ClusterLock lockB = b.bean(ClusterLock.class);
		AtomicInteger ran = new AtomicInteger();
		CyclicBarrier tick = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> runs = new ArrayList<>();
			for (ClusterLock node : List.of(lockA, lockB)) {
				runs.add(pool.submit(() -> {
					tick.await();
					return node.runIfFree("test.two-nodes-tick", () -> {
						ran.incrementAndGet();
						sleep(700);
					});
				}));
			}
			assertThat(List.of(runs.get(0).get(10, TimeUnit.SECONDS), runs.get(1).get(10, TimeUnit.SECONDS))).containsOnlyOnce(true);
			assertThat(ran).hasValue(1);
			// released after the body, also when it fails; the next tick finds it free
			assertThat(lockB.runIfFree("test.two-nodes-tick", () -> ran.incrementAndGet())).isTrue();
			try {
				lockA.runIfFree("test.two-nodes-tick", () -> {
					throw new IllegalStateException("the task failed");
				});
			}
			catch (IllegalStateException expected) {
				// the task's own failure goes to its caller
			}
			assertThat(lockB.runIfFree("test.two-nodes-tick", ran::incrementAndGet)).isTrue();
			assertThat(ran).hasValue(3);
			// an exchange link is sent by one node at a time: B skips the link A is sending, not another link
			CountDownLatch sending = new CountDownLatch(1);
			CountDownLatch done = new CountDownLatch(1);
			Future<Boolean> onA = pool.submit(() -> lockA.runIfFree("exchange.link:430000", () -> {
				sending.countDown();
				await(done);
			}));
			sending.await(5, TimeUnit.SECONDS);
			assertThat(lockB.runIfFree("exchange.link:430000", ran::incrementAndGet)).isFalse();
			assertThat(lockB.runIfFree("exchange.link:430100", ran::incrementAndGet)).isTrue();
			done.countDown();
			assertThat(onA.get(5, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String keyOf(String json) {
		Matcher m = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return m.group(1);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** One browser (one cookie jar) sent to either node: cookies do not depend on the port, as behind a load balancer. */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		void login(String base, String phone) throws Exception {
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(base + "/login").body());
			assertThat(csrf.find()).isTrue();
			HttpResponse<String> r = form(base + "/login", "phone=" + phone + "&password="
					+ URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1));
			assertThat(r.statusCode()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		}

		HttpResponse<String> get(String url) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		String csrf(String base) throws Exception {
			Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(get(base + "/me").body());
			assertThat(m.find()).as("CSRF meta tag").isTrue();
			return m.group(1);
		}

		HttpResponse<String> post(String url, String csrf) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> multipart(String url, String csrf) throws Exception {
			String body = "--b0undary\r\nContent-Disposition: form-data; name=\"draft\"\r\nContent-Type: application/json\r\n\r\n{}\r\n--b0undary--\r\n";
			return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-CSRF-TOKEN", csrf)
				.header("Content-Type", "multipart/form-data; boundary=b0undary").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		void logout(String base) throws Exception {
			assertThat(form(base + "/logout", "_csrf=" + URLEncoder.encode(csrf(base), StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
		}

		private HttpResponse<String> form(String url, String body) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
