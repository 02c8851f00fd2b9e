package org.bangfu.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.bangfu.ApiClient;
import org.bangfu.BangfuApplication;
import org.bangfu.region.DivisionImport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second Bangfu in the test JVM: the provincial node 湖南省 (430000), on a random port, with its own database
 * {@code bangfu_province} on the test run's embedded PostgreSQL (made afresh by {@link #start}). It has no demo data; its
 * region table holds the shipped Hengyang file plus the province row 430000, imported through the region module's
 * {@link DivisionImport} as an operator of a provincial node imports its own division file. One administrator,
 * {@link #ADMIN_PHONE} (CITY_ADMIN of 430000), manages its links.
 *
 * <pre>
 * ProvincialNode province = ProvincialNode.start(cityDataSource, "--bangfu.exchange.retry.initial=200ms");
 * province.linkWithCity(port);                       // both links, with each other's public keys
 * ... province.api(), province.jdbc(), province.url(), province.stop(), province.restart() ...
 * province.close(); ProvincialNode.unlinkCity(jdbc);  // after the class
 * </pre>
 */
public final class ProvincialNode implements AutoCloseable {

	public static final String NODE = "430000";

	public static final String ADMIN_PHONE = "13900430000";

	private final String jdbcUrl;

	private final String username;

	private final String password;

	private final String[] extra;

	private ConfigurableApplicationContext context;

	private int port;

	private ProvincialNode(String jdbcUrl, String username, String password, String[] extra) {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
		this.extra = extra;
	}

	/** A fresh provincial node on a new database of the city's PostgreSQL; {@code extra} are more command-line properties. */
	public static ProvincialNode start(DataSource cityDataSource, String... extra) {
		HikariDataSource city = (HikariDataSource) cityDataSource;
		JdbcClient admin = JdbcClient.create(cityDataSource);
		admin.sql("DROP DATABASE IF EXISTS bangfu_province WITH (FORCE)").update();
		// as the application makes its own: pg_trgm needs a UTF-8 LC_CTYPE to index Chinese
		admin.sql("CREATE DATABASE bangfu_province ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0").update();
		String url = city.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/bangfu_province$1");
		ProvincialNode node = new ProvincialNode(url, city.getUsername(), city.getPassword(), extra);
		node.run(0);
		node.setUp();
		return node;
	}

	private void run(int onPort) {
		String[] base = { "--server.port=" + onPort, "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
				"--spring.datasource.password=" + password, "--bangfu.demo=false", "--bangfu.root-region=" + NODE,
				"--bangfu.data-dir=" + java.nio.file.Path.of(System.getProperty("bangfu.data-dir", "target/test-data"), "province"), "--spring.application.name=bangfu-province" };
		String[] args = new String[base.length + extra.length];
		System.arraycopy(base, 0, args, 0, base.length);
		System.arraycopy(extra, 0, args, base.length, extra.length);
		context = new SpringApplicationBuilder(BangfuApplication.class).run(args);
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** The province row (the shipped file starts at the city, whose parent it names) and the node's administrator. */
	private void setUp() {
		try {
			Path file = Files.createTempFile("hunan-province", ".csv");
			Files.writeString(file, "code,name,level,parent_code\n430000,湖南省,province,\n", StandardCharsets.UTF_8);
			context.getBean(DivisionImport.class).importFile(file);
			Files.delete(file);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		org.bangfu.account.Accounts accounts = context.getBean(org.bangfu.account.Accounts.class);
		long id = accounts.create(new org.bangfu.account.Accounts.NewAccount(ADMIN_PHONE, "省节点管理员", org.bangfu.ApplicationTest.DEMO_PASSWORD,
				null, null, null, null));
		accounts.grant(id, org.bangfu.account.Role.CITY_ADMIN,
				context.getBean(org.bangfu.region.Regions.class).get(new org.bangfu.shared.RegionCode(NODE)), null);
	}

	/**
	 * Links the city node (the test context on {@code cityPort}, its administrator the demo 13800000001) and this node
	 * both ways: on the city an UPPER link to 430000, here a LOWER link to 430400, each with the other's public key.
	 */
	public void linkWithCity(int cityPort) {
		ApiClient city = new ApiClient(cityPort);
		String cityAdmin = city.login("13800000001", org.bangfu.ApplicationTest.DEMO_PASSWORD);
		String ownKey = api().get("/api/v1/exchange/node").json().get("publicKey").asString();
		String cityKey = city.get("/api/v1/exchange/node").json().get("publicKey").asString();
		ApiClient.Answer up = city.post("/api/v1/exchange/links", TwoNodes.linkJson(NODE, url(), ownKey, "UPPER"), cityAdmin);
		ApiClient.Answer down = api().post("/api/v1/exchange/links", TwoNodes.linkJson("430400", "http://localhost:" + cityPort, cityKey, "LOWER"),
				adminToken());
		if (up.status() != 200 || down.status() != 200) {
			throw new AssertionError("linking failed: " + up.body() + " / " + down.body());
		}
	}

	/** Disables the city's link to this node, so that the shared test context's later tests push nothing upstream. */
	public static void unlinkCity(JdbcClient cityJdbc) {
		cityJdbc.sql("UPDATE exchange_link SET enabled = false WHERE node_id = ?").param(NODE).update();
	}

	public String url() {
		return "http://localhost:" + port;
	}

	public int port() {
		return port;
	}

	public ApiClient api() {
		return new ApiClient(port);
	}

	/** A bearer token of the node's administrator. */
	public String adminToken() {
		return api().login(ADMIN_PHONE, org.bangfu.ApplicationTest.DEMO_PASSWORD);
	}

	public JdbcClient jdbc() {
		return context.getBean(JdbcClient.class);
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public boolean running() {
		return context != null && context.isActive();
	}

	/** Stops the node (its database stays): the city's messages to it then fail and wait in the outbox. */
	public void stop() {
		if (context != null) {
			context.close();
			context = null;
		}
	}

	/** Starts the stopped node again on the same port, with the same database. */
	public void restart() {
		run(port);
	}

	@Override
	public void close() {
		stop();
	}
}
