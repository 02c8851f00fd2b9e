package org.bangfu.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.supervision.Findings;
import org.bangfu.supervision.Outcome;
import org.bangfu.supervision.Sampling;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo supervision round, through the real use cases, after every other demo need exists: the county's supervisor
 * (13800000041) draws two published needs of 衡阳县 with a recorded seed and records a visit to the first, found true,
 * so that /audits, a need page's 督查 line and the public statistics' audit counts have something real to show. The
 * second stays to be visited. The visit's photo is a drawn stand-in, as the demo's signed forms are.
 */
@Component
@Profile("!command")
@Order(7)
class DemoSupervision implements ApplicationRunner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoSupervision.class);

	static final long SEED = 20261201L;

	private final Sampling sampling;

	private final Findings findings;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	DemoSupervision(Sampling sampling, Findings findings, Accounts accounts, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			BangfuProperties properties, Environment environment) {
		this.sampling = sampling;
		this.findings = findings;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.enabled = properties.seedsDemo(environment);
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoSeeding.once(enabled, jdbc, "audit_sample", transactions, log, "演示督查抽查未能生成 / demo supervision", this::seed);
	}

	private void seed() {
		BangfuUser supervisor = accounts.findByPhone("13800000041").orElseThrow();
		Sampling.Drawn drawn = sampling.draw(supervisor, new Sampling.Request("430421", 2, SEED, null, null, null));
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		findings.record(supervisor, drawn.id(), drawn.needIds().get(0), new Findings.Visit(Outcome.TRUE,
				"入户走访：户主在家，所述情况属实，物品确为生活所需，估价与当地价格相符。", today,
				List.of(new ByteArrayInputStream(visitPhoto()))));
		log.info("演示督查抽查已生成 / demo supervision seeded");
	}

	/** A drawn doorway and two figures: the stand-in for a supervisor's photo of a visit. */
	static byte[] visitPhoto() {
		BufferedImage image = new BufferedImage(960, 720, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(180, 200, 220));
		g.fillRect(0, 0, 960, 720);
		g.setColor(new Color(200, 170, 130));
		g.fillRect(120, 200, 720, 520);
		g.setColor(new Color(90, 60, 40));
		g.fillRect(400, 380, 160, 340);
		g.setColor(new Color(60, 60, 80));
		g.fillOval(250, 420, 70, 70);
		g.fillRect(245, 490, 80, 200);
		g.fillOval(640, 430, 64, 64);
		g.fillRect(636, 494, 72, 190);
		g.dispose();
		return DemoImages.jpeg(image);
	}
}
