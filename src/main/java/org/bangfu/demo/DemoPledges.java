package org.bangfu.demo;

import org.bangfu.pledge.Pledging;
import org.bangfu.pledge.Ratings;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

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

/**
 * Demo pledges on the demo needs, through the real use cases, then spread over the last month, so
 * that every pledge state and the needs' pledge states show: 张大山's wheelchair received and rated
 * (closed), 刘欣's school things received (confirmed), 陈石头's surgery money on its way (delivered),
 * 李强's walker and therapy pledged, the tea oil partly pledged with one pledge lapsed and one cancelled.
 */
@Component
@Profile("!command")
@Order(3)
class DemoPledges implements ApplicationRunner {

	private final Pledging pledging;

	private final Ratings ratings;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoPledges.class);

	private final boolean enabled;

	DemoPledges(Pledging pledging, Ratings ratings, Accounts accounts, JdbcClient jdbc,
			org.springframework.transaction.support.TransactionTemplate transactions, BangfuProperties properties, Environment environment) {
		this.transactions = transactions;
		this.pledging = pledging;
		this.ratings = ratings;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.enabled = properties.seedsDemo(environment);
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoSeeding.once(enabled, jdbc, "pledge", transactions, log, "演示认领未能生成 / demo pledges", this::seed);
	}

	private void seed() {
		BangfuUser person = user("13800000021");
		BangfuUser company = user("13800000022");
		BangfuUser xiduOfficer = user("13800000004");
		BangfuUser household = user("13800000051");

		Long zhang = need("张大山老人需要轮椅和降压药");
		long wheelchair = pledge(person, zhang, Map.of(0, 1), 24);
		long medicine = pledge(company, zhang, Map.of(1, 12), 23);
		pledging.ship(person, wheelchair);
		pledging.ship(company, medicine);
		pledging.receive(household, wheelchair, photo());
		pledging.receive(xiduOfficer, medicine, photo());
		ratings.feedback(person, wheelchair, "祝张大爷早日康复，出门晒晒太阳！");
		ratings.rate(household, wheelchair, 5, "轮椅很好用，现在能自己去村卫生室了，谢谢好心人！");
		ratings.rate(xiduOfficer, medicine, 5, "降压药已按月分好交给老人，代老人谢谢爱心企业。");
		back("pledge_id IN (" + wheelchair + "," + medicine + ")", 20);

		Long liu = need("刘欣上学需要学习用品和校服");
		long school = pledge(company, liu, Map.of(0, 1, 1, 1), 15);
		pledging.ship(company, school);
		pledging.receive(xiduOfficer, school, photo());
		back("pledge_id = " + school, 12);

		Long chen = need("陈石头白内障手术费用");
		long surgery = pledge(person, chen, Map.of(0, 1), 8);
		pledging.ship(person, surgery);
		back("pledge_id = " + surgery, 6);

		Long li = need("李强需要康复训练和助行器");
		pledge(company, li, Map.of(0, 1, 1, 2), 5);

		Long oil = need("西渡山茶油待销售");
		long lapsed = pledge(company, oil, Map.of(0, 500), 7);
		jdbc.sql("UPDATE pledge SET deadline = now() - interval '1 hour' WHERE id = ?").param(lapsed).update();
		pledging.lapse(lapsed);
		long cancelled = pledge(person, oil, Map.of(0, 20), 4);
		pledging.cancel(person, cancelled, "家里已经买过了");
		pledge(person, oil, Map.of(0, 50), 2);
	}

	private BangfuUser user(String phone) {
		return accounts.findByPhone(phone).orElse(null);
	}

	private Long need(String title) {
		Long id = jdbc.sql("SELECT min(id) FROM need WHERE title = ?").param(title).query(Long.class).optional().orElse(null);
		if (id == null) {
			throw new IllegalStateException("the demo need " + title + " is not there");
		}
		return id;
	}

	private long pledge(BangfuUser donor, long needId, Map<Integer, Integer> items, int daysAgo) {
		long id = pledging.pledge(donor, needId, Pledging.Request.of(items, null, null), null).pledgeId();
		jdbc.sql("UPDATE pledge SET created_at = created_at - make_interval(days => ?), deadline = deadline - make_interval(days => ?) WHERE id = ?")
			.params(daysAgo, daysAgo, id)
			.update();
		jdbc.sql("UPDATE pledge_transition SET at = at - make_interval(days => ?) WHERE pledge_id = ? AND from_state IS NULL")
			.params(daysAgo, id)
			.update();
		return id;
	}

	/** Moves the later steps of pledges back: shipped a day after pledging, received days later. */
	private void back(String which, int daysAgo) {
		jdbc.sql("UPDATE pledge_transition SET at = at - make_interval(days => ?) WHERE from_state IS NOT NULL AND " + which)
			.param(daysAgo)
			.update();
		String pledges = which.replace("pledge_id", "id");
		jdbc.sql("UPDATE pledge SET shipped_at = shipped_at - make_interval(days => ?), received_at = received_at - make_interval(days => ?) WHERE "
				+ pledges)
			.params(daysAgo + 1, daysAgo)
			.update();
		jdbc.sql("UPDATE pledge_rating SET rated_at = rated_at - make_interval(days => ?) WHERE " + which).param(daysAgo).update();
	}

	/** A drawn stand-in for the photo of what arrived. */
	private static ByteArrayInputStream photo() {
		return new ByteArrayInputStream(jpeg());
	}

	/** A drawn stand-in for a photo (what arrived, a bank's proof of payment), as JPEG bytes. */
	static byte[] jpeg() {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(236, 230, 218));
		g.fillRect(0, 0, 640, 480);
		g.setColor(new Color(190, 140, 80));
		g.fillRect(180, 160, 280, 200);
		g.setColor(new Color(150, 105, 55));
		g.fillRect(180, 230, 280, 16);
		g.dispose();
		return DemoImages.jpeg(image);
	}
}
