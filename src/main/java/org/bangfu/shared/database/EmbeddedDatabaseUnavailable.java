package org.bangfu.shared.database;

/**
 * The embedded PostgreSQL could not be started or is not ours. Its message is one line, in Chinese and
 * English, that says what to do; {@link EmbeddedDatabaseFailureAnalyzer} makes it the whole report of
 * the failed start instead of a stack trace repeated by every bean that needed the database.
 */
public final class EmbeddedDatabaseUnavailable extends RuntimeException {

	private final String action;

	EmbeddedDatabaseUnavailable(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	String action() {
		return action;
	}

	static EmbeddedDatabaseUnavailable portTaken(int port) {
		return new EmbeddedDatabaseUnavailable("嵌入式 PostgreSQL 无法启动：端口 " + port + " 已被占用。 / The embedded PostgreSQL cannot start: port "
				+ port + " is in use.",
				"去掉 bangfu.embedded-db.port（默认自动选一个空闲端口），或换一个端口：--bangfu.embedded-db.port=15433 / Leave bangfu.embedded-db.port unset "
						+ "(a free port is chosen) or pick another one.", null);
	}

	static EmbeddedDatabaseUnavailable dataDirectoryInUse(String dataDir) {
		return new EmbeddedDatabaseUnavailable("数据目录 " + dataDir + " 正被另一个运行中的 Bangfu 使用。 / The data directory " + dataDir
				+ " is in use by another running Bangfu.",
				"先停止另一个 Bangfu，或用 --bangfu.data-dir 指定其他目录。 / Stop the other one, or give this one another --bangfu.data-dir.", null);
	}

	static EmbeddedDatabaseUnavailable failed(String dataDir, Throwable cause) {
		String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
		return new EmbeddedDatabaseUnavailable("嵌入式 PostgreSQL 启动失败：" + reason + " / The embedded PostgreSQL did not start: " + reason,
				"查看 " + dataDir + "/pgdata 下的 PostgreSQL 日志，检查磁盘空间和目录权限。 / See PostgreSQL's log under " + dataDir
						+ "/pgdata; check disk space and permissions.", cause);
	}
}
