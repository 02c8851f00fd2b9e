package org.bangfu.need;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the database cannot index Chinese keywords: pg_trgm sees Chinese characters
 * only under a UTF-8 LC_CTYPE (the embedded database is created with C.UTF-8; an external one must be
 * too). Search still answers correctly without it, but reads every open need.
 */
@Component
public class SearchLocaleCheck implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SearchLocaleCheck.class);

	private final JdbcClient jdbc;

	SearchLocaleCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!indexesChinese()) {
			String ctype = jdbc.sql("SELECT datctype FROM pg_database WHERE datname = current_database()").query(String.class).single();
			log.warn("数据库的 LC_CTYPE 是 {}，pg_trgm 无法索引中文，需求关键词搜索会逐条扫描。请用 LC_CTYPE 'C.UTF-8' 重建数据库（见 docs/operations.md）。"
					+ " / The database's LC_CTYPE is {}: pg_trgm cannot index Chinese, so keyword search scans every need."
					+ " Recreate the database with LC_CTYPE 'C.UTF-8' (docs/operations.md).", ctype, ctype);
		}
	}

	public boolean indexesChinese() {
		return jdbc.sql("SELECT cardinality(show_trgm('轮椅'))").query(Integer.class).single() > 0;
	}
}
