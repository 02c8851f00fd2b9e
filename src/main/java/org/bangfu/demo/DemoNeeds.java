package org.bangfu.demo;

import org.bangfu.need.CategoryRules;
import org.bangfu.need.Need;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedContent;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedPhotos;
import org.bangfu.need.NeedPosting;
import org.bangfu.need.NeedReview;
import org.bangfu.need.Needs;
import org.bangfu.need.ProductSale;
import org.bangfu.need.Urgency;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.region.Regions;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.RegionCode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo needs in the demo villages, made through the same use cases a person would go through (so
 * consent, rules and flags apply), then spread over the last month: published ones of several
 * categories (one a cooperative's tea oil), one waiting for verification with a flag, a draft, the
 * 2019-style treadmill request rejected, one withdrawn and one expired. The pledge states arrive
 * with the pledges of the matching module. Runs after the demo households.
 */
@Component
@Profile("!command")
@Order(2)
class DemoNeeds implements ApplicationRunner {

	private final NeedPosting posting;

	private final NeedReview review;

	private final NeedPhotos photos;

	private final CategoryRules rules;

	private final Needs needs;

	private final Accounts accounts;

	private final Households households;

	private final Regions regions;

	private final JdbcClient jdbc;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoNeeds.class);

	private final Clock clock;

	private final DemoConfirmations confirmations;

	private final boolean enabled;

	DemoNeeds(NeedPosting posting, NeedReview review, NeedPhotos photos, CategoryRules rules, Needs needs, Accounts accounts, Households households,
			Regions regions, JdbcClient jdbc, org.springframework.transaction.support.TransactionTemplate transactions,
			BangfuProperties properties, Environment environment, Clock clock, DemoConfirmations confirmations) {
		this.confirmations = confirmations;
		this.transactions = transactions;
		this.posting = posting;
		this.review = review;
		this.photos = photos;
		this.rules = rules;
		this.needs = needs;
		this.accounts = accounts;
		this.households = households;
		this.regions = regions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.enabled = properties.seedsDemo(environment);
	}

	private enum End {
		DRAFT, SUBMITTED, PUBLISHED, REJECTED, WITHDRAWN, EXPIRED
	}

	private record Demo(String village, String head, String producer, String poster, String verifier, End end, int daysAgo,
			int photoScene, NeedContent content) {
	}

	private static NeedItem item(String kind, String name, int quantity, String unit, long valueFen) {
		return new NeedItem(kind, name, quantity, unit, valueFen, 0);
	}

	/** A sum raised through the charity fund from gifts of any share. */
	private static NeedItem money(String kind, String name, long valueFen) {
		return new NeedItem(kind, name, 1, "项", valueFen, 0, true);
	}

	private static NeedContent content(NeedCategory category, Urgency urgency, String title, String story, NeedItem... items) {
		return new NeedContent(category, title, story, List.of(items), urgency, null, null);
	}

	private static final String XIDU = "430421100203";

	private static final String CHASHI = "430422103231";

	static final List<Demo> DEMOS = List.of(
			new Demo(XIDU, "张大山", null, "13800000004", "13800000003", End.PUBLISHED, 26, 1, content(NeedCategory.MEDICAL, Urgency.URGENT,
					"张大山老人需要轮椅和降压药", "张大山老人患高血压和腰椎病多年，去年摔伤后行走困难，出门看病要靠儿子背。家里想要一台轮椅，另外需要一年的降压药。",
					item("康复器具", "手动轮椅", 1, "台", 68000), item("药品", "降压药（硝苯地平缓释片）", 12, "盒", 43200))),
			new Demo(XIDU, "李桂英", null, "13800000004", "13800000003", End.PUBLISHED, 21, 0, content(NeedCategory.MEDICAL, Urgency.NORMAL,
					"李强需要康复训练和助行器", "李桂英的儿子李强因车祸下肢残疾，正在做康复训练，需要助行器和康复治疗费用，家中只有李桂英一人务农。",
					item("康复器具", "四脚助行器", 1, "个", 26000), item("医疗费用", "康复治疗（疗程）", 2, "个", 180000))),
			new Demo(XIDU, "刘冬梅", null, "13800000004", "13800000003", End.PUBLISHED, 18, 2, content(NeedCategory.EDUCATION, Urgency.NORMAL,
					"刘欣上学需要学习用品和校服", "刘冬梅独自抚养女儿刘欣，刘欣今年读五年级，需要一套冬季校服、书包和学习用品。",
					item("校服被褥", "冬季校服", 1, "套", 16000), item("学习用品", "书包和文具", 1, "套", 12000))),
			new Demo(CHASHI, "陈石头", null, "13800000014", "13800000013", End.PUBLISHED, 12, 1, content(NeedCategory.MEDICAL, Urgency.CRITICAL,
					"陈石头白内障手术费用", "陈石头老人独居，双眼白内障已经看不清路，医生建议尽快做手术。新农合报销后个人还需负担一部分手术费。",
					item("医疗费用", "白内障手术自付部分", 1, "次", 320000))),
			new Demo(CHASHI, "周秀兰", null, "13800000014", "13800000013", End.PUBLISHED, 10, 1, content(NeedCategory.MEDICAL, Urgency.URGENT,
					"陈建国腰椎手术费用", "周秀兰的丈夫陈建国腰椎间盘突出压迫神经，已不能下地干活。县人民医院建议手术，医保报销后自付部分家里拿不出。经帮扶基金筹款，手术费直接付给医院。",
					money("医疗费用", "腰椎手术自付费用", 2000000))),
			new Demo(XIDU, null, "西渡镇山茶油专业合作社", "13800000004", "13800000003", End.PUBLISHED, 9, 3, new NeedContent(
					NeedCategory.PRODUCT_SALES, "西渡山茶油待销售", "合作社 23 户贫困户种植的油茶今年丰收，古法压榨的山茶油 2000 斤，希望爱心企业和个人帮助销售。",
					List.of(item("农产品", "古法压榨山茶油", 2000, "斤", 16000000)), Urgency.NORMAL, null,
					new ProductSale("山茶油", 8000, "一年一季，10 月采摘", 11, 2))),
			new Demo(XIDU, null, null, "13800000004", "13800000003", End.PUBLISHED, 7, 2, content(NeedCategory.VILLAGE, Urgency.URGENT,
					"西渡村饮水管道改造", "西渡村三个村民小组的饮水管道老化漏水，夏天经常停水。需要更换 PE 管材，村民投工投劳，缺材料和部分施工费用。",
					item("饮水", "PE 给水管（DN50）", 1200, "米", 1800000), money("饮水", "管道安装施工费", 1200000))),
			new Demo(CHASHI, null, "茶市镇黄金茶专业合作社", "13800000014", "13800000013", End.PUBLISHED, 5, 3, new NeedContent(
					NeedCategory.PRODUCT_SALES, "茶市黄金茶春茶预售", "合作社带动 41 户贫困户种植黄金茶，明前春茶 600 斤接受预订，欢迎单位食堂和爱心人士认购。",
					List.of(item("农产品", "明前黄金茶", 600, "斤", 14400000)), Urgency.NORMAL, null,
					new ProductSale("黄金茶", 24000, "一年一季，3 月采摘", 3, 5))),
			new Demo(CHASHI, "周秀兰", null, "13800000014", "13800000013", End.PUBLISHED, 4, 0, content(NeedCategory.OTHER, Urgency.NORMAL,
					"周秀兰家需要过冬棉被", "周秀兰夫妇住在改造前的老房子里，冬天漏风，家里只有两床旧棉被，需要新棉被和棉衣。",
					item("生活用品", "棉被", 2, "床", 30000), item("衣物", "棉衣", 2, "件", 24000))),
			new Demo(CHASHI, "周秀兰", null, "13800000014", null, End.SUBMITTED, 3, 2, content(NeedCategory.HOUSING, Urgency.URGENT,
					"周秀兰家危房改造缺建材", "周秀兰家的土坯房被鉴定为 C 级危房，已纳入改造计划，政府补助之外还缺一部分砖和水泥。",
					item("建筑材料", "红砖", 8000, "块", 400000), item("建筑材料", "水泥", 40, "包", 100000))),
			new Demo(XIDU, "刘冬梅", null, "13800000004", null, End.DRAFT, 1, 0, content(NeedCategory.OTHER, Urgency.NORMAL,
					"刘冬梅家过冬棉被", "刘冬梅家的棉被用了十多年已经不保暖，冬天快到了，需要两床新棉被。",
					item("生活用品", "棉被", 2, "床", 30000))),
			new Demo(XIDU, "张大山", null, "13800000004", "13800000003", End.REJECTED, 15, 0, content(NeedCategory.OTHER, Urgency.NORMAL,
					"希望得到一台跑步机", "家里想锻炼身体，希望有爱心人士捐一台跑步机。",
					item("生活用品", "家用跑步机", 1, "台", 180000))),
			new Demo(XIDU, "李桂英", null, "13800000004", null, End.WITHDRAWN, 20, 0, content(NeedCategory.ELDERLY_CARE, Urgency.NORMAL,
					"李桂英需要冬季衣物", "李桂英年纪大了，冬天怕冷，需要冬季棉衣和棉鞋。",
					item("衣物被褥", "棉衣", 1, "件", 20000))),
			new Demo(CHASHI, "陈石头", null, "13800000014", "13800000013", End.EXPIRED, 29, 0, content(NeedCategory.ELDERLY_CARE, Urgency.NORMAL,
					"陈石头老人需要电热毯", "陈石头老人独居，冬天屋里很冷，需要一床电热毯。",
					item("生活用品", "电热毯", 1, "床", 9000))));

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || jdbc.sql("SELECT count(*) FROM need").query(Long.class).single() > 0) {
			return;
		}
		// all or nothing: a first start stopped half-way seeds again at the next start; a demo that
		// cannot be seeded (the registry was changed) is reported, and the application still starts
		try {
			transactions.executeWithoutResult(tx -> DEMOS.forEach(this::seed));
		}
		catch (RuntimeException e) {
			log.warn("演示需求未能生成 / demo needs not seeded: {}", e.toString());
		}
	}

	private void seed(Demo d) {
		BangfuUser poster = accounts.findByPhone(d.poster()).orElseThrow();
		Long householdId = null;
		if (d.head() != null) {
			householdId = households.within(regions.get(RegionCode.parse(d.village())), d.head(), false, 0).stream()
				.filter(h -> h.headName().equals(d.head()))
				.map(Household::id)
				.findFirst()
				.orElse(null);
			if (householdId == null) {
				return; // the demo registry was changed
			}
		}
		Need need = posting.create(poster, new NeedPosting.Subject(householdId, d.producer(), d.village()), d.content());
		long id = need.id();
		int count = Math.max(rules.of(d.content().category()).minPhotos(), d.photoScene() > 0 ? 1 : 0);
		for (int i = 0; i < count; i++) {
			photos.add(poster, need, new ByteArrayInputStream(scene(d.photoScene() + i)));
		}
		if (d.end() != End.DRAFT) {
			posting.submit(poster, id);
		}
		if (d.end() == End.PUBLISHED || d.end() == End.EXPIRED) {
			confirmations.confirm(needs.get(id), poster); // the household's own word before verification (issue 16)
		}
		BangfuUser verifier = d.verifier() == null ? null : accounts.findByPhone(d.verifier()).orElseThrow();
		switch (d.end()) {
			case PUBLISHED, EXPIRED -> publish(verifier, id);
			case REJECTED -> review.reject(verifier, id, "跑步机不属于基本生活需要，请与农户沟通真实困难后重新填报");
			case WITHDRAWN -> posting.withdraw(poster, id, "已由在外务工的亲属解决");
			default -> {
			}
		}
		backdate(id, Duration.ofDays(d.daysAgo()));
		if (d.end() == End.EXPIRED) {
			Need published = needs.get(id);
			published.expire(clock.instant());
			needs.save(published);
		}
	}

	/** Verifies a demo need: a flagged one with a written reason, a gravely flagged one also by the office above (issue 16). */
	private void publish(BangfuUser verifier, long id) {
		Need need = review.verify(verifier, id, "已入户核实，所列物品为生活必需，估价与当地价格相符。");
		if (need.state() == org.bangfu.need.NeedState.SUBMITTED) {
			java.util.stream.Stream.of(need.regionCode().substring(0, 6), need.regionCode().substring(0, 4) + "00")
				.flatMap(office -> accounts.staffAt(office).stream()).filter(account -> account != verifier.id()).findFirst()
				.flatMap(accounts::findById).ifPresent(higher -> review.verify(higher, id, "县级复核：同意乡镇意见，已电话回访农户确认。"));
		}
	}

	/** Moves the need's timestamps and history back, so that the demo shows a month of work. */
	private void backdate(long id, Duration by) {
		String interval = by.toHours() + " hours";
		jdbc.sql("""
				UPDATE need SET created_at = created_at - CAST(? AS interval), updated_at = updated_at - CAST(? AS interval),
				       submitted_at = submitted_at - CAST(? AS interval) + interval '2 hours',
				       verified_at = verified_at - CAST(? AS interval) + interval '1 day',
				       published_at = published_at - CAST(? AS interval) + interval '1 day'
				WHERE id = ?""")
			.params(interval, interval, interval, interval, interval, id)
			.update();
		jdbc.sql("""
				UPDATE need_transition SET at = at - CAST(? AS interval)
				    + CASE action WHEN 'SUBMIT' THEN interval '2 hours' WHEN 'CREATE' THEN interval '0' ELSE interval '1 day' END
				WHERE need_id = ?""")
			.params(interval, id)
			.update();
		jdbc.sql("UPDATE need_confirmation SET confirmed_at = confirmed_at - CAST(? AS interval) + interval '5 hours' WHERE need_id = ?")
			.params(interval, id)
			.update();
	}

	/** A simple drawn picture standing in for a photo (demo data holds no real people's photos). */
	static byte[] scene(int kind) {
		BufferedImage image = new BufferedImage(960, 720, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(178, 214, 238));
		g.fillRect(0, 0, 960, 720);
		g.setColor(new Color(92, 150, 88));
		g.fillOval(-200, 380, 900, 600);
		g.setColor(new Color(70, 128, 70));
		g.fillOval(400, 420, 900, 600);
		switch (kind % 3) {
			case 1 -> { // a wheelchair
				g.setColor(new Color(60, 60, 70));
				g.setStroke(new java.awt.BasicStroke(14));
				g.drawOval(330, 420, 220, 220);
				g.drawLine(440, 300, 440, 520);
				g.drawLine(440, 520, 620, 520);
				g.drawLine(620, 520, 640, 620);
				g.drawOval(600, 590, 60, 60);
			}
			case 2 -> { // a house
				g.setColor(new Color(200, 170, 130));
				g.fillRect(300, 360, 360, 260);
				g.setColor(new Color(150, 60, 40));
				g.fillPolygon(new int[] { 270, 480, 690 }, new int[] { 370, 220, 370 }, 3);
				g.setColor(new Color(90, 60, 40));
				g.fillRect(450, 480, 70, 140);
			}
			default -> { // tea-oil camellia bushes and a jar
				g.setColor(new Color(40, 100, 50));
				for (int i = 0; i < 5; i++) {
					g.fillOval(80 + i * 170, 300 + (i % 2) * 40, 160, 140);
				}
				g.setColor(new Color(230, 190, 60));
				g.fillRoundRect(420, 420, 130, 190, 30, 30);
			}
		}
		g.dispose();
		return DemoImages.jpeg(image);
	}
}
