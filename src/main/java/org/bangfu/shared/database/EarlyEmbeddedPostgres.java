package org.bangfu.shared.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.bangfu.shared.EmbeddedDatabaseCondition;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the configuration is known, so
 * that unpacking and starting it overlaps with building the Spring context instead of following
 * it: on a two-core machine this takes seconds off the start. Registered in META-INF/spring.factories.
 */
public final class EarlyEmbeddedPostgres implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Map<Path, CompletableFuture<Started>> STARTING = new ConcurrentHashMap<>();

	/** A started server and the data directory lock that makes it ours. */
	record Started(EmbeddedDatabaseConfiguration.DataDirectoryLock lock, EmbeddedPostgresServer server) {
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment env = event.getEnvironment();
		if (!EmbeddedDatabaseCondition.usesEmbedded(env)) {
			return;
		}
		Path dataDir = key(Path.of(env.getProperty("bangfu.data-dir", "./data")));
		int port = env.getProperty("bangfu.embedded-db.port", Integer.class, 0);
		STARTING.computeIfAbsent(dataDir, dir -> {
			// what can be told at once fails the start at once, before any bean waits for the database
			EmbeddedDatabaseConfiguration.DataDirectoryLock lock = lockAndCheckPort(dir, port);
			CompletableFuture<Started> future = new CompletableFuture<>();
			Thread starter = new Thread(() -> {
				try {
					future.complete(start(lock, port));
				}
				catch (Throwable e) {
					future.completeExceptionally(e);
				}
			}, "embedded-postgres-start");
			starter.setDaemon(true);
			starter.start();
			return future;
		});
	}

	/** The server for the data directory: the one started early if there is one, else started now. */
	static Started take(Path dataDir, int port) throws Exception {
		CompletableFuture<Started> early = STARTING.remove(key(dataDir));
		if (early == null) {
			return start(lockAndCheckPort(key(dataDir), port), port);
		}
		try {
			return early.get();
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof Exception cause ? cause : e;
		}
	}

	private static EmbeddedDatabaseConfiguration.DataDirectoryLock lockAndCheckPort(Path dataDir, int port) {
		EmbeddedDatabaseConfiguration.DataDirectoryLock lock;
		try {
			lock = EmbeddedDatabaseConfiguration.DataDirectoryLock.acquire(dataDir);
		}
		catch (java.io.IOException e) {
			throw EmbeddedDatabaseUnavailable.failed(dataDir.toString(), e);
		}
		if (port > 0 && !free(port)) {
			lock.close();
			throw EmbeddedDatabaseUnavailable.portTaken(port);
		}
		return lock;
	}

	private static Started start(EmbeddedDatabaseConfiguration.DataDirectoryLock lock, int port) {
		try {
			return new Started(lock, EmbeddedPostgresServer.start(lock.dataDir(), port));
		}
		catch (EmbeddedDatabaseUnavailable e) {
			lock.close();
			throw e;
		}
		catch (Exception | Error e) {
			lock.close();
			throw EmbeddedDatabaseUnavailable.failed(lock.dataDir().toString(), e);
		}
	}

	/** Whether nothing listens on the port of localhost, so that PostgreSQL may. */
	private static boolean free(int port) {
		try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (java.io.IOException e) {
			return false;
		}
	}

	private static Path key(Path dataDir) {
		return dataDir.toAbsolutePath().normalize();
	}
}
