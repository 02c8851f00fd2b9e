package org.bangfu.shared.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;


import com.zaxxer.hikari.HikariDataSource;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.EmbeddedDatabaseCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL when no external database is configured
 * ({@code spring.datasource.url} unset); with one set this does nothing and Spring Boot connects to it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DataDirectoryLock dataDirectoryLock(EarlyEmbeddedPostgres.Started started) {
		return started.lock();
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgres(EarlyEmbeddedPostgres.Started started, DataDirectoryLock lock) {
		started.server().heldByContext();
		return started.server();
	}

	/** Usually already under way since the environment was ready (see {@link EarlyEmbeddedPostgres}). */
	@Bean(destroyMethod = "")
	EarlyEmbeddedPostgres.Started embeddedPostgresStarted(BangfuProperties properties) throws Exception {
		return EarlyEmbeddedPostgres.take(properties.dataDir(), properties.embeddedDb().port());
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(server.jdbcUrl());
		ds.setUsername("postgres");
		ds.setPassword(server.password());
		ds.setMaximumPoolSize(20);
		ds.setPoolName("bangfu-embedded");
		return ds;
	}

	/**
	 * Only one Bangfu may use a data directory at a time. The operating system drops this lock when
	 * the JVM dies, however it dies, so a lock we obtain means any postmaster left there is stale.
	 */
	static final class DataDirectoryLock implements AutoCloseable {

		private final Path dataDir;

		private final FileChannel channel;

		private final FileLock lock;

		private DataDirectoryLock(Path dataDir, FileChannel channel, FileLock lock) {
			this.dataDir = dataDir;
			this.channel = channel;
			this.lock = lock;
		}

		static DataDirectoryLock acquire(Path dataDir) throws IOException {
			Path dir = dataDir.toAbsolutePath().normalize();
			Files.createDirectories(dir);
			FileChannel channel = FileChannel.open(dir.resolve("bangfu.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException e) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw EmbeddedDatabaseUnavailable.dataDirectoryInUse(dir.toString());
			}
			return new DataDirectoryLock(dir, channel, lock);
		}

		Path dataDir() {
			return dataDir;
		}

		@Override
		public void close() {
			try {
				lock.release();
				channel.close();
			}
			catch (IOException e) {
				// the JVM's exit drops the lock anyway
			}
		}
	}
}
