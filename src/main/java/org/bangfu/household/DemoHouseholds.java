package org.bangfu.household;

import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.IdentityNumber;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo registry households in the demo villages (synthetic people, valid-looking ID numbers); the
 * demo household account 13800000051 is linked to 张大山's household. Runs after the demo accounts.
 */
@Component
@Profile("!command")
@Order(1)
class DemoHouseholds implements ApplicationRunner {

	record Demo(String number, String village, String head, String idFirst17) {
	}

	static final List<Demo> HOUSEHOLDS = List.of(
			new Demo("4304211002030001", "430421100203", "张大山", "43042119580312001"),
			new Demo("4304211002030002", "430421100203", "李桂英", "43042119620704002"),
			new Demo("4304211002030003", "430421100203", "王春生", "43042119750118003"),
			new Demo("4304211002030004", "430421100203", "刘冬梅", "43042119811225004"),
			new Demo("4304221032310001", "430422103231", "陈石头", "43042219550905001"),
			new Demo("4304221032310002", "430422103231", "周秀兰", "43042219690321002"));

	private final Households households;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	DemoHouseholds(Households households, Accounts accounts, JdbcClient jdbc, TransactionTemplate transactions,
			BangfuProperties properties, Environment environment) {
		this.households = households;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.enabled = properties.seedsDemo(environment);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || jdbc.sql("SELECT count(*) FROM household").query(Long.class).single() > 0) {
			return;
		}
		transactions.executeWithoutResult(tx -> {
			for (Demo d : HOUSEHOLDS) {
				long id = households.add(d.number(), d.village(), d.head(), IdentityNumber.withCheckCharacter(d.idFirst17()));
				if (d.head().equals("张大山")) {
					accounts.findByPhone("13800000051").map(BangfuUser::id).ifPresent(account -> households.link(id, account));
				}
			}
		});
	}
}
