package org.bangfu.shared.database;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database as an operator meets it: a JVM killed with SIGKILL leaves its postmaster
 * running; the next start stops that stale server, starts, and finds the committed data.
 */
class EmbeddedPostgresRestartTest {

	@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
	Path dataDir;

	@Test
	void startsAfterKillMinus9WithTheDataIntact() throws Exception {
		Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), PostgresHolder.class.getName(), dataDir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.startsWith("READY")) {
				// skip the server's log
			}
			assertThat(line).as("child JVM started postgres").startsWith("READY");
		}
		long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(0).strip());
		holder.destroyForcibly(); // SIGKILL: no shutdown hook runs
		assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("the stale postmaster outlives its JVM").contains(true);

		try (EmbeddedDatabaseConfiguration.DataDirectoryLock lock = EmbeddedDatabaseConfiguration.DataDirectoryLock.acquire(dataDir);
				EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0);
				Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
				ResultSet rs = c.createStatement().executeQuery("SELECT note FROM survivor")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("written before kill -9");
			assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			try (ResultSet settings = c.createStatement().executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
				settings.next();
				assertThat(settings.getString(1) + " " + settings.getString(2)).isEqualTo("on on");
			}
		}
	}

	@Test
	void aSecondBangfuOnTheSameDataDirectoryIsRefusedClearly() throws Exception {
		try (EmbeddedDatabaseConfiguration.DataDirectoryLock lock = EmbeddedDatabaseConfiguration.DataDirectoryLock.acquire(dataDir)) {
			assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.DataDirectoryLock.acquire(dataDir))
				.hasMessageContaining("正被另一个运行中的 Bangfu 使用");
		}
		assertThat(new File(dataDir.toFile(), "bangfu.lock")).exists();
	}
	/** Local connections give the generated password, kept owner-only in the data directory; nothing there is world-writable. */
	@Test
	void connectionsNeedTheGeneratedPassword() throws Exception {
		try (EmbeddedDatabaseConfiguration.DataDirectoryLock lock = EmbeddedDatabaseConfiguration.DataDirectoryLock.acquire(dataDir);
				EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0)) {
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres").close())
				.hasMessageContaining("password authentication failed");
			try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
				assertThat(c.isValid(2)).isTrue();
			}
			Path secret = dataDir.resolve("postgres-password");
			assertThat(Files.readString(secret).strip()).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(32);
			assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
			try (var files = Files.walk(dataDir.resolve("pgbin"))) {
				assertThat(files.filter(f -> !Files.isSymbolicLink(f)).filter(f -> {
					try {
						return Files.getPosixFilePermissions(f).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
					}
					catch (java.io.IOException e) {
						return false;
					}
				})).as("world-writable files under pgbin").isEmpty();
			}
		}
	}

	/** A fixed port that something else holds: the start fails with one clear line, not a stack trace per bean. */
	@Test
	void aTakenPortFailsTheStartWithOneClearLine() throws Exception {
		try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), "org.bangfu.BangfuApplication", "--bangfu.data-dir=" + dataDir,
					"--bangfu.embedded-db.port=" + taken.getLocalPort(), "--server.port=0", "--bangfu.demo=false")
				.redirectErrorStream(true)
				.start();
			String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(app.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(app.exitValue()).isNotZero();
			assertThat(output).contains("嵌入式 PostgreSQL 无法启动：端口 " + taken.getLocalPort() + " 已被占用。 / The embedded PostgreSQL cannot start: port "
					+ taken.getLocalPort() + " is in use.");
			assertThat(output.split("已被占用", -1)).as(output).hasSize(2);
			assertThat(output).as("no stack trace").doesNotContain("\tat org.", "Exception:");
		}
	}
}
