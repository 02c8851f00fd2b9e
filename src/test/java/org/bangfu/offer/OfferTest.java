package org.bangfu.offer;

import org.bangfu.pledge.MatchingFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 我要捐赠 → 我想要 → accepted → a pledge, with the rules in between. */
class OfferTest extends ApplicationTest {

	@Test
	void anOfferAskedForAndAcceptedBecomesAPledge() {
		ApiClient api = api();
		long need = publishedBlankets(api, 6);
		String donor = api.login("13800000022", DEMO_PASSWORD);
		Answer offer = api.post("/api/v1/offers", """
				{"category":"OTHER","title":"捐赠新棉被 20 床","description":"公司工会采购的新棉被，衡阳县内可送货上门。",
				 "itemName":"棉被","kind":"生活用品","unit":"床","quantity":20,"regionCodes":["430421"]}""", donor);
		assertThat(offer.status()).as(offer.body()).isEqualTo(201);
		long offerId = offer.json().get("id").asLong();
		assertThat(api.get("/api/v1/offers").body()).contains("捐赠新棉被 20 床");

		String officer = api.login("13800000004", DEMO_PASSWORD);
		String path = "/api/v1/offers/" + offerId + "/requests";
		assertThat(api.post(path, "{\"needId\":" + need + ",\"position\":0,\"quantity\":7}", officer).status()).as("more than the need").isEqualTo(409);
		assertThat(api.post(path, "{\"needId\":" + need + ",\"position\":0,\"quantity\":4}", api.login("13800000014", DEMO_PASSWORD)).status())
			.as("an officer of another village").isEqualTo(404);
		Answer asked = api.post(path, "{\"needId\":" + need + ",\"position\":0,\"quantity\":4}", officer);
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		long requestId = asked.json().get("id").asLong();
		assertThat(api.post(path, "{\"needId\":" + need + ",\"position\":0,\"quantity\":1}", officer).status()).as("asked twice").isEqualTo(409);
		assertThat(api.get(path, officer).status()).as("only the donor sees the requests").isEqualTo(404);
		assertThat(api.get(path, donor).body()).contains("\"quantity\":4");
		assertThat(api.get("/api/v1/me/notices", donor).body()).as("the donor is told in the app").contains("收到一条申请");

		assertThat(api.post("/api/v1/offers/requests/" + requestId + "/accept", null, api.login("13800000021", DEMO_PASSWORD)).status())
			.isEqualTo(404);
		Answer accepted = api.post("/api/v1/offers/requests/" + requestId + "/accept", null, donor);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		long pledge = accepted.json().get("pledgeId").asLong();
		assertThat(jdbc.sql("SELECT quantity FROM pledge WHERE id = ? AND need_id = ?").params(pledge, need).query(Integer.class).single())
			.isEqualTo(4);
		assertThat(api.get("/api/v1/offers/" + offerId).json().get("remaining").asInt()).isEqualTo(16);
		assertThat(api.post("/api/v1/offers/requests/" + requestId + "/accept", null, donor).status()).as("accepted twice").isEqualTo(409);
		assertThat(api.post("/api/v1/offers/requests/" + requestId + "/decline", null, donor).status()).isEqualTo(409);
	}

	@Test
	void anOfferOnlyServesItsCategoryAndArea() {
		ApiClient api = api();
		long need = publishedBlankets(api, 2);
		String donor = api.login("13800000022", DEMO_PASSWORD);
		long education = api.post("/api/v1/offers", """
				{"category":"EDUCATION","title":"捐赠书包 50 个","description":"","itemName":"书包","kind":"学习用品","unit":"个","quantity":50,"regionCodes":[]}""",
				donor).json().get("id").asLong();
		long elsewhere = api.post("/api/v1/offers", """
				{"category":"OTHER","title":"衡南县棉被 10 床","description":"","itemName":"棉被","kind":"生活用品","unit":"床","quantity":10,"regionCodes":["430422"]}""",
				donor).json().get("id").asLong();
		String officer = api.login("13800000004", DEMO_PASSWORD);
		String ask = "{\"needId\":" + need + ",\"position\":0,\"quantity\":1}";
		assertThat(api.post("/api/v1/offers/" + education + "/requests", ask, officer).json().get("detail").asString()).contains("类别");
		assertThat(api.post("/api/v1/offers/" + elsewhere + "/requests", ask, officer).json().get("detail").asString()).contains("地区");
		assertThat(api.post("/api/v1/offers", "{\"category\":\"OTHER\",\"title\":\"x\"}", donor).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/offers", "{\"category\":\"OTHER\",\"title\":\"捐赠棉被\",\"itemName\":\"棉被\",\"unit\":\"床\",\"quantity\":1}",
				api.login("13800000051", DEMO_PASSWORD)).status()).isEqualTo(403);
	}

	@Test
	void aRepeatedOfferWithTheSameKeyIsOneOfferAndTheDonorReadsRequestsMasked() {
		ApiClient api = api();
		String donor = api.login("13800000022", DEMO_PASSWORD);
		String body = """
				{"category":"OTHER","title":"捐赠棉被 5 床","description":"","itemName":"棉被","kind":"生活用品","unit":"床","quantity":5,"regionCodes":[]}""";
		String key = "offer-" + System.nanoTime();
		Answer first = api.postWithHeader("/api/v1/offers", body, donor, "Idempotency-Key", key);
		Answer again = api.postWithHeader("/api/v1/offers", body, donor, "Idempotency-Key", key);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(again.status()).as("a repeat answers the first offer").isEqualTo(200);
		assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());

		long need = publishedBlankets(api, 2);
		long offer = first.json().get("id").asLong();
		String officer = api.login("13800000004", DEMO_PASSWORD);
		assertThat(api.post("/api/v1/offers/" + offer + "/requests", "{\"needId\":" + need + ",\"position\":0,\"quantity\":1}", officer).status())
			.isEqualTo(201);
		assertThat(api.get("/api/v1/offers/" + offer + "/requests", donor).body()).as("the donor is the public: names masked")
			.contains("刘*梅家需要棉被").doesNotContain("刘冬梅");
	}

	@Test
	void aClosedOfferLeavesTheListAndDeclinesTheRequestsStillWaiting() {
		ApiClient api = api();
		long need = publishedBlankets(api, 3);
		String donor = api.login("13800000022", DEMO_PASSWORD);
		long offer = api.post("/api/v1/offers", """
				{"category":"OTHER","title":"捐赠毛毯 5 条","description":"","itemName":"毛毯","kind":"生活用品","unit":"条","quantity":5,"regionCodes":[]}""",
				donor).json().get("id").asLong();
		String officer = api.login("13800000004", DEMO_PASSWORD);
		long request = api.post("/api/v1/offers/" + offer + "/requests", "{\"needId\":" + need + ",\"position\":0,\"quantity\":2}", officer)
			.json().get("id").asLong();

		assertThat(api.post("/api/v1/offers/" + offer + "/close", null, api.login("13800000021", DEMO_PASSWORD)).status())
			.as("someone else's offer").isEqualTo(404);
		assertThat(api.post("/api/v1/offers/" + offer + "/close", null, donor).status()).isEqualTo(204);
		assertThat(api.post("/api/v1/offers/" + offer + "/close", null, donor).status()).as("closed twice").isEqualTo(409);
		assertThat(jdbc.sql("SELECT state FROM offer_request WHERE id = ?").param(request).query(String.class).single()).isEqualTo("DECLINED");
		assertThat(api.get("/api/v1/me/notices", officer).body()).contains("捐赠者已关闭这项捐赠");
		assertThat(api.get("/api/v1/offers").body()).doesNotContain("捐赠毛毯 5 条");
		assertThat(api.post("/api/v1/offers/" + offer + "/requests", "{\"needId\":" + need + ",\"position\":0,\"quantity\":1}", officer).status())
			.isEqualTo(409);
		assertThat(api.post("/api/v1/offers/requests/" + request + "/accept", null, donor).status()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ?").param(need).query(Integer.class).single()).isZero();
	}

	@Test
	void anOfferFitsLinesOfItsKindOrIsAskedForAsASubstituteTheDonorSees() {
		ApiClient api = api();
		// a village of its own, so that no other test's offers meet these lines
		String village = MatchingFixtures.emptyVillage(jdbc, 10);
		long need = MatchingFixtures.publishedNeed(jdbc, clock.instant(), village, "EDUCATION", "上学缺棉鞋和作业本", new long[] { 1, 8000 },
				new long[] { 20, 4000 });
		jdbc.sql("UPDATE need_item SET kind = CASE position WHEN 0 THEN '校服被褥' ELSE '学习用品' END, name = CASE position WHEN 0 THEN '棉鞋' ELSE '作业本' END"
				+ " WHERE need_id = ?").param(need).update();
		String officer = api.login("13800000002", DEMO_PASSWORD);
		String donor = api.login("13800000022", DEMO_PASSWORD);
		assertThat(api.post("/api/v1/offers", """
				{"category":"EDUCATION","title":"捐赠新书包 10 个","itemName":"书包","kind":"鞋","unit":"个","quantity":10}""", donor)
			.json().get("detail").asString()).as("a kind of the category").contains("学习用品");
		long bags = api.post("/api/v1/offers", """
				{"category":"EDUCATION","title":"捐赠新书包 10 个","itemName":"书包","kind":"学习用品","unit":"个","quantity":10}""", donor)
			.json().get("id").asLong();
		String path = "/api/v1/offers/" + bags + "/requests";

		Answer mismatch = api.post(path, "{\"needId\":" + need + ",\"position\":0,\"quantity\":1}", officer);
		assertThat(mismatch.status()).as("a school bag for the cotton-shoes line").isEqualTo(400);
		assertThat(mismatch.json().get("detail").asString()).contains("书包", "棉鞋", "接受以此替代");
		assertThat(jdbc.sql("SELECT count(*) FROM offer_request WHERE offer_id = ?").param(bags).query(Long.class).single()).isZero();

		Answer fitting = api.post(path, "{\"needId\":" + need + ",\"position\":1,\"quantity\":5}", officer);
		assertThat(fitting.status()).as("the exercise books are of the offer's kind: " + fitting.body()).isEqualTo(201);
		Answer substitute = api.post(path, "{\"needId\":" + need + ",\"position\":0,\"quantity\":1,\"substitute\":true}", officer);
		assertThat(substitute.status()).as(substitute.body()).isEqualTo(201);

		JsonNode requests = api.get(path, donor).json();
		assertThat(requests.size()).isEqualTo(2);
		for (JsonNode r : requests) {
			assertThat(r.get("substitute").asBoolean()).as(r.toString()).isEqualTo(r.get("position").asInt() == 0);
		}
		assertThat(api.get("/api/v1/me/notices", donor).body()).contains("用来替代“棉鞋”");
	}

	private long publishedBlankets(ApiClient api, int quantity) {
		String officer = api.login("13800000004", DEMO_PASSWORD);
		long household = jdbc.sql("SELECT id FROM household WHERE household_number = '4304211002030004'").query(Long.class).single();
		long id = api.post("/api/v1/needs", """
				{"category":"OTHER","title":"刘冬梅家需要棉被","story":"家里的棉被用了十多年，已经不保暖了。","householdId":%d,
				 "items":[{"kind":"生活用品","name":"棉被","quantity":%d,"unit":"床","valueFen":%d}]}""".formatted(household, quantity, quantity * 15000L),
				officer).json().get("id").asLong();
		api.post("/api/v1/needs/" + id + "/submit", null, officer);
		org.bangfu.need.NeedFixtures.confirmByForm(api, officer, id);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, api.login("13800000003", DEMO_PASSWORD)).status()).isEqualTo(200);
		return id;
	}
}
