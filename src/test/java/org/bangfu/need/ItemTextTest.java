package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.bangfu.shared.BadInputException;
import org.junit.jupiter.api.Test;

/** The normaliser (widths, scripts, case, separators, models) and the item judge over small lists, without the database. */
class ItemTextTest {

	private static ItemLists lists() {
		return new ItemLists(ItemListText.goods("""
				跑步机 | treadmill、paobuji、走步机
				白酒 | baijiu、酒水
				按摩椅 | massage chair、anmoyi
				游戏机 | ps5、switch
				"""), ItemListText.brands("""
				茅台 | maotai、moutai、飞天 | 白酒
				耐克 | nike、naike、aj | 鞋、服装
				Apple | iphone、ipad、苹果手机、爱疯、苹果15 | 手机
				华为Mate | mate | 手机
				路易威登 | lv | 包
				"""), ItemListText.kinds("""
				学习用品 | 30 | 1000 | 书包、文具、笔记本、台灯
				电脑 | 2500 | 4500 | 电脑、笔记本电脑、平板、手机、ipad
				护理用品 | 20 | 500 | 尿不湿、护理垫
				助行器具 | 300 | 2500 | 轮椅、拐杖
				基本家电 | 300 | 3000 | 电饭煲、油烟机、冰箱
				农产品 | 1 | 100000 | 苹果、柑橘
				其他 | 10 | 1000 |
				""", Set.of("学习用品", "电脑", "护理用品", "助行器具", "基本家电", "农产品", "其他")));
	}

	@Test
	void widthsScriptsCaseAndSeparatorsDoNotMatter() {
		assertThat(ItemText.key("ｉＰｈｏｎｅ１５")).isEqualTo("iphone15");
		assertThat(ItemText.key("iPhone15ProMax")).isEqualTo(ItemText.key("iphone 15 pro max")).isEqualTo("iphone15promax");
		assertThat(ItemText.key("Mate60 Pro")).isEqualTo(ItemText.key("mate 60pro")).isEqualTo(ItemText.key("ＭＡＴＥ６０－ＰＲＯ"));
		assertThat(ItemText.key("跑步機")).isEqualTo("跑步机");
		assertThat(ItemText.key("電腦、蘋果手機")).isEqualTo("电脑苹果手机");
		assertThat(ItemText.key("NIKE")).isEqualTo(ItemText.key("Nike")).isEqualTo(ItemText.key("ｎｉｋｅ"));
		assertThat(ItemText.key("茅 台·飞天（53°）")).isEqualTo("茅台飞天53");
	}

	@Test
	void shortLatinWordsAreOnlyFoundAsWords() {
		assertThat(ItemText.of("LV包包").contains("lv")).isTrue();
		assertThat(ItemText.of("买个 lv 的包").contains("lv")).isTrue();
		assertThat(ItemText.of("solve problems").contains("lv")).isFalse();
		assertThat(ItemText.of("AJ1篮球鞋").contains("aj")).isTrue();
		assertThat(ItemText.of("major").contains("aj")).isFalse();
		// a model number after a brand: the brand is still a word
		assertThat(ItemText.of("Mate60Pro").contains("mate")).isTrue();
		assertThat(ItemText.of("iPhone15ProMax").contains("iphone")).isTrue();
	}

	private static List<String> flags(NeedCategory category, List<String> categoryKinds, String title, String story, NeedItem... items) {
		NeedContent c = new NeedContent(category, title, story, List.of(items), Urgency.NORMAL, null, null);
		return new ItemJudge(lists()).judge(c, categoryKinds).stream().map(f -> f.rule() + ":" + String.join("/", f.args())).toList();
	}

	private static NeedItem item(String kind, String name, int quantity, long yuan) {
		return new NeedItem(kind, name, quantity, "个", yuan * 100, 0);
	}

	@Test
	void brandsAreFoundInAnyScript() {
		List<String> kinds = List.of("学习用品", "电脑");
		for (String name : List.of("茅台", "maotai", "Moutai", "MOUTAI", "飞天53度", "茅 台")) {
			assertThat(flags(NeedCategory.OTHER, List.of("其他"), "过年", "家里过年招待客人", item("其他", name, 1, 500)))
				.as(name).anyMatch(f -> f.startsWith("LUXURY_BRAND:茅台/白酒"));
		}
		for (String name : List.of("耐克鞋", "Nike运动鞋", "NIKE", "ｎｉｋｅ", "naike球鞋", "AJ1")) {
			assertThat(flags(NeedCategory.EDUCATION, kinds, "孩子上学", "孩子上学要一双鞋子", item("学习用品", name, 1, 300)))
				.as(name).anyMatch(f -> f.startsWith("LUXURY_BRAND:耐克"));
		}
		for (String name : List.of("苹果手机", "iPhone15ProMax", "iphone 15 pro max", "ｉＰｈｏｎｅ１５", "爱疯", "苹果15", "蘋果手機")) {
			assertThat(flags(NeedCategory.EDUCATION, kinds, "上网课", "孩子上网课要用", item("电脑", name, 1, 3000)))
				.as(name).anyMatch(f -> f.startsWith("LUXURY_BRAND:Apple"));
		}
		for (String name : List.of("Mate60 Pro", "mate 60pro", "华为MATE60")) {
			assertThat(flags(NeedCategory.EDUCATION, kinds, "上网课", "孩子上网课要用", item("电脑", name, 1, 4000)))
				.as(name).anyMatch(f -> f.startsWith("LUXURY_BRAND:华为Mate"));
		}
	}

	@Test
	void nonEssentialGoodsAreFoundInAnyScriptButNotInsideOrdinaryWordsOrAfterANegation() {
		for (String name : List.of("跑步机", "跑步機", "Treadmill", "TREADMILL", "paobuji", "走步机（家用）")) {
			assertThat(flags(NeedCategory.OTHER, List.of("其他"), "锻炼", "老人锻炼身体", item("其他", name, 1, 1500)))
				.as(name).anyMatch(f -> f.startsWith("NON_ESSENTIAL:跑步机"));
		}
		// the fruit is not the brand, a range hood is not tobacco, and "does not drink" names no liquor
		assertThat(flags(NeedCategory.PRODUCT_SALES, List.of("农产品"), "卖苹果", "家里种的苹果卖不出去", item("农产品", "苹果", 100, 300))).isEmpty();
		assertThat(flags(NeedCategory.HOUSING, List.of("基本家电"), "厨房", "老人不抽烟不喝酒水，厨房没有油烟机", item("基本家电", "油烟机", 1, 800))).isEmpty();
	}

	@Test
	void anItemMustFitItsKindAndItsCategory() {
		// an iPad filed as stationery: a luxury brand, and it is a computer, not a school supply
		List<String> found = flags(NeedCategory.EDUCATION, List.of("学习用品", "电脑"), "学习", "孩子学习用", item("学习用品", "iPad", 1, 900));
		assertThat(found).anyMatch(f -> f.startsWith("KIND_MISFIT:iPad/学习用品/电脑")).anyMatch(f -> f.startsWith("LUXURY_BRAND:Apple"));
		// a fridge asked for as care supplies in elder care: not a kind elder care allows
		assertThat(flags(NeedCategory.ELDERLY_CARE, List.of("护理用品", "助行器具"), "老人", "老人生活困难", item("护理用品", "冰箱", 1, 400)))
			.anyMatch(f -> f.startsWith("CATEGORY_MISFIT:冰箱/基本家电"));
		// fitting names, and a name the lists do not know, raise nothing; "other" takes anything
		assertThat(flags(NeedCategory.ELDERLY_CARE, List.of("护理用品", "助行器具"), "老人", "老人行动不便", item("助行器具", "手动轮椅", 1, 600),
				item("护理用品", "成人尿不湿", 10, 60), item("护理用品", "护肤霜", 1, 30))).isEmpty();
		assertThat(flags(NeedCategory.OTHER, List.of("其他", "学习用品"), "其他", "家里的情况说明", item("其他", "书包", 1, 80))).isEmpty();
	}

	@Test
	void aPriceAboveItsKindsRangeIsFlaggedEvenUnderTheCap() {
		assertThat(flags(NeedCategory.ELDERLY_CARE, List.of("护理用品", "助行器具"), "老人", "老人行动不便", item("助行器具", "电动轮椅", 1, 2999)))
			.containsExactly("ABOVE_PRICE:电动轮椅/助行器具/个/2999/300/2500");
		// per unit: ten wheelchairs for a care home are ordinary
		assertThat(flags(NeedCategory.ELDERLY_CARE, List.of("助行器具"), "敬老院", "敬老院的轮椅坏了", item("助行器具", "轮椅", 10, 6000))).isEmpty();
		// no kind chosen: the kind its name fits sets the range
		assertThat(flags(NeedCategory.EDUCATION, List.of("学习用品", "电脑"), "学习", "孩子学习用", item(null, "笔记本电脑", 1, 7999)))
			.anyMatch(f -> f.startsWith("ABOVE_PRICE:笔记本电脑/电脑"));
	}

	@Test
	void badListLinesAreRefusedWithTheirNumber() {
		assertThatThrownBy(() -> ItemListText.goods("跑步机 | treadmill\n烟 | 香烟")).isInstanceOf(BadInputException.class)
			.hasFieldOrPropertyWithValue("messageKey", "need.list.short-word");
		assertThatThrownBy(() -> ItemListText.goods("跑步机 treadmill")).isInstanceOf(BadInputException.class)
			.hasFieldOrPropertyWithValue("messageKey", "need.list.goods.format");
		assertThatThrownBy(() -> ItemListText.brands("茅台 | maotai\n茅 台 | moutai")).isInstanceOf(BadInputException.class)
			.hasFieldOrPropertyWithValue("messageKey", "need.list.duplicate");
		assertThatThrownBy(() -> ItemListText.kinds("药品 | 50 | 10 | 药", Set.of("药品"))).isInstanceOf(BadInputException.class)
			.hasFieldOrPropertyWithValue("messageKey", "need.list.amount");
		assertThatThrownBy(() -> ItemListText.kinds("药品 | 五十 | 100 | 药", Set.of("药品"))).isInstanceOf(BadInputException.class)
			.hasFieldOrPropertyWithValue("messageKey", "need.list.amount");
		assertThatThrownBy(() -> ItemListText.kinds("奢侈品 | 50 | 100 | 包", Set.of("药品"))).isInstanceOf(BadInputException.class)
			.hasFieldOrPropertyWithValue("messageKey", "need.list.kind-unknown");
		assertThatThrownBy(() -> ItemListText.goods("  \n ")).isInstanceOf(BadInputException.class)
			.hasFieldOrPropertyWithValue("messageKey", "need.list.empty");
		// full-width bars and colons are fine
		assertThat(ItemListText.goods("跑步机｜ｔｒｅａｄｍｉｌｌ、走步机")).containsExactly(new ItemLists.Goods("跑步机", List.of("treadmill", "走步机")));
	}
}
