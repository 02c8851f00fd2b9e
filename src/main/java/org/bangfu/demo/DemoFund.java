package org.bangfu.demo;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.fund.GiftArrival;
import org.bangfu.fund.Giving;
import org.bangfu.fund.IfUnfunded;
import org.bangfu.shared.BangfuProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Demo movements of the charity fund, through the real use cases so the ledger is real: 陈建国's operation partly raised by
 * two donors with a third gift still waiting for its transfer, and a gift to the general pool. The gifts are backdated;
 * the ledger's entries keep the time they were posted (they are hash-chained and cannot be moved).
 */
@Component
@Profile("!command")
@Order(5)
class DemoFund implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoFund.class);

	private final Giving giving;

	private final GiftArrival arrival;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	DemoFund(Giving giving, GiftArrival arrival, Accounts accounts, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			BangfuProperties properties, Environment environment) {
		this.giving = giving;
		this.arrival = arrival;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.enabled = properties.seedsDemo(environment);
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoSeeding.once(enabled, jdbc, "fund_gift", transactions, log, "演示基金收支未能生成 / demo fund movements", this::seed);
	}

	private void seed() {
		BangfuUser person = accounts.findByPhone("13800000021").orElseThrow();
		BangfuUser company = accounts.findByPhone("13800000022").orElseThrow();
		long operation = jdbc.sql("SELECT min(id) FROM need WHERE title = '陈建国腰椎手术费用'").query(Long.class).single();
		received(give(person, operation, 300_000, IfUnfunded.REFUND, 8), 7);
		received(give(company, operation, 1_000_000, IfUnfunded.POOL, 6), 5);
		give(person, operation, 50_000, IfUnfunded.POOL, 1);
		received(give(company, null, 2_000_000, IfUnfunded.POOL, 9), 8);
	}

	private String give(BangfuUser donor, Long needId, long fen, IfUnfunded ifUnfunded, int daysAgo) {
		var gift = giving.give(donor, needId, new Giving.Request(needId == null ? null : 0, fen, ifUnfunded, false), null).gift();
		jdbc.sql("UPDATE fund_gift SET created_at = created_at - make_interval(days => ?) WHERE id = ?").params(daysAgo, gift.id()).update();
		return gift.referenceCode();
	}

	private void received(String code, int daysAgo) {
		arrival.received(code, jdbc.sql("SELECT amount_fen FROM fund_gift WHERE reference_code = ?").param(code).query(Long.class).single(),
				"银行流水", clock.instant());
		jdbc.sql("UPDATE fund_gift SET received_at = received_at - make_interval(days => ?) WHERE reference_code = ?").params(daysAgo, code)
			.update();
	}
}
