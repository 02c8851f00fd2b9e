package org.bangfu.demo;

import org.bangfu.campaign.CampaignPlanning;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BangfuProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo campaign, through the real use cases: the city office pairs the demo enterprise with the
 * city's open needs within a budget of 40,000 yuan and sends the invitations, so that 帮扶活动 and the
 * enterprise's 认领邀请 have something real to show.
 */
@Component
@Profile("!command")
@Order(4)
class DemoCampaign implements ApplicationRunner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoCampaign.class);

	private final CampaignPlanning planning;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	DemoCampaign(CampaignPlanning planning, Accounts accounts, JdbcClient jdbc, TransactionTemplate transactions, BangfuProperties properties,
			Environment environment) {
		this.planning = planning;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.enabled = properties.seedsDemo(environment);
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoSeeding.once(enabled, jdbc, "campaign", transactions, log, "演示帮扶活动未能生成 / demo campaign", this::seed);
	}

	private void seed() {
		BangfuUser city = accounts.findByPhone("13800000001").orElseThrow();
		BangfuUser company = accounts.findByPhone("13800000022").orElseThrow();
		long id = planning.create(city, new CampaignPlanning.NewCampaign("衡阳市扶贫日爱心企业结对", "430400", List.of()));
		planning.putDonor(city, id, new CampaignPlanning.DonorShape("13800000022", 4_000_000L, List.of(), List.of()));
		planning.allocate(city, id);
		planning.send(city, id, 7);
		log.info("演示帮扶活动已生成 / demo campaign seeded for {}", company.name());
	}
}
