package org.bangfu.shared.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedPostgresRestartTest}: starts the embedded server on a data
 * directory, writes a row, says READY and waits to be killed with SIGKILL, like a crashed Bangfu.
 */
public final class PostgresHolder {

	public static void main(String[] args) throws Exception {
		Path dataDir = Path.of(args[0]);
		EmbeddedDatabaseConfiguration.DataDirectoryLock.acquire(dataDir);
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0);
		try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
				Statement s = c.createStatement()) {
			s.execute("CREATE TABLE IF NOT EXISTS survivor (note text)");
			s.execute("INSERT INTO survivor VALUES ('written before kill -9')");
		}
		System.out.println("READY " + server.port());
		System.out.flush();
		Thread.sleep(600_000);
	}
}
