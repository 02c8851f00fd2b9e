package org.bangfu;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second application node in the test JVM: another BangfuApplication on a random port against THE SAME database as
 * the test context (its datasource URL, so it starts no embedded PostgreSQL of its own) and the same data directory
 * (uploads and keys are shared by the nodes of a cluster). It seeds no demo (the first node did) and does not hand out
 * the first node's outstanding events at its start. Two nodes behind one database, as in production (docs/operations.md,
 * "Several application nodes").
 *
 * <pre>
 * &#64;Autowired DataSource dataSource;
 * SecondAppNode b = SecondAppNode.start(dataSource);   // extra command-line properties may follow
 * ... b.port(), b.url(), b.bean(SomeBean.class) ...
 * b.close();                                          // after the class
 * </pre>
 */
public final class SecondAppNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final int port;

	private SecondAppNode(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** Starts the node on the test context's database; {@code extra} are more command-line properties. */
	public static SecondAppNode start(DataSource testDataSource, String... extra) {
		HikariDataSource first = (HikariDataSource) testDataSource;
		String[] base = { "--server.port=0", "--spring.datasource.url=" + first.getJdbcUrl(),
				"--spring.datasource.username=" + first.getUsername(), "--spring.datasource.password=" + first.getPassword(),
				"--bangfu.demo=false", "--spring.modulith.events.republish-outstanding-events-on-restart=false",
				"--spring.datasource.hikari.maximum-pool-size=5", "--spring.application.name=bangfu-node-b" };
		String[] args = new String[base.length + extra.length];
		System.arraycopy(base, 0, args, 0, base.length);
		System.arraycopy(extra, 0, args, base.length, extra.length);
		return new SecondAppNode(new SpringApplicationBuilder(BangfuApplication.class).run(args));
	}

	public int port() {
		return port;
	}

	public String url() {
		return "http://localhost:" + port;
	}

	public ApiClient api() {
		return new ApiClient(port);
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}
}
