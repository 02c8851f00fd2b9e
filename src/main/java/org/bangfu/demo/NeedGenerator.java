package org.bangfu.demo;

import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedSearch;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.RegionCode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

/**
 * Synthetic open needs for benchmarks (issue #5): {@code generate-needs --count=1000000}. Inserts
 * PUBLISHED and PARTLY_PLEDGED needs with their items straight into the database with COPY, spread
 * over the villages of the region table (every village equally likely within its province, the
 * provinces weighted towards the central and western ones where most poor villages were), with
 * titles and stories from templates of real words, so that keyword search and its selectivity
 * behave as on real data. No personal data: there are no households; a household's need names a
 * masked-looking beneficiary as its producer (the CHECK on need wants a household, a producer or a
 * village project). Deterministic for a given seed, count and region table.
 */
@Component
public class NeedGenerator {

	static final int BATCH = 20_000;

	private final DataSource dataSource;

	NeedGenerator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public record Result(long needs, long items, long villages, long firstId, long lastId, long millis) {
	}

	/**
	 * @param regionPrefix the villages whose code starts with this (a region code's prefix), or all villages when empty
	 */
	public Result generate(long count, long seed, String regionPrefix, Instant now) throws SQLException, IOException {
		if (count <= 0) {
			throw new IllegalArgumentException("--count 须为正整数 / must be positive");
		}
		String prefix = regionPrefix == null || regionPrefix.isBlank() ? "" : RegionCode.parse(regionPrefix).prefix();
		now = now.truncatedTo(ChronoUnit.SECONDS);
		long start = System.nanoTime();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			Villages villages = villages(c, prefix);
			if (villages.codes.isEmpty()) {
				throw new BadInputException("region.not-found", prefix.isEmpty() ? "(villages)" : prefix);
			}
			long[] staff = staff(c);
			long firstId;
			try (PreparedStatement s = c.prepareStatement(
					"SELECT setval(pg_get_serial_sequence('need', 'id'), nextval(pg_get_serial_sequence('need', 'id')) + ? - 1) - ? + 1")) {
				s.setLong(1, count);
				s.setLong(2, count);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					firstId = rs.getLong(1);
				}
			}
			// One transaction: the secondary indexes of need are dropped, the rows copied, the indexes built again in one
			// pass each (far faster than maintaining the trigram index row by row); a failure leaves everything as it was.
			c.setAutoCommit(false);
			List<String> indexes = new ArrayList<>();
			try (Statement s = c.createStatement()) {
				try (ResultSet rs = s.executeQuery("""
						SELECT indexname, indexdef FROM pg_indexes i
						WHERE schemaname = current_schema() AND tablename = 'need'
						  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
						ORDER BY indexname""")) {
					while (rs.next()) {
						indexes.add(rs.getString(2));
					}
				}
				for (String def : indexes) {
					s.execute("DROP INDEX " + def.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
				}
				s.execute("SET LOCAL maintenance_work_mem = '256MB'");
			}
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			SplittableRandom random = new SplittableRandom(seed);
			Texts texts = new Texts();
			long items = 0;
			StringBuilder needRows = new StringBuilder(BATCH * 1200);
			StringBuilder itemRows = new StringBuilder(BATCH * 300);
			for (long done = 0; done < count;) {
				int n = (int) Math.min(BATCH, count - done);
				needRows.setLength(0);
				itemRows.setLength(0);
				for (int i = 0; i < n; i++) {
					items += texts.need(firstId + done + i, villages.pick(random), random, staff, now, needRows, itemRows);
				}
				copy.copyIn(NEED_COPY, new StringReader(needRows.toString()));
				copy.copyIn(ITEM_COPY, new StringReader(itemRows.toString()));
				done += n;
				if (done % 100_000 == 0 || done == count) {
					System.out.printf("  %,d / %,d needs (%d s)%n", done, count, (System.nanoTime() - start) / 1_000_000_000);
				}
			}
			try (Statement s = c.createStatement()) {
				for (String def : indexes) {
					long t = System.nanoTime();
					s.execute(def);
					System.out.printf("  %s (%d s)%n", def.replaceFirst(" USING .*$", ""), (System.nanoTime() - t) / 1_000_000_000);
				}
			}
			c.commit();
			c.setAutoCommit(true);
			try (Statement s = c.createStatement()) {
				// the visibility map too, so that index-only scans need no heap visit, as autovacuum would leave it
				s.execute("VACUUM (ANALYZE) need");
				s.execute("VACUUM (ANALYZE) need_item");
			}
			return new Result(count, items, villages.codes.size(), firstId, firstId + count - 1, (System.nanoTime() - start) / 1_000_000);
		}
	}

	private static final String NEED_COPY = """
			COPY need (id, region_code, category, title, story, household_id, producer, urgency, needed_by, state, poster_id, on_behalf,
			           total_quantity, pledged_quantity, total_value_fen, product, price_fen, production_cycle, sales_from_month,
			           sales_to_month, verified_by, created_at, submitted_at, verified_at, published_at, updated_at, version, search_pairs)
			FROM STDIN (FORMAT text)""";

	private static final String ITEM_COPY = """
			COPY need_item (need_id, position, kind, name, quantity, unit, value_fen, pledged_quantity) FROM STDIN (FORMAT text)""";

	/** The poster (a staff account: the first city admin, else any staff) and a verifier other than the poster when there is one. */
	private static long[] staff(Connection c) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("""
						SELECT account_id FROM role_grant
						WHERE revoked_at IS NULL AND role IN ('CITY_ADMIN', 'COUNTY_ADMIN', 'TOWNSHIP_MANAGER', 'VILLAGE_OFFICER')
						GROUP BY account_id ORDER BY min(CASE role WHEN 'CITY_ADMIN' THEN 0 WHEN 'COUNTY_ADMIN' THEN 1 ELSE 2 END), account_id
						LIMIT 2""")) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		if (ids.isEmpty()) {
			throw new IllegalStateException("没有工作人员账号可作发布人（先以 bangfu.demo=true 启动一次）/ no staff account to post as: start once with the demo seed");
		}
		return new long[] { ids.get(0), ids.size() > 1 ? ids.get(1) : ids.get(0) };
	}

	/** The villages, each with its province's weight, as a cumulative distribution. */
	private static final class Villages {

		final List<String> codes = new ArrayList<>();

		final List<String> names = new ArrayList<>();

		double[] cumulative;

		String[] pick(SplittableRandom random) {
			double x = random.nextDouble() * cumulative[cumulative.length - 1];
			int i = java.util.Arrays.binarySearch(cumulative, x);
			if (i < 0) {
				i = -i - 1;
			}
			i = Math.min(i, cumulative.length - 1);
			return new String[] { codes.get(i), names.get(i) };
		}
	}

	/**
	 * Where poor villages were (the 14 contiguous poor areas are mostly in the west and centre): a
	 * village of Guizhou or Gansu is far likelier to post than one of Shanghai or Zhejiang.
	 */
	private static final Map<String, Double> PROVINCE_WEIGHT = Map.ofEntries(Map.entry("11", 0.1), Map.entry("12", 0.1),
			Map.entry("13", 1.0), Map.entry("14", 1.2), Map.entry("15", 1.0), Map.entry("21", 0.5), Map.entry("22", 0.7),
			Map.entry("23", 0.8), Map.entry("31", 0.1), Map.entry("32", 0.3), Map.entry("33", 0.2), Map.entry("34", 1.0),
			Map.entry("35", 0.4), Map.entry("36", 1.2), Map.entry("37", 0.6), Map.entry("41", 1.2), Map.entry("42", 1.2),
			Map.entry("43", 1.5), Map.entry("44", 0.4), Map.entry("45", 1.5), Map.entry("46", 1.0), Map.entry("50", 1.2),
			Map.entry("51", 1.5), Map.entry("52", 2.0), Map.entry("53", 2.0), Map.entry("54", 2.0), Map.entry("61", 1.5),
			Map.entry("62", 2.0), Map.entry("63", 1.5), Map.entry("64", 1.5), Map.entry("65", 1.5));

	private static Villages villages(Connection c, String prefix) throws SQLException {
		Villages v = new Villages();
		List<Double> weights = new ArrayList<>();
		try (PreparedStatement s = c.prepareStatement(
				"SELECT code, name FROM region WHERE level = 'VILLAGE' AND code LIKE ? ORDER BY code")) {
			s.setString(1, prefix + "%");
			s.setFetchSize(10_000);
			c.setAutoCommit(false);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					String code = rs.getString(1);
					v.codes.add(code);
					v.names.add(rs.getString(2));
					weights.add(PROVINCE_WEIGHT.getOrDefault(code.substring(0, 2), 1.0));
				}
			}
			finally {
				c.commit();
				c.setAutoCommit(true);
			}
		}
		v.cumulative = new double[weights.size()];
		double sum = 0;
		for (int i = 0; i < weights.size(); i++) {
			sum += weights.get(i);
			v.cumulative[i] = sum;
		}
		return v;
	}

	/** One line item a category asks for: its kind (of the category's rule), name, unit, quantity range and unit value in yuan. */
	private record Item(String kind, String name, String unit, int minQty, int maxQty, int minYuan, int maxYuan) {
	}

	private record Product(String name, String unit, int minYuan, int maxYuan, String cycle, int fromMonth, int toMonth) {
	}

	/** The text templates and the row writer. */
	static final class Texts {

		private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向汤"
			.split("");

		private static final String[] GIVEN = "华明芳英兰秀桂珍国建军平红玉梅春生福强林海云凤成金荣德永志勇忠"
			.split("");

		private static final Map<NeedCategory, Item[]> ITEMS = Map.of(
				NeedCategory.MEDICAL, new Item[] {
					new Item("康复器具", "轮椅", "辆", 1, 1, 400, 1500), new Item("康复器具", "助听器", "台", 1, 2, 800, 3000),
					new Item("药品", "降压药", "盒", 6, 24, 20, 60), new Item("药品", "胰岛素", "支", 10, 30, 40, 90),
					new Item("医疗费用", "白内障手术", "次", 1, 1, 3000, 6000), new Item("医疗费用", "透析费用", "次", 4, 12, 400, 600),
					new Item("康复器具", "拐杖", "副", 1, 2, 50, 200), new Item("康复器具", "制氧机", "台", 1, 1, 1200, 3000),
					new Item("康复器具", "血糖仪", "台", 1, 1, 100, 300), new Item("护理服务", "康复训练", "次", 10, 30, 50, 150),
					new Item("营养品", "奶粉", "罐", 4, 12, 80, 200), new Item("医疗费用", "住院费用", "次", 1, 1, 2000, 9000) },
				NeedCategory.EDUCATION, new Item[] {
					new Item("学费", "学费", "学期", 1, 2, 1500, 3500), new Item("生活费", "生活费", "月", 3, 10, 300, 600),
					new Item("学习用品", "书包文具", "套", 1, 3, 80, 200), new Item("校服被褥", "校服", "套", 1, 2, 150, 300),
					new Item("校服被褥", "被褥", "套", 1, 2, 150, 400), new Item("交通费", "往返车费", "学期", 1, 2, 200, 800),
					new Item("电脑", "学习用电脑", "台", 1, 1, 2500, 4000), new Item("学习用品", "课外辅导书", "套", 1, 3, 60, 150) },
				NeedCategory.HOUSING, new Item[] {
					new Item("危房改造", "危房改造", "户", 1, 1, 15000, 30000), new Item("建筑材料", "水泥", "吨", 2, 10, 400, 600),
					new Item("建筑材料", "砖瓦", "千块", 2, 10, 500, 900), new Item("建筑材料", "门窗", "樘", 2, 6, 300, 900),
					new Item("水电改造", "自来水入户", "户", 1, 1, 800, 2000), new Item("水电改造", "电线改造", "户", 1, 1, 600, 1500),
					new Item("施工费用", "屋顶翻修", "户", 1, 1, 3000, 8000), new Item("施工费用", "厕所改造", "户", 1, 1, 2000, 5000),
					new Item("基本家具", "床和衣柜", "套", 1, 2, 600, 1500), new Item("基本家电", "电饭煲", "台", 1, 1, 150, 300) },
				NeedCategory.ORPHAN_CARE, new Item[] {
					new Item("衣物", "冬衣", "套", 1, 3, 150, 300), new Item("学习用品", "学习用品", "套", 1, 2, 80, 200),
					new Item("生活费", "生活费", "月", 3, 6, 200, 500), new Item("衣物", "棉被", "床", 1, 2, 150, 300),
					new Item("陪伴辅导", "课业辅导", "次", 10, 30, 30, 80), new Item("学习用品", "课外书", "套", 1, 3, 50, 150) },
				NeedCategory.ELDERLY_CARE, new Item[] {
					new Item("衣物被褥", "棉被", "床", 1, 2, 150, 300), new Item("衣物被褥", "冬衣", "套", 1, 2, 150, 300),
					new Item("助行器具", "助行器", "个", 1, 1, 150, 500), new Item("生活用品", "电热毯", "条", 1, 2, 80, 200),
					new Item("生活用品", "老花镜", "副", 1, 2, 30, 100), new Item("生活用品", "米和食用油", "份", 2, 6, 100, 200),
					new Item("照料服务", "上门照料", "次", 10, 30, 40, 80), new Item("医疗费用", "慢性病药费", "月", 3, 6, 100, 300) },
				NeedCategory.CENTRAL_SUPPORT, new Item[] {
					new Item("衣物被褥", "被褥", "套", 1, 2, 150, 400), new Item("生活用品", "生活用品", "份", 2, 6, 100, 300),
					new Item("护理服务", "护理服务", "月", 1, 3, 300, 800), new Item("医疗费用", "医疗费用", "次", 1, 2, 300, 1500),
					new Item("生活用品", "轮椅", "辆", 1, 1, 400, 1200) },
				NeedCategory.PRODUCT_SALES, new Item[0],
				NeedCategory.VILLAGE, new Item[] {
					new Item("道路", "村道硬化", "公里", 1, 1, 50000, 95000), new Item("饮水", "饮水工程", "处", 1, 2, 30000, 90000),
					new Item("电力", "太阳能路灯", "盏", 10, 40, 800, 2000), new Item("公共服务设施", "文化广场", "处", 1, 1, 40000, 90000),
					new Item("产业设施", "灌溉水渠", "米", 200, 500, 80, 180), new Item("道路", "桥梁维修", "座", 1, 1, 30000, 90000) },
				NeedCategory.OTHER, new Item[] {
					new Item("农资", "化肥", "袋", 5, 10, 100, 200), new Item("农资", "种苗", "份", 2, 10, 50, 200),
					new Item("生活用品", "冰箱", "台", 1, 1, 1200, 1900), new Item("生活用品", "洗衣机", "台", 1, 1, 900, 1900),
					new Item("衣物", "冬衣", "套", 1, 4, 100, 250), new Item("农资", "小型农机", "台", 1, 1, 1000, 1900) });

		private static final Product[] PRODUCTS = {
			new Product("茶油", "斤", 60, 120, "每年一季", 10, 12), new Product("脐橙", "斤", 4, 8, "每年一季", 11, 2),
			new Product("黄桃", "斤", 5, 10, "每年一季", 7, 8), new Product("土鸡蛋", "枚", 1, 2, "常年", 1, 12),
			new Product("腊肉", "斤", 40, 70, "每年一季", 12, 2), new Product("蜂蜜", "斤", 50, 100, "每年两季", 5, 10),
			new Product("香菇", "斤", 30, 60, "每年两季", 3, 11), new Product("红薯粉", "斤", 10, 20, "每年一季", 11, 3),
			new Product("猕猴桃", "斤", 6, 12, "每年一季", 9, 11), new Product("茶叶", "斤", 100, 400, "每年一季", 4, 6),
			new Product("土鸡", "只", 80, 150, "常年", 1, 12), new Product("冬笋", "斤", 8, 15, "每年一季", 11, 1) };

		private static final String[] AILMENTS = { "患有高血压多年", "患有糖尿病需长期用药", "双眼患白内障看不清东西", "中风后半身不遂",
			"听力严重下降", "腿脚残疾行动不便", "患尿毒症每周需要透析", "患慢性肺病常年咳喘", "因车祸落下残疾", "患类风湿关节炎" };

		private static final String[] FAMILY = { "一家五口靠几亩薄田生活", "老伴去年过世，独自一人生活", "妻子长期卧病在床", "两个孩子都在上学",
			"儿子在外打工收入微薄", "家中还有八十多岁的老母亲", "父母双亡，由年迈的奶奶抚养", "夫妻二人都体弱多病", "住的还是几十年前的土坯房",
			"家里唯一的劳动力外出务工受伤" };

		private static final String[] INCOME = { "种水稻", "种玉米和红薯", "养几头猪", "打零工", "低保金", "种油茶", "采茶", "养鸡鸭" };

		private static final String[] THANKS = { "恳请爱心人士伸出援手。", "希望好心人帮助，全家万分感谢。", "谢谢社会各界的关心！",
			"村里已核实情况，请大家帮帮他们。", "一点帮助就能解决大问题。", "感谢每一位献出爱心的人。" };

		private static final String[] HOUSE = { "房屋是上世纪八十年代的土坯房，墙体开裂", "屋顶漏雨，一下雨就要拿盆接水", "房子被去年的洪水冲坏一角",
			"经鉴定为C级危房", "厨房和厕所破旧，没有自来水" };

		private static final String[] SCHOOL = { "今年考上了县一中", "在镇中学读初二", "考上了省城的大学", "在读职业技术学校", "在村小读四年级",
			"在读小学，成绩一直是班上前几名" };

		private static final int[] SCHOOL_AGE = { 15, 13, 18, 16, 9, 7 };

		private final StringBuilder s = new StringBuilder(400);

		private static <T> T pick(T[] a, SplittableRandom r) {
			return a[r.nextInt(a.length)];
		}

		private static NeedCategory category(SplittableRandom r) {
			int x = r.nextInt(100);
			if (x < 22) return NeedCategory.MEDICAL;
			if (x < 40) return NeedCategory.EDUCATION;
			if (x < 52) return NeedCategory.HOUSING;
			if (x < 57) return NeedCategory.ORPHAN_CARE;
			if (x < 70) return NeedCategory.ELDERLY_CARE;
			if (x < 74) return NeedCategory.CENTRAL_SUPPORT;
			if (x < 86) return NeedCategory.PRODUCT_SALES;
			if (x < 92) return NeedCategory.VILLAGE;
			return NeedCategory.OTHER;
		}

		private static String name(SplittableRandom r) {
			return pick(SURNAMES, r) + "*" + pick(GIVEN, r);
		}

		/** Writes one need's COPY line and its items' lines; returns the number of items. */
		int need(long id, String[] village, SplittableRandom r, long[] staff, Instant now, StringBuilder needs, StringBuilder items) {
			NeedCategory category = category(r);
			String villageName = village[1];
			String title;
			String story;
			String producer;
			String product = null;
			long priceFen = 0;
			Product p = null;
			List<long[]> lines = new ArrayList<>(4); // quantity, value fen
			List<String[]> lineText = new ArrayList<>(4); // kind, name, unit
			int age = 35 + r.nextInt(50);
			if (category == NeedCategory.PRODUCT_SALES) {
				p = PRODUCTS[r.nextInt(PRODUCTS.length)];
				product = p.name();
				priceFen = 100L * (p.minYuan() + r.nextInt(p.maxYuan() - p.minYuan() + 1));
				producer = shortName(villageName) + p.name() + pick(new String[] { "专业合作社", "种养合作社", "扶贫车间", "家庭农场" }, r);
				int qty = (int) Math.min(200 * (1 + r.nextInt(50)), 400_000_00L / priceFen); // the item cap: 500,000 yuan
				lines.add(new long[] { qty, qty * priceFen });
				lineText.add(new String[] { p.name().equals("腊肉") || p.name().equals("红薯粉") ? "加工品" : "农产品", p.name(), p.unit() });
				title = pick(new String[] { "%s的%s滞销，盼爱心人士认购", "%s新季%s上市，助农认购", "帮帮%s：%s找销路" }, r)
					.formatted(shortName(villageName), p.name());
				story = "%s地处山区，%s是村里的主要产业，今年%s产量约%d%s，%s，品质好但缺少销路。收购价每%s%d元，按%s出售，欢迎单位食堂和爱心人士认购，%s"
					.formatted(villageName, p.name(), p.name(), qty, p.unit(), pick(new String[] { "全部手工采摘", "不打农药", "传统工艺制作", "合作社统一分拣包装" }, r),
							p.unit(), priceFen / 100, p.cycle(), pick(THANKS, r));
			}
			else if (category == NeedCategory.VILLAGE) {
				producer = null;
				Item item = pick(ITEMS.get(category), r);
				addLine(item, r, lines, lineText);
				title = "%s%s项目".formatted(shortName(villageName), item.name());
				story = "%s共有%d户%d人，其中建档立卡贫困户%d户。%s，群众出行和生产很不方便。村两委经村民代表大会讨论，申请实施%s项目，所需资金缺口较大，%s"
					.formatted(villageName, 150 + r.nextInt(500), 600 + r.nextInt(2000), 10 + r.nextInt(80),
							pick(new String[] { "村里的路还是泥巴路，雨天无法通车", "村民饮水靠山泉，旱季经常断水", "晚上村道一片漆黑", "水渠年久失修，农田灌溉困难",
								"村里没有一处像样的活动场所" }, r),
							item.name(), pick(THANKS, r));
			}
			else {
				producer = name(r) + "家";
				Item[] choices = ITEMS.get(category);
				int count = 1 + Math.min(3, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 0.9));
				List<Item> chosen = new ArrayList<>();
				long cap = MAX_NEED_YUAN.get(category) * 100L;
				long sum = 0;
				for (int attempt = 0; chosen.size() < count && attempt < 20; attempt++) {
					Item item = pick(choices, r);
					if (!chosen.contains(item)) {
						addLine(item, r, lines, lineText);
						long value = lines.get(lines.size() - 1)[1];
						if (sum + value > cap && !chosen.isEmpty()) { // within the category's total cap, as submission checks
							lines.remove(lines.size() - 1);
							lineText.remove(lineText.size() - 1);
							continue;
						}
						sum += value;
						chosen.add(item);
					}
				}
				String first = chosen.get(0).name();
				String who;
				String situation;
				switch (category) {
					case MEDICAL -> {
						who = pick(new String[] { "户主", "老人", "户主的妻子", "户主的父亲" }, r);
						situation = pick(AILMENTS, r);
					}
					case EDUCATION -> {
						who = pick(new String[] { "长子", "女儿", "孙子", "小儿子" }, r);
						int school = r.nextInt(SCHOOL.length);
						age = SCHOOL_AGE[school] + r.nextInt(3);
						situation = SCHOOL[school];
					}
					case HOUSING -> {
						who = "户主";
						situation = pick(HOUSE, r);
					}
					case ORPHAN_CARE -> {
						who = pick(new String[] { "孩子", "小姑娘", "小男孩" }, r);
						age = 5 + r.nextInt(12);
						situation = "父母双亡，现由年迈的亲属抚养";
					}
					default -> {
						who = pick(new String[] { "老人", "五保老人", "独居老人" }, r);
						age = 65 + r.nextInt(30);
						situation = pick(new String[] { "无儿无女，独自生活", "子女不在身边", "患有多种慢性病", "行动不便，生活难以自理" }, r);
					}
				}
				title = pick(new String[] { "%s急需%s", "帮%s解决%s", "%s的%s", "为%s筹集%s" }, r).formatted(producer, joinNames(chosen));
				s.setLength(0);
				s.append(villageName).append(producer).append(who).append("今年").append(age).append("岁，").append(situation).append("。")
					.append(pick(FAMILY, r)).append("，家庭收入主要靠").append(pick(INCOME, r)).append("，年人均收入不足")
					.append(2000 + 500 * r.nextInt(8)).append("元。");
				s.append("目前最需要的是").append(joinNames(chosen)).append("，").append(first).append("一项就要")
					.append(lines.get(0)[1] / 100).append("元左右，家里实在拿不出来。").append(pick(THANKS, r));
				story = s.toString();
			}
			int totalQty = 0;
			long totalValue = 0;
			for (long[] line : lines) {
				totalQty += (int) line[0];
				totalValue += line[1];
			}
			// 80% waiting for a first pledge, 20% partly pledged (needs of more than one unit)
			int pledged = 0;
			int[] linePledged = new int[lines.size()];
			if (totalQty > 1 && r.nextInt(5) == 0) {
				int target = 1 + r.nextInt(totalQty - 1);
				for (int i = 0; i < lines.size() && pledged < target; i++) {
					int take = (int) Math.min(lines.get(i)[0], target - pledged);
					linePledged[i] = take;
					pledged += take;
				}
			}
			String state = pledged > 0 ? "PARTLY_PLEDGED" : "PUBLISHED";
			int u = r.nextInt(100);
			int urgency = u < 60 ? 1 : u < 90 ? 2 : 3;
			Instant published = now.minusSeconds(r.nextLong(90L * 24 * 3600));
			Instant created = published.minusSeconds(3600 + r.nextLong(10L * 24 * 3600));
			Instant submitted = created.plusSeconds(r.nextLong(published.getEpochSecond() - created.getEpochSecond() + 1) / 2);
			Instant updated = pledged > 0 ? published.plusSeconds(r.nextLong(Math.max(1, now.getEpochSecond() - published.getEpochSecond()))) : published;
			LocalDate neededBy = r.nextInt(3) == 0 ? LocalDate.ofInstant(published.plus(30 + r.nextInt(150), ChronoUnit.DAYS), ZONE) : null;
			String pairs = NeedSearch.pairs(title, story);
			needs.append(id).append('\t').append(village[0]).append('\t').append(category.name()).append('\t').append(copyText(title)).append('\t')
				.append(copyText(story)).append("\t\\N\t").append(producer == null ? "\\N" : copyText(producer)).append('\t').append(urgency).append('\t')
				.append(neededBy == null ? "\\N" : neededBy.toString()).append('\t').append(state).append('\t').append(staff[0])
				.append('\t').append(category == NeedCategory.PRODUCT_SALES || category == NeedCategory.VILLAGE ? "f" : "t").append('\t')
				.append(totalQty).append('\t').append(pledged).append('\t').append(totalValue).append('\t');
			if (p != null) {
				needs.append(product).append('\t').append(priceFen).append('\t').append(p.cycle()).append('\t').append(p.fromMonth())
					.append('\t').append(p.toMonth()).append('\t');
			}
			else {
				needs.append("\\N\t\\N\t\\N\t\\N\t\\N\t");
			}
			needs.append(staff[1]).append('\t').append(created).append('\t').append(submitted).append('\t').append(published).append('\t')
				.append(published).append('\t').append(updated).append('\t').append(pledged > 0 ? 1 : 0).append('\t').append(copyText(pairs)).append('\n');
			for (int i = 0; i < lines.size(); i++) {
				String[] t = lineText.get(i);
				items.append(id).append('\t').append(i).append('\t').append(t[0]).append('\t').append(t[1]).append('\t')
					.append(lines.get(i)[0]).append('\t').append(t[2]).append('\t').append(lines.get(i)[1]).append('\t')
					.append(linePledged[i]).append('\n');
			}
			return lines.size();
		}

		/** The categories' total value caps (need_category_rule.max_need_value_fen, in yuan). */
		private static final Map<NeedCategory, Integer> MAX_NEED_YUAN = Map.of(NeedCategory.MEDICAL, 100_000, NeedCategory.EDUCATION, 20_000,
				NeedCategory.HOUSING, 100_000, NeedCategory.ORPHAN_CARE, 10_000, NeedCategory.ELDERLY_CARE, 10_000,
				NeedCategory.CENTRAL_SUPPORT, 10_000, NeedCategory.PRODUCT_SALES, 2_000_000, NeedCategory.VILLAGE, 500_000,
				NeedCategory.OTHER, 5_000);

		/** COPY's text format: a backslash, tab or line break in a value must be escaped. */
		private static String copyText(String s) {
			if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
				return s;
			}
			return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
		}

		private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

		private static void addLine(Item item, SplittableRandom r, List<long[]> lines, List<String[]> text) {
			int qty = item.minQty() + r.nextInt(item.maxQty() - item.minQty() + 1);
			long unitFen = 100L * (item.minYuan() + r.nextInt(item.maxYuan() - item.minYuan() + 1));
			lines.add(new long[] { qty, qty * unitFen });
			text.add(new String[] { item.kind(), item.name(), item.unit() });
		}

		private static String joinNames(List<Item> items) {
			StringBuilder b = new StringBuilder();
			for (int i = 0; i < items.size(); i++) {
				b.append(i == 0 ? "" : i == items.size() - 1 ? "和" : "、").append(items.get(i).name());
			}
			return b.toString();
		}

		/** 西渡村委会 → 西渡村, 罗家村村民委员会 → 罗家村, 茶市社区居民委员会 → 茶市社区: how people say it. */
		private static String shortName(String village) {
			for (String suffix : new String[] { "居民委员会", "居委会", "村民委员会", "村委会" }) {
				if (village.endsWith(suffix) && village.length() > suffix.length() + 1) {
					String name = village.substring(0, village.length() - suffix.length());
					return suffix.startsWith("村") && !name.endsWith("村") ? name + "村" : name;
				}
			}
			return village;
		}
	}
}
