package org.bangfu.region;

import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class RegionApiTest extends ApplicationTest {

	@Test
	void hengyangIsLoadedOnFirstStart() {
		assertThat(jdbc.sql("SELECT level, count(*) FROM region WHERE code LIKE '4304%' GROUP BY level ORDER BY level")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
			.containsExactly("CITY=1", "COUNTY=14", "TOWNSHIP=191", "VILLAGE=2785");
	}

	@Test
	void aCountyWithItsAncestors() {
		Answer a = api().get("/api/v1/regions/430421");
		assertThat(a.status()).isEqualTo(200);
		JsonNode county = a.json();
		assertThat(county.get("name").asString()).isEqualTo("衡阳县");
		assertThat(county.get("level").asString()).isEqualTo("COUNTY");
		assertThat(county.get("parentCode").asString()).isEqualTo("430400");
		assertThat(county.get("ancestors").get(0).get("name").asString()).isEqualTo("衡阳市");
		assertThat(county.get("childCount").asInt()).isEqualTo(25);
	}

	@Test
	void theCityHasFourteenCountyLevelUnits() {
		JsonNode children = api().get("/api/v1/regions/430400/children").json();
		assertThat(children.size()).isEqualTo(14);
		assertThat(children.get(0).get("code").asString()).isEqualTo("430405");
		assertThat(children.get(0).get("name").asString()).isEqualTo("珠晖区");
		int townships = 0;
		for (JsonNode c : children) {
			townships += c.get("childCount").asInt();
		}
		assertThat(townships).isEqualTo(191);
	}

	@Test
	void theShortFormOfACodeFindsTheSameRegion() {
		assertThat(api().get("/api/v1/regions/4304").json().get("code").asString()).isEqualTo("430400");
	}

	@Test
	void aVillageHasNoChildren() {
		Answer village = api().get("/api/v1/regions/430421100203");
		assertThat(village.json().get("name").asString()).isEqualTo("西渡村委会");
		assertThat(village.json().get("ancestors").size()).isEqualTo(3);
		assertThat(api().get("/api/v1/regions/430421100203/children").json().size()).isZero();
	}

	@Test
	void anUnknownCodeIs404ProblemInChinese() {
		Answer a = api().get("/api/v1/regions/430421999999");
		assertThat(a.status()).isEqualTo(404);
		assertThat(a.contentType()).startsWith("application/problem+json");
		assertThat(a.json().get("detail").asString()).isEqualTo("区划代码 430421999999 不存在。");
		assertThat(a.json().get("status").asInt()).isEqualTo(404);
		assertThat(api().get("/api/v1/regions/999999/children").status()).isEqualTo(404);
	}

	@Test
	void aMalformedCodeIs400ProblemInChinese() {
		for (String bad : new String[] { "43042", "4304211", "abc", "43042110020x" }) {
			Answer a = api().get("/api/v1/regions/" + bad);
			assertThat(a.status()).as(bad).isEqualTo(400);
			assertThat(a.contentType()).startsWith("application/problem+json");
			assertThat(a.json().get("detail").asString()).contains("格式不正确");
		}
	}

	@Test
	void anUnknownApiPathIs404Problem() {
		Answer a = api().get("/api/v1/regions");
		assertThat(a.status()).isEqualTo(404);
		assertThat(a.contentType()).startsWith("application/problem+json");
		assertThat(a.json().get("detail").asString()).isEqualTo("找不到您要的页面或数据。");
	}

	@Test
	void regionPagesRenderAndUnknownOnesAnswer404InChinese() {
		Answer county = api().get("/regions/430421");
		assertThat(county.status()).isEqualTo(200);
		assertThat(county.body()).contains("衡阳县", "西渡镇", "下辖乡镇街道");
		Answer missing = api().get("/regions/430421999");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("区划代码 430421999 不存在。");
		assertThat(api().get("/regions/43x").status()).isEqualTo(400);
	}

	@Test
	void theChildrenFragmentFiltersByName() {
		Answer a = api().get("/regions/430421100/children?q=" + java.net.URLEncoder.encode("西渡", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(a.status()).isEqualTo(200);
		assertThat(a.body()).contains("西渡村委会").doesNotContain("<html").doesNotContain("春风社区");
	}
}
