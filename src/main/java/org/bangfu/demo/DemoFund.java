package org.bangfu.demo;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.fund.GiftArrival;
import org.bangfu.fund.Giving;
import org.bangfu.fund.Grants;
import org.bangfu.fund.Payees;
import org.bangfu.fund.PayeeKind;
import org.bangfu.fund.Payment;
import org.bangfu.fund.Paying;
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
 * two donors with a third gift still waiting for its transfer; a gift to the general pool, from which the fund granted
 * 西渡村's pipe installation fee and paid the builder (asked by one fund staff member, approved by the other, with the
 * bank's proof), so the fund's pages, its work page and the ledger show every kind of movement. The gifts are backdated;
 * the ledger's entries keep the time they were posted (they are hash-chained and cannot be moved).
 */
@Component
@Profile("!command")
@Order(5)
class DemoFund implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoFund.class);

	private final Giving giving;

	private final Grants grants;

	private final Payees payees;

	private final Paying paying;

	private final GiftArrival arrival;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	DemoFund(Giving giving, Grants grants, Payees payees, Paying paying, GiftArrival arrival, Accounts accounts, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			BangfuProperties properties, Environment environment) {
		this.giving = giving;
		this.grants = grants;
		this.payees = payees;
		this.paying = paying;
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

		BangfuUser clerk = accounts.findByPhone("13800000031").orElseThrow();
		BangfuUser director = accounts.findByPhone("13800000032").orElseThrow();
		long water = jdbc.sql("SELECT min(id) FROM need WHERE title = '西渡村饮水管道改造'").query(Long.class).single();
		grants.grant(clerk, water, 1, 1_200_000L);
		Payees.Payee builder = payees.create(clerk, "衡阳县西渡镇建筑工程队", PayeeKind.BUILDER, "衡阳县农村商业银行西渡支行", "82010000000817263");
		payees.create(clerk, "衡南县人民医院", PayeeKind.HOSPITAL, "中国工商银行衡南县支行", "1904230109000012345");
		Payment payment = paying.request(clerk, water, 1, builder.id(), 1_200_000L, null);
		paying.approve(director, payment.id());
		paying.paid(clerk, payment.id(), "NCB20261130000815", new java.io.ByteArrayInputStream(DemoPledges.jpeg()));
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
