package org.bangfu.demo;

import org.slf4j.Logger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** How the matching module's demo data is seeded: once (while its table is empty), all or nothing, never in the way of starting (see DemoNeeds). */
final class DemoSeeding {

	private DemoSeeding() {
	}

	static void once(boolean enabled, JdbcClient jdbc, String table, TransactionTemplate transactions, Logger log, String what, Runnable seed) {
		if (!enabled || jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single() > 0) {
			return;
		}
		try {
			transactions.executeWithoutResult(tx -> seed.run());
		}
		catch (RuntimeException e) {
			log.warn("{} not seeded: {}", what, e.toString());
		}
	}
}
