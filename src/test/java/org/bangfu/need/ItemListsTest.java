package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.need.NeedFixtures.*;

import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The city's item lists: read by staff, replaced only by the city office, a bad line refused with nothing changed, logged. */
class ItemListsTest extends ApplicationTest {

	@Autowired
	CityItemLists lists;

	@Autowired
	AbuseRules abuse;

	@Autowired
	CategoryRules rules;

	private static String body(String text) {
		return "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
	}

	private List<Needs.Flag> flags(NeedCategory category, String kind, String name, long yuan) {
		NeedContent c = new NeedContent(category, "测试需求标题", "测试用的需求说明文字，石鼓区。", List.of(new NeedItem(kind, name, 1, "个", yuan * 100, 0)),
				Urgency.NORMAL, null, null);
		java.time.Instant now = clock.instant();
		return abuse.check(new Need(0, "430407", null, null, 0, false, c, NeedState.SUBMITTED, 0, PledgeCounts.NONE, null, null, now, now, null, null,
				now, null, null, 0), rules.of(category));
	}

	@Test
	void theCityOfficeEditsTheListsAndTheRulesFollow() {
		ApiClient api = api();
		String city = api.login(CITY, DEMO_PASSWORD);
		String county = api.login(COUNTY, DEMO_PASSWORD);
		String shipped = ItemListText.goodsText(lists.current().goods());
		assertThat(api.get("/api/v1/needs/item-lists", county).body()).contains("茅台").contains("跑步机").contains("助行器具");
		try {
			// only the city office changes a list
			Answer forbidden = api.put("/api/v1/needs/item-lists/goods", body("电动牙刷 | electric toothbrush"), county);
			assertThat(forbidden.status()).isEqualTo(403);

			// a bad line: 400 in Chinese naming the line, nothing changed
			Answer bad = api.put("/api/v1/needs/item-lists/goods", body(shipped + "烟 | 香烟\n"), city);
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.body()).contains("第 " + (shipped.split("\n").length + 1) + " 行").contains("太短");
			Answer badKind = api.put("/api/v1/needs/item-lists/kinds", body("奢侈品 | 10 | 100 | 包包"), city);
			assertThat(badKind.status()).isEqualTo(400);
			assertThat(badKind.body()).contains("不在任何类别规则里");
			Answer badPrice = api.put("/api/v1/needs/item-lists/kinds", body("药品 | 100 | 50 | 药"), city);
			assertThat(badPrice.status()).isEqualTo(400);
			assertThat(api.put("/api/v1/needs/item-lists/nonsense", body("x | y"), city).status()).isEqualTo(404);
			assertThat(ItemListText.goodsText(lists.current().goods())).isEqualTo(shipped);
			assertThat(flags(NeedCategory.OTHER, "生活用品", "電動牙刷", 300)).noneMatch(f -> f.rule().equals("NON_ESSENTIAL"));

			// the city adds a good: needs submitted from then on are judged by it, in any width or script
			Answer ok = api.put("/api/v1/needs/item-lists/goods", body(shipped + "电动牙刷 | electric toothbrush、diandongyashua\n"), city);
			assertThat(ok.status()).as(ok.body()).isEqualTo(200);
			assertThat(flags(NeedCategory.OTHER, "生活用品", "電動牙刷", 300)).anyMatch(f -> f.rule().equals("NON_ESSENTIAL") && f.args().get(0).equals("电动牙刷"));
			assertThat(flags(NeedCategory.OTHER, "生活用品", "ＥＬＥＣＴＲＩＣ　Ｔｏｏｔｈｂｒｕｓｈ", 300)).anyMatch(f -> f.rule().equals("NON_ESSENTIAL"));
			assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'need.list.goods' AND detail LIKE '%电动牙刷%'").query(Long.class).single())
				.isEqualTo(1);
		}
		finally {
			assertThat(api.put("/api/v1/needs/item-lists/goods", body(shipped), city).status()).isEqualTo(200);
		}
		assertThat(ItemListText.goodsText(lists.current().goods())).isEqualTo(shipped);
	}

	@Test
	void theNewRulesHaveTheirSeverities() {
		assertThat(FlagSeverity.of("NON_ESSENTIAL")).isEqualTo(FlagSeverity.ESCALATE);
		assertThat(FlagSeverity.of("LUXURY_BRAND")).isEqualTo(FlagSeverity.ESCALATE);
		assertThat(FlagSeverity.of("KIND_MISFIT")).isEqualTo(FlagSeverity.REASON);
		assertThat(FlagSeverity.of("CATEGORY_MISFIT")).isEqualTo(FlagSeverity.REASON);
		assertThat(FlagSeverity.of("ABOVE_PRICE")).isEqualTo(FlagSeverity.REASON);
		// a massage chair filed as care supplies in elder care, just under the cap: escalated, and its price too
		assertThat(flags(NeedCategory.ELDERLY_CARE, "护理用品", "按摩椅", 2999)).extracting(Needs.Flag::rule).contains("NON_ESSENTIAL", "ABOVE_PRICE");
		// an iPad as stationery
		assertThat(flags(NeedCategory.EDUCATION, "学习用品", "iPad", 2999)).extracting(Needs.Flag::rule).contains("LUXURY_BRAND", "KIND_MISFIT", "ABOVE_PRICE");
		// an ordinary wheelchair: nothing
		assertThat(flags(NeedCategory.ELDERLY_CARE, "助行器具", "轮椅", 600)).isEmpty();
	}
}
