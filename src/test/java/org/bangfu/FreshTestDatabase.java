package org.bangfu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.bangfu.shared.database.EmbeddedPostgresServer;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Each test run starts from an empty database: before any test, stop a postgres left by an earlier
 * killed run and delete its cluster, so migrations and the demo seed run as on a fresh machine.
 */
public class FreshTestDatabase implements LauncherSessionListener {

	/** Each test JVM's own (surefire runs two, with bangfu.data-dir set per JVM in the pom). */
	static final Path PGDATA = Path.of(System.getProperty("bangfu.data-dir", "target/test-data"), "pgdata");

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		try {
			EmbeddedPostgresServer.stopStalePostmaster(PGDATA.toAbsolutePath());
			if (Files.exists(PGDATA)) {
				try (Stream<Path> files = Files.walk(PGDATA)) {
					files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
