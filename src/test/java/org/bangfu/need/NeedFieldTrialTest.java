package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.need.NeedFixtures.*;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What the field trial ran into in the need rules: product sales pledged outside their sales window, county needs
 * refused, progress adding up metres and jobs, photos asked for in categories that need none.
 */
class NeedFieldTrialTest extends ApplicationTest {

	private static final String COUNTY_CODE = "430421";

	@Autowired
	PersonalData personalData;

	@Autowired
	Accounts accounts;

	@Autowired
	WebApplicationContext context;

	/** A page as the signed-in user sees it (pages take the session, not the API's token). */
	private String page(String path, BangfuUser as) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		return mvc.perform(get(path).with(user(as))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private void submitAndVerify(ApiClient api, String poster, String verifier, long need) {
		Answer submitted = api.post("/api/v1/needs/" + need + "/submit", null, poster);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		confirmIfNeeded(api, poster, need);
		Answer verified = api.post("/api/v1/needs/" + need + "/verify", VERIFY_REASON, verifier);
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
	}

	private static String sale(String title, int from, int to) {
		return """
				{"category":"PRODUCT_SALES","title":"%s","story":"合作社种的黄花菜，晒干后真空包装，帮社员卖出去。","urgency":"NORMAL",
				 "producer":"西渡村黄花菜合作社","regionCode":"%s",
				 "items":[{"kind":"农产品","name":"干黄花菜","quantity":200,"unit":"斤","valueFen":600000}],
				 "sale":{"product":"干黄花菜","priceFen":3000,"productionCycle":"一年一季","fromMonth":%d,"toMonth":%d}}"""
			.formatted(title, VILLAGE, from, to);
	}

	@Test
	void aProductSaleIsPledgedOnlyInItsSalesWindowAndItsPageSaysFromWhen() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		String manager = api.login(MANAGER, DEMO_PASSWORD);
		String donor = api.login(DONOR, DEMO_PASSWORD);
		int month = LocalDate.now(clock).getMonthValue();
		int next = month % 12 + 1;
		long later = create(api, officer, sale("黄花菜下个月才上市" + System.nanoTime() % 1000, next, next % 12 + 1));
		long now = create(api, officer, sale("黄花菜正在销售期" + System.nanoTime() % 1000, month, month));
		for (long id : new long[] { later, now }) {
			photo(api, officer, id);
			submitAndVerify(api, officer, manager, id);
		}

		Answer refused = api.postWithHeader("/api/v1/needs/" + later + "/pledges", "{\"quantity\":10}", donor, "Idempotency-Key",
				"sale-" + System.nanoTime());
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("销售期", next + " 月 1 日起");
		JsonNode need = api.get("/api/v1/needs/" + later).json();
		assertThat(need.get("remainingQuantity").asInt()).as("nothing was taken").isEqualTo(200);
		assertThat(need.get("onSaleFrom").asString()).endsWith("-%02d-01".formatted(next));

		Answer pledged = api.postWithHeader("/api/v1/needs/" + now + "/pledges", "{\"quantity\":10}", donor, "Idempotency-Key",
				"sale-" + System.nanoTime());
		assertThat(pledged.status()).as("in its window: " + pledged.body()).isEqualTo(201);

		// the page says from when instead of offering the pledge form, and the list card says it too
		assertThat(api.get("/needs/" + later).body()).contains("id=\"need-sale-closed\"", "销售期 " + next + " 月 1 日起");
		assertThat(api.get("/needs/" + later + "/pledging").body()).doesNotContain("pledge-login", "pledge-form");
		assertThat(api.get("/needs/" + now).body()).doesNotContain("need-sale-closed");
		assertThat(api.get("/needs/" + now + "/pledging").body()).contains("pledge-login");
		assertThat(api.get("/needs?region=" + VILLAGE + "&category=PRODUCT_SALES&q=下个月才上市").body()).contains("销售期 " + next + " 月 1 日起");
	}

	@Test
	void aCountysOwnNeedIsPostedByItsCountyCenterAndVerifiedByTheCityOnly() {
		ApiClient api = api();
		String county = api.login(COUNTY, DEMO_PASSWORD);
		String city = api.login(CITY, DEMO_PASSWORD);
		String title = "衡阳县山区供水管网改造" + System.nanoTime() % 1000;
		String body = """
				{"category":"VILLAGE","title":"%s","story":"县里三个贫困村共用的供水主管老化破裂，需要更换管道并请工人施工。","urgency":"URGENT",
				 "regionCode":"%s","items":[{"kind":"饮水","name":"PE 供水管","quantity":1200,"unit":"米","valueFen":1200000},
				 {"kind":"饮水","name":"安装施工","quantity":1,"unit":"项","valueFen":300000}]}""";

		assertThat(api.post("/api/v1/needs", body.formatted(title, COUNTY_CODE), api.login(MANAGER, DEMO_PASSWORD)).status())
			.as("a township manager's scope does not hold the county").isEqualTo(404);
		assertThat(api.post("/api/v1/needs", body.formatted(title, COUNTY_CODE), api.login(OTHER_MANAGER, DEMO_PASSWORD)).status())
			.isEqualTo(404);
		Answer supervisor = api.post("/api/v1/needs", body.formatted(title, COUNTY_CODE), api.login(SUPERVISOR, DEMO_PASSWORD));
		assertThat(supervisor.status()).as("staff of the county, but not its center: " + supervisor.body()).isIn(403, 404);

		long id = create(api, county, body.formatted(title, COUNTY_CODE));
		assertThat(api.get("/api/v1/needs/" + id, county).json().get("regionCode").asString()).isEqualTo(COUNTY_CODE);
		photo(api, county, id);
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, county).status()).isEqualTo(200);

		assertThat(api.get("/api/v1/needs/queue", county).body()).as("the county center does not verify its own county's needs")
			.doesNotContain(title);
		Answer own = api.post("/api/v1/needs/" + id + "/verify", null, county);
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.json().get("detail").asString()).contains("县级需求由市社会扶贫网办公室审核");
		assertThat(api.post("/api/v1/needs/" + id + "/verify", null, api.login(MANAGER, DEMO_PASSWORD)).status()).isEqualTo(404);
		tools.jackson.databind.JsonNode queued = api.get("/api/v1/needs/queue?region=" + COUNTY_CODE, city).json();
		assertThat(queued.valueStream().filter(w -> w.get("title").asString().equals(title)).map(w -> w.get("posterName").asString()))
			.as("the queue names who posted it").containsExactly("衡阳县管理中心");
		Answer verified = api.post("/api/v1/needs/" + id + "/verify", VERIFY_REASON, city);
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().get("state").asString()).isEqualTo("PUBLISHED");

		JsonNode listed = api.get("/api/v1/needs?region=" + COUNTY_CODE + "&q=" + title).json().get("needs");
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.get(0).get("place").asString()).as("the county once, no township or village").isEqualTo("衡阳县");
		assertThat(api.get("/api/v1/needs?region=430421100&q=" + title).json().get("needs").size()).as("not under a township").isZero();
	}

	@Test
	void progressIsByValueOverallAndByQuantityWithItsUnitPerLine() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		String title = "西渡村饮水管道" + System.nanoTime() % 1000;
		long id = create(api, officer, """
				{"category":"VILLAGE","title":"%s","story":"村里饮水管道老化，需要新铺管道并请人施工。","urgency":"NORMAL","regionCode":"%s",
				 "items":[{"kind":"饮水","name":"PE 水管","quantity":1200,"unit":"米","valueFen":120000},
				          {"kind":"饮水","name":"铺设施工","quantity":1,"unit":"项","valueFen":300000}]}""".formatted(title, VILLAGE));
		photo(api, officer, id);
		submitAndVerify(api, officer, api.login(MANAGER, DEMO_PASSWORD), id);
		Answer pledged = api.postWithHeader("/api/v1/needs/" + id + "/pledges", "{\"items\":[{\"position\":0,\"quantity\":600}]}",
				api.login(DONOR, DEMO_PASSWORD), "Idempotency-Key", "pipe-" + System.nanoTime());
		assertThat(pledged.status()).as(pledged.body()).isEqualTo(201);

		JsonNode need = api.get("/api/v1/needs/" + id).json();
		assertThat(need.get("pledgedValueFen").asLong()).isEqualTo(60000);
		assertThat(need.get("percentPledged").asInt()).as("600 yuan of 4,200, not 600 of 1,201 units").isEqualTo(14);
		String page = api.get("/needs/" + id).body();
		assertThat(page).contains("aria-label=\"已认领 14%\"", "600 元", "4,200 元", "600 / 1200 米", "0 / 1 项").doesNotContain("600 / 1201");
		String list = api.get("/needs?region=" + VILLAGE + "&q=" + title).body();
		assertThat(list).contains("aria-label=\"已认领 14%\"", "aria-valuenow=\"14\"");
		assertThat(api.get("/api/v1/needs?region=" + VILLAGE + "&q=" + title).json().get("needs").get(0).get("percentPledged").asInt())
			.isEqualTo(14);
	}

	@Test
	void aDraftAsksForPhotosOnlyWhenItsCategoryNeedsThem() throws Exception {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = household(jdbc, personalData, VILLAGE, "贺春花", true);
		long quilts = create(api, officer, """
				{"category":"OTHER","title":"贺春花家需要棉被","story":"家里的棉被用了十多年，已经不保暖了。","urgency":"NORMAL","householdId":%d,
				 "items":[{"kind":"生活用品","name":"棉被","quantity":2,"unit":"床","valueFen":30000}]}""".formatted(household));
		long medical = create(api, officer, medicalNeed(household, "贺春花需要轮椅", "老人腿脚不便，出门需要轮椅，还要常备降压药。", 80000));

		BangfuUser poster = accounts.findByPhone(OFFICER).orElseThrow();
		String none = page("/needs/" + quilts, poster);
		assertThat(none).contains("本类别无需照片", "添加照片（选填）").doesNotContain("上传至少 0 张");
		assertThat(api.post("/api/v1/needs/" + quilts + "/submit", null, officer).status()).as("no photo needed").isEqualTo(200);
		String needed = page("/needs/" + medical, poster);
		assertThat(needed).contains("上传至少 1 张照片后提交审核").doesNotContain("本类别无需照片");

		String form = page("/needs/new?household=" + household + "&category=OTHER", poster);
		assertThat(form).contains("id=\"need-photo-rule\"", "本类别无需照片", "data-photos=\"2\"");
		assertThat(page("/needs/new?household=" + household + "&category=HOUSING", poster))
			.as("the chosen category's rule, and without JavaScript every category's").contains("上传至少 2 张", "需要照片的类别：医疗 1 张、住房 2 张");
	}
}
