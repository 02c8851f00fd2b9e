package org.bangfu.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.assessment.CollectionCampaignSetup;
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
 * A demo collection campaign, through the real use case, after every other demo need exists: the city office's launch
 * campaign over 衡阳市, a month in and a month to go (the plan's quotas), its launch set for the day after its deadline,
 * so that the reporting pages, the dashboards' quota attainment and the launch page have something real to show. It
 * holds nothing: holding would hide from the public the demo needs other seeds and visitors verify after it. (A station
 * counts from the day it opened, as DHIS2 counts an organisation unit: the demo's stations open today, so a campaign
 * already over would expect nothing of them.)
 */
@Component
@Profile("!command")
@Order(6)
class DemoAssessment implements ApplicationRunner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoAssessment.class);

	private final CollectionCampaignSetup campaigns;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	DemoAssessment(CollectionCampaignSetup campaigns, Accounts accounts, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			BangfuProperties properties, Environment environment) {
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.enabled = properties.seedsDemo(environment);
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoSeeding.once(enabled, jdbc, "collection_campaign", transactions, log, "演示采集活动未能生成 / demo collection campaign", this::seed);
	}

	private void seed() {
		BangfuUser city = accounts.findByPhone("13800000001").orElseThrow();
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		LocalDate deadline = today.plusDays(30);
		campaigns.create(city, new CollectionCampaignSetup.NewCollectionCampaign("衡阳市社会扶贫网启动集中采集", "430400",
				today.minusDays(30).toString(), deadline.toString(), List.of("MEDICAL", "EDUCATION", "HOUSING"), 20, 0, 20, 2, 5, 10, 5, false,
				deadline.plusDays(1) + "T10:00"));
		log.info("演示采集活动已生成 / demo collection campaign seeded");
	}
}
