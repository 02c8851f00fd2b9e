package org.bangfu.demo;

import org.bangfu.offer.OfferAsking;
import org.bangfu.offer.Offers;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.need.NeedCategory;
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
 * Demo offers, through the real use cases, so that 捐赠物资 has something to show: the company's new quilts for the
 * whole city (茶市村's officer has asked for two of them for 周秀兰's household, waiting for the company's answer),
 * 李爱心's school bags for 衡阳县, and the company's winter coats for 衡南县's elders. Runs after the demo pledges.
 */
@Component
@Profile("!command")
@Order(4)
class DemoOffers implements ApplicationRunner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoOffers.class);

	private final Offers offers;

	private final OfferAsking asking;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	DemoOffers(Offers offers, OfferAsking asking, Accounts accounts, JdbcClient jdbc, TransactionTemplate transactions, BangfuProperties properties,
			Environment environment) {
		this.offers = offers;
		this.asking = asking;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.enabled = properties.seedsDemo(environment);
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoSeeding.once(enabled, jdbc, "offer", transactions, log, "演示捐赠未能生成 / demo offers", this::seed);
	}

	private void seed() {
		BangfuUser person = user("13800000021");
		BangfuUser company = user("13800000022");
		BangfuUser chashiOfficer = user("13800000014");

		long quilts = offer(company, new Offers.NewOffer(NeedCategory.OTHER, "捐赠新棉被 30 床",
				"公司工会统一采购的新棉被，1.5 米 × 2 米，5 斤棉花。市内各村都可以申请，我们安排车辆送到村委会。", "棉被", "生活用品", "床", 30, List.of()), 6);
		offer(person, new Offers.NewOffer(NeedCategory.EDUCATION, "捐赠儿童书包和文具 10 套",
				"新书包，每套配文具盒、铅笔和作业本。衡阳县内的小学生都可以申请，快递寄到村里。", "书包和文具", "学习用品", "套", 10, List.of("430421")), 3);
		offer(company, new Offers.NewOffer(NeedCategory.ELDERLY_CARE, "捐赠老年人冬季棉衣 20 件",
				"适合老人穿的加厚棉衣，男女款都有，尺码可以在申请时说明。", "棉衣", "衣物被褥", "件", 20, List.of("430422")), 1);

		Long zhou = jdbc.sql("SELECT min(id) FROM need WHERE title = '周秀兰家需要过冬棉被'").query(Long.class).optional().orElse(null);
		if (zhou == null) {
			throw new IllegalStateException("the demo need 周秀兰家需要过冬棉被 is not there");
		}
		asking.request(chashiOfficer, quilts, zhou, 0, 2, false);
	}

	private long offer(BangfuUser donor, Offers.NewOffer offer, int daysAgo) {
		long id = offers.create(donor, offer);
		jdbc.sql("UPDATE offer SET created_at = created_at - make_interval(days => ?) WHERE id = ?").params(daysAgo, id).update();
		return id;
	}

	private BangfuUser user(String phone) {
		return accounts.findByPhone(phone).orElseThrow(() -> new IllegalStateException("the demo account " + phone + " is not there"));
	}
}
