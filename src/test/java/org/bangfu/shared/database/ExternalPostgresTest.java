package org.bangfu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.bangfu.BangfuApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bangfu on an external PostgreSQL with a streaming replica: the servers {@code scripts/test-postgres.sh start} makes
 * (.ci/run starts them and exports BANGFU_TEST_PG_*). Without them every test here is skipped, saying so. Each run
 * makes the database {@code bangfu_ext} afresh on the primary (the replica follows) and starts the application on it
 * with the replica configured; docs/operations.md, "External PostgreSQL with a read replica".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalPostgresTest {

	private static final String PRIMARY = setting("BANGFU_TEST_PG_PRIMARY");

	private static final String REPLICA = setting("BANGFU_TEST_PG_REPLICA");

	private static final String USER = setting("BANGFU_TEST_PG_USER");

	private static final String PASSWORD = setting("BANGFU_TEST_PG_PASSWORD");

	private static ConfigurableApplicationContext app;

	private static ReplicaReads reads;

	private static JdbcClient primary;

	private static int port;

	private static long poster;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static String setting(String name) {
		String value = System.getProperty(name.toLowerCase().replace('_', '.'), System.getenv(name));
		return value == null || value.isBlank() ? null : value;
	}

	private static String database(String url, String name) {
		return url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
	}

	private static final boolean SERVERS = PRIMARY != null && REPLICA != null;

	@BeforeAll
	static void startOnTheExternalDatabase() {
		if (!SERVERS) {
			return;
		}
		JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(PRIMARY, USER, PASSWORD));
		admin.sql("DROP DATABASE IF EXISTS bangfu_ext WITH (FORCE)").update();
		// template1 of the test servers has pg_trgm and a UTF-8 LC_CTYPE (scripts/test-postgres.sh)
		admin.sql("CREATE DATABASE bangfu_ext").update();
		app = new SpringApplicationBuilder(BangfuApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + database(PRIMARY, "bangfu_ext"), "--spring.datasource.username=" + USER,
				"--spring.datasource.password=" + PASSWORD, "--bangfu.datasource.replica.url=" + database(REPLICA, "bangfu_ext"),
				"--bangfu.datasource.replica.username=" + USER, "--bangfu.datasource.replica.password=" + PASSWORD,
				"--bangfu.datasource.replica.max-lag=2s", "--bangfu.datasource.replica.check-every=200ms", "--bangfu.demo=false",
				"--bangfu.data-dir=" + Path.of(System.getProperty("bangfu.data-dir", "target/test-data"), "external-pg"),
				"--spring.application.name=bangfu-external");
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
		reads = app.getBean(ReplicaReads.class);
		primary = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
		poster = primary.sql("""
				INSERT INTO account (phone_hash, phone_cipher, name, password_hash, created_at)
				VALUES (NULL, NULL, '外部库测试', 'x', now()) RETURNING id""").query(Long.class).single();
	}

	/** Each test, not the class, is skipped, so that the report names every one with the reason. */
	@BeforeEach
	void needsTheServers() {
		assumeTrue(SERVERS, "no external PostgreSQL: run scripts/test-postgres.sh start and export what it prints (.ci/run does)");
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	@Order(1)
	void aNeedPublishedOnThePrimaryIsListedFromTheReplica() throws Exception {
		await(reads::replicaServes, "the replica serves once it has replayed the schema");
		Boolean inRecovery = reads.read(db -> db.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single());
		assertThat(inRecovery).isTrue();
		String title = need("外部库副本读取");
		long before = reads.replicaReads();
		await(() -> list().contains(title), "the need reaches the public list through the replica");
		assertThat(reads.replicaReads()).isGreaterThan(before);
	}

	@Test
	@Order(2)
	void aLaggingReplicaIsLeftForThePrimaryAfterMaxLag() throws Exception {
		JdbcClient replicaAdmin = JdbcClient.create(new DriverManagerDataSource(database(REPLICA, "bangfu_ext"), "postgres", ""));
		replicaAdmin.sql("SELECT pg_wal_replay_pause()").query().singleValue();
		try {
			String title = need("外部库副本滞后");
			await(() -> !reads.replicaServes(), "reads leave the replica once it is 2 s behind");
			long before = reads.primaryReads();
			assertThat(list()).contains(title);
			assertThat(reads.primaryReads()).isGreaterThan(before);
		}
		finally {
			replicaAdmin.sql("SELECT pg_wal_replay_resume()").query().singleValue();
		}
		await(reads::replicaServes, "the replica serves again once it has caught up");
	}

	@Test
	@Order(3)
	void theReplicaDownTheListAnswersFromThePrimary() throws Exception {
		pgCtl("replica", "stop", "-m", "fast");
		try {
			String title = need("外部库副本停机");
			HttpResponse<String> page = get("/needs?region=430421");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains(title);
			assertThat(reads.replicaServes()).isFalse();
		}
		finally {
			pgCtl("replica", "start", "-w", "-l", Path.of(setting("BANGFU_TEST_PG_DIR"), "replica.log").toString());
		}
		await(reads::replicaServes, "the replica serves again once it is back");
	}

	@Test
	@Order(4)
	void thePrimaryRestartingLosesNoAcknowledgedWrite() throws Exception {
		String title = need("外部库主库重启");
		pgCtl("primary", "restart", "-m", "fast", "-w", "-l", Path.of(setting("BANGFU_TEST_PG_DIR"), "primary.log").toString());
		await(() -> {
			try {
				return get("/actuator/health/readiness").statusCode() == 200 && list().contains(title);
			}
			catch (Exception e) {
				return false;
			}
		}, "the application reconnects and the acknowledged need is there");
		assertThat(primary.sql("SELECT count(*) FROM need WHERE title = ?").param(title).query(Long.class).single()).isOne();
	}

	@Test
	@Order(5)
	void twoNodesMigratingOneEmptyDatabaseAtOnceApplyEachMigrationOnce() throws Exception {
		JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(PRIMARY, USER, PASSWORD));
		admin.sql("DROP DATABASE IF EXISTS bangfu_migrate WITH (FORCE)").update();
		admin.sql("CREATE DATABASE bangfu_migrate").update();
		String url = database(PRIMARY, "bangfu_migrate");
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(two.submit(() -> {
					Flyway flyway = Flyway.configure().dataSource(url, USER, PASSWORD).locations("classpath:db/migration").load();
					go.await();
					return flyway.migrate().migrationsExecuted;
				}));
			}
			go.countDown();
			int executed = runs.get(0).get() + runs.get(1).get();
			JdbcClient migrated = JdbcClient.create(new DriverManagerDataSource(url, USER, PASSWORD));
			long versions = migrated.sql("SELECT count(DISTINCT version) FROM flyway_schema_history WHERE success AND version IS NOT NULL")
				.query(Long.class).single();
			long rows = migrated.sql("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL").query(Long.class).single();
			// the one that waited for Flyway's advisory lock found everything applied and ran nothing
			assertThat(executed).isEqualTo((int) versions);
			assertThat(rows).isEqualTo(versions);
			assertThat(versions).isGreaterThan(40);
		}
		finally {
			two.shutdownNow();
			admin.sql("DROP DATABASE IF EXISTS bangfu_migrate WITH (FORCE)").update();
		}
	}

	@Test
	@Order(6)
	void aSessionThatWroteReadsThePrimaryUntilTheReplicaHasItsWrite() throws Exception {
		await(reads::replicaServes, "the replica serves");
		JdbcClient replicaAdmin = JdbcClient.create(new DriverManagerDataSource(database(REPLICA, "bangfu_ext"), "postgres", ""));
		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		replicaAdmin.sql("SELECT pg_wal_replay_pause()").query().singleValue();
		try {
			need("外部库会话写入");
			reads.wrote(session);
			assertThat(servesFor("GET", session)).as("right after its write").isFalse();
			assertThat(servesFor("POST", null)).as("a request that may write").isFalse();
		}
		finally {
			replicaAdmin.sql("SELECT pg_wal_replay_resume()").query().singleValue();
		}
		await(() -> servesFor("GET", session), "the session reads the replica again once it has the write");
	}

	private static boolean servesFor(String method, jakarta.servlet.http.HttpSession session) {
		org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest(method, "/needs");
		request.setSession(session);
		org.springframework.web.context.request.RequestContextHolder
			.setRequestAttributes(new org.springframework.web.context.request.ServletRequestAttributes(request));
		try {
			return reads.replicaServes();
		}
		finally {
			org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
		}
	}

	/** A published need of 西渡村, inserted on the primary; returns its title (unique per run). */
	private static String need(String title) {
		String unique = title + System.nanoTime();
		long id = primary.sql("""
				INSERT INTO need (region_code, category, title, story, producer, urgency, state, poster_id, on_behalf, total_quantity,
				                  total_value_fen, created_at, updated_at, published_at, verified_at, search_pairs)
				VALUES ('430421100203', 'OTHER', ?, '外部库测试的需求说明', '外部库测试合作社', 2, 'PUBLISHED', ?, true, 1, 10000,
				        now(), now(), now(), now(), ' ') RETURNING id""")
			.params(unique, poster)
			.query(Long.class)
			.single();
		primary.sql("INSERT INTO need_item (need_id, position, name, quantity, unit, value_fen) VALUES (?, 0, '物品', 1, '件', 10000)")
			.param(id)
			.update();
		return unique;
	}

	private static String list() {
		HttpResponse<String> r = get("/api/v1/needs?region=430421");
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}

	private static HttpResponse<String> get(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what).isLessThan(until);
			Thread.sleep(100);
		}
	}

	/** pg_ctl on one of the test servers, as the OS user postgres when the tests run as root (PostgreSQL refuses root). */
	private static void pgCtl(String server, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(Path.of(setting("BANGFU_TEST_PG_BIN"), "pg_ctl").toString());
		command.addAll(List.of("-D", Path.of(setting("BANGFU_TEST_PG_DIR"), server).toString()));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
	}
}
