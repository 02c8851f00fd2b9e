package org.bangfu.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.bangfu.need.NeedCategory;

/** The words and figures synthetic needs are made of: names, line items and products per category, story phrases, value caps. */
final class NeedTemplates {

	private NeedTemplates() {
	}

	/** One line item a category asks for: its kind (of the category's rule), name, unit, quantity range and unit value in yuan. */
	record Item(String kind, String name, String unit, int minQty, int maxQty, int minYuan, int maxYuan) {
	}

	record Product(String name, String unit, int minYuan, int maxYuan, String cycle, int fromMonth, int toMonth) {
	}

	private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向汤"
		.split("");

	private static final String[] GIVEN = "华明芳英兰秀桂珍国建军平红玉梅春生福强林海云凤成金荣德永志勇忠"
		.split("");

	static final Map<NeedCategory, Item[]> ITEMS = Map.of(
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

	static final Product[] PRODUCTS = {
		new Product("茶油", "斤", 60, 120, "每年一季", 10, 12), new Product("脐橙", "斤", 4, 8, "每年一季", 11, 2),
		new Product("黄桃", "斤", 5, 10, "每年一季", 7, 8), new Product("土鸡蛋", "枚", 1, 2, "常年", 1, 12),
		new Product("腊肉", "斤", 40, 70, "每年一季", 12, 2), new Product("蜂蜜", "斤", 50, 100, "每年两季", 5, 10),
		new Product("香菇", "斤", 30, 60, "每年两季", 3, 11), new Product("红薯粉", "斤", 10, 20, "每年一季", 11, 3),
		new Product("猕猴桃", "斤", 6, 12, "每年一季", 9, 11), new Product("茶叶", "斤", 100, 400, "每年一季", 4, 6),
		new Product("土鸡", "只", 80, 150, "常年", 1, 12), new Product("冬笋", "斤", 8, 15, "每年一季", 11, 1) };

	static final String[] AILMENTS = { "患有高血压多年", "患有糖尿病需长期用药", "双眼患白内障看不清东西", "中风后半身不遂",
		"听力严重下降", "腿脚残疾行动不便", "患尿毒症每周需要透析", "患慢性肺病常年咳喘", "因车祸落下残疾", "患类风湿关节炎" };

	static final String[] FAMILY = { "一家五口靠几亩薄田生活", "老伴去年过世，独自一人生活", "妻子长期卧病在床", "两个孩子都在上学",
		"儿子在外打工收入微薄", "家中还有八十多岁的老母亲", "父母双亡，由年迈的奶奶抚养", "夫妻二人都体弱多病", "住的还是几十年前的土坯房",
		"家里唯一的劳动力外出务工受伤" };

	static final String[] INCOME = { "种水稻", "种玉米和红薯", "养几头猪", "打零工", "低保金", "种油茶", "采茶", "养鸡鸭" };

	static final String[] THANKS = { "恳请爱心人士伸出援手。", "希望好心人帮助，全家万分感谢。", "谢谢社会各界的关心！",
		"村里已核实情况，请大家帮帮他们。", "一点帮助就能解决大问题。", "感谢每一位献出爱心的人。" };

	static final String[] HOUSE = { "房屋是上世纪八十年代的土坯房，墙体开裂", "屋顶漏雨，一下雨就要拿盆接水", "房子被去年的洪水冲坏一角",
		"经鉴定为C级危房", "厨房和厕所破旧，没有自来水" };

	static final String[] SCHOOL = { "今年考上了县一中", "在镇中学读初二", "考上了省城的大学", "在读职业技术学校", "在村小读四年级",
		"在读小学，成绩一直是班上前几名" };

	static final int[] SCHOOL_AGE = { 15, 13, 18, 16, 9, 7 };

	/** The categories' total value caps (need_category_rule.max_need_value_fen, in yuan). */
	static final Map<NeedCategory, Integer> MAX_NEED_YUAN = Map.of(NeedCategory.MEDICAL, 100_000, NeedCategory.EDUCATION, 20_000,
			NeedCategory.HOUSING, 100_000, NeedCategory.ORPHAN_CARE, 10_000, NeedCategory.ELDERLY_CARE, 10_000,
			NeedCategory.CENTRAL_SUPPORT, 10_000, NeedCategory.PRODUCT_SALES, 2_000_000, NeedCategory.VILLAGE, 500_000,
			NeedCategory.OTHER, 5_000);

	static <T> T pick(T[] a, SplittableRandom r) {
		return a[r.nextInt(a.length)];
	}

	static NeedCategory category(SplittableRandom r) {
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

	static String name(SplittableRandom r) {
		return pick(SURNAMES, r) + "*" + pick(GIVEN, r);
	}

	static void addLine(Item item, SplittableRandom r, List<long[]> lines, List<String[]> text) {
		int qty = item.minQty() + r.nextInt(item.maxQty() - item.minQty() + 1);
		long unitFen = 100L * (item.minYuan() + r.nextInt(item.maxYuan() - item.minYuan() + 1));
		lines.add(new long[] { qty, qty * unitFen });
		text.add(new String[] { item.kind(), item.name(), item.unit() });
	}

	static String joinNames(List<Item> items) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < items.size(); i++) {
			b.append(i == 0 ? "" : i == items.size() - 1 ? "和" : "、").append(items.get(i).name());
		}
		return b.toString();
	}

	/** 西渡村委会 → 西渡村, 罗家村村民委员会 → 罗家村, 茶市社区居民委员会 → 茶市社区: how people say it. */
	static String shortName(String village) {
		for (String suffix : new String[] { "居民委员会", "居委会", "村民委员会", "村委会" }) {
			if (village.endsWith(suffix) && village.length() > suffix.length() + 1) {
				String name = village.substring(0, village.length() - suffix.length());
				return suffix.startsWith("村") && !name.endsWith("村") ? name + "村" : name;
			}
		}
		return village;
	}
}
