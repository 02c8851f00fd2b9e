package org.bangfu.pledge;

import org.bangfu.stats.MatchingRate;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Pledges against the real database: the invariant under concurrency, idempotency, lapse, delivery and receipt, bad input. */
class PledgeTest extends ApplicationTest {

	static final String OFFICER = "13800000004";

	static final String MANAGER = "13800000003";

	@Autowired
	Accounts accounts;

	@Autowired
	PledgeLapse lapse;

	@Autowired
	Pledging pledging;

	@Autowired
	MatchingRate matchingRate;

	@Autowired
	org.bangfu.region.Regions regions;

	/** A published need of the demo village for one item of the given quantity (50 yuan each), for 张大山's household. */
	long publishedNeed(ApiClient api, int quantity, String title) {
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = jdbc.sql("SELECT id FROM household WHERE household_number = '4304211002030001'").query(Long.class).single();
		Answer created = api.post("/api/v1/needs", """
				{"category":"OTHER","title":"%s","story":"村里几户老人过冬缺棉被，每户需要一到两床。","householdId":%d,
				 "items":[{"kind":"生活用品","name":"棉被","quantity":%d,"unit":"床","valueFen":%d}]}"""
			.formatted(title, household, quantity, Math.min(150000, quantity * 5000L)), officer);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, officer).status()).isEqualTo(200);
		org.bangfu.need.NeedFixtures.confirmByForm(api, officer, id);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, api.login(MANAGER, DEMO_PASSWORD)).status()).isEqualTo(200);
		return id;
	}

	String newDonor(ApiClient api) {
		return MatchingFixtures.newDonor(accounts, api, newPhone());
	}

	private JsonNode need(ApiClient api, long id) {
		return api.get("/api/v1/needs/" + id, api.login(OFFICER, DEMO_PASSWORD)).json();
	}

	@Test
	void fiftyDonorsAtOnceNeverPledgeMoreThanTheNeed() throws Exception {
		ApiClient api = api();
		long id = publishedNeed(api, 30, "三十床棉被并发认领");
		List<String> donors = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			donors.add(newDonor(api));
		}
		ExecutorService pool = Executors.newFixedThreadPool(50);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				String token = donors.get(i);
				int quantity = 1 + i % 2; // 1 or 2 each: 75 asked for, 30 to give
				calls.add(() -> api.post("/api/v1/needs/" + id + "/pledges", "{\"quantity\":" + quantity + "}", token).status());
			}
			for (Future<Integer> f : pool.invokeAll(calls)) {
				statuses.add(f.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses).containsOnly(201, 409);
		long pledged = jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM pledge WHERE need_id = ? AND state = 'COMMITTED'").param(id)
			.query(Long.class).single();
		assertThat(pledged).isEqualTo(30);
		JsonNode need = need(api, id);
		assertThat(need.get("remainingQuantity").asInt()).isZero();
		assertThat(need.get("state").asString()).isEqualTo("PLEDGED");
		assertThat(jdbc.sql("SELECT pledged_quantity FROM need_item WHERE need_id = ?").param(id).query(Integer.class).single()).isEqualTo(30);
	}

	@Test
	void aRepeatedSubmitMakesOnePledge() throws Exception {
		ApiClient api = api();
		long id = publishedNeed(api, 10, "十床棉被重复提交");
		String donor = newDonor(api);
		String key = "tap-" + System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(3);
		List<Answer> answers = new ArrayList<>();
		try {
			List<Callable<Answer>> calls = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				calls.add(() -> new ApiClient(port).postWithHeader("/api/v1/needs/" + id + "/pledges", "{\"quantity\":4}", donor,
						"Idempotency-Key", key));
			}
			for (Future<Answer> f : pool.invokeAll(calls)) {
				answers.add(f.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(201, 200, 200);
		assertThat(answers).extracting(a -> a.json().get("id").asLong()).containsOnly(answers.get(0).json().get("id").asLong());
		assertThat(need(api, id).get("remainingQuantity").asInt()).isEqualTo(6);
		Answer retryLater = api.postWithHeader("/api/v1/needs/" + id + "/pledges", "{\"quantity\":4}", donor, "Idempotency-Key", key);
		assertThat(retryLater.status()).isEqualTo(200);
		assertThat(need(api, id).get("remainingQuantity").asInt()).isEqualTo(6);
	}

	@Test
	void aPledgePastItsDeadlineLapsesAndTheQuantityReturns() throws Exception {
		ApiClient api = api();
		long id = publishedNeed(api, 5, "五床棉被过期释放");
		String donor = newDonor(api);
		long pledge = api.post("/api/v1/needs/" + id + "/pledges", "{\"quantity\":5,\"days\":3}", donor).json().get("id").asLong();
		assertThat(need(api, id).get("state").asString()).isEqualTo("PLEDGED");

		clock.advance(Duration.ofDays(3).minusMinutes(5));
		lapse.lapseDue();
		assertThat(need(api, id).get("state").asString()).isEqualTo("PLEDGED");
		clock.advance(Duration.ofMinutes(10));
		lapse.lapseDue();

		JsonNode need = need(api, id);
		assertThat(need.get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(need.get("remainingQuantity").asInt()).isEqualTo(5);
		assertThat(jdbc.sql("SELECT state FROM pledge WHERE id = ?").param(pledge).query(String.class).single()).isEqualTo("LAPSED");
		assertThat(jdbc.sql("SELECT count(*) FROM sms_message WHERE body LIKE ?").param("%（编号 " + pledge + "）已过送达期限%")
			.query(Long.class).single()).isEqualTo(2);
		Answer late = api.postFile("/api/v1/pledges/" + pledge + "/receive", "photo", "r.jpg", "image/jpeg", jpeg(),
				api.login("13800000051", DEMO_PASSWORD));
		assertThat(late.status()).as("a lapsed pledge is not received").isEqualTo(409);
	}

	@Test
	void anAmountBuysTheWholeUnitsItCovers() {
		ApiClient api = api();
		// 10 quilts of 50 yuan each (the fixture's value is 5,000 fen a quilt)
		long id = publishedNeed(api, 10, "按金额认领的棉被");
		String donor = newDonor(api);
		String path = "/api/v1/needs/" + id + "/pledges";
		assertThat(api.post(path, "{\"amountFen\":-100}", donor).status()).isEqualTo(400);
		Answer tooSmall = api.post(path, "{\"amountFen\":4999}", donor);
		assertThat(tooSmall.status()).isEqualTo(400);
		assertThat(tooSmall.json().get("detail").asString()).contains("最便宜的一件约 50 元");
		Answer pledged = api.post(path, "{\"amountFen\":17000}", donor);
		assertThat(pledged.status()).as(pledged.body()).isEqualTo(201);
		assertThat(pledged.json().get("quantity").asInt()).as("170 yuan buys three 50-yuan quilts").isEqualTo(3);
		assertThat(pledged.json().get("valueFen").asLong()).isEqualTo(15000);
		assertThat(api.post(path, "{\"amountFen\":1000000}", donor).json().get("quantity").asInt()).as("no more than remains").isEqualTo(7);
		assertThat(need(api, id).get("state").asString()).isEqualTo("PLEDGED");
		assertThat(api.post(path, "{\"amountFen\":5000}", donor).status()).isEqualTo(409);
	}

	@Autowired
	org.springframework.web.context.WebApplicationContext context;

	@Test
	void thePledgeFormTakesAnAmountInYuanInsteadOfQuantities() throws Exception {
		ApiClient api = api();
		long id = publishedNeed(api, 10, "页面按金额认领的棉被");
		var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
			.apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
			.build();
		var donor = accounts.findByPhone("13800000021").orElseThrow();
		java.util.function.Function<String[], org.springframework.web.servlet.FlashMap> post = params -> {
			var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/needs/" + id + "/pledges")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(donor))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("key", java.util.UUID.randomUUID().toString());
			for (int i = 0; i < params.length; i += 2) {
				request.param(params[i], params[i + 1]);
			}
			try {
				return mvc.perform(request).andReturn().getFlashMap();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		};
		assertThat(post.apply(new String[] { "item0", "1", "amount", "100" }).get("error")).isEqualTo("请只填数量，或只填金额。");
		assertThat(post.apply(new String[] { "item0", "0", "amount", "一百" }).get("error")).isEqualTo("请按元填写金额，如 200 或 99.50。");
		assertThat(jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ?").param(id).query(Integer.class).single()).isZero();
		var done = post.apply(new String[] { "item0", "0", "amount", "170" });
		assertThat(done.get("error")).isNull();
		assertThat(jdbc.sql("SELECT quantity FROM pledge WHERE need_id = ?").param(id).query(Integer.class).single())
			.as("170 yuan is three 50-yuan quilts").isEqualTo(3);
	}

	@Test
	void aNeedGoesAllTheWayToConfirmed() throws Exception {
		ApiClient api = api();
		long id = publishedNeed(api, 3, "三床棉被完整流程");
		String a = newDonor(api);
		String b = newDonor(api);
		long first = api.post("/api/v1/needs/" + id + "/pledges", "{\"quantity\":1}", a).json().get("id").asLong();
		assertThat(need(api, id).get("state").asString()).isEqualTo("PARTLY_PLEDGED");
		long second = api.post("/api/v1/needs/" + id + "/pledges", "{\"items\":[{\"position\":0,\"quantity\":2}]}", b).json().get("id").asLong();
		assertThat(need(api, id).get("state").asString()).isEqualTo("PLEDGED");

		assertThat(api.post("/api/v1/pledges/" + first + "/ship", null, b).status()).as("only its donor ships it").isEqualTo(404);
		assertThat(api.post("/api/v1/pledges/" + first + "/ship", null, a).json().get("state").asString()).isEqualTo("IN_TRANSIT");
		assertThat(api.post("/api/v1/pledges/" + second + "/ship", null, b).json().get("state").asString()).isEqualTo("IN_TRANSIT");
		assertThat(need(api, id).get("state").asString()).isEqualTo("DELIVERED");
		String poster = api.login(OFFICER, DEMO_PASSWORD);
		assertThat(api.get("/api/v1/me/notices", poster).body()).as("the officer is told it is on its way")
			.contains("认领（编号 " + first + "）已发出");

		String household = api.login("13800000051", DEMO_PASSWORD);
		Answer noPhoto = api.post("/api/v1/pledges/" + first + "/receive", null, household);
		assertThat(noPhoto.status()).isIn(400, 415);
		assertThat(api.postFile("/api/v1/pledges/" + first + "/receive", "photo", "r.jpg", "image/jpeg", jpeg(), a).status())
			.as("the donor cannot confirm for the household").isEqualTo(403);
		assertThat(api.postFile("/api/v1/pledges/" + first + "/receive", "photo", "r.jpg", "image/jpeg", jpeg(), household).json()
			.get("state").asString()).isEqualTo("RECEIVED");
		assertThat(need(api, id).get("state").asString()).isEqualTo("DELIVERED");
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		assertThat(api.postFile("/api/v1/pledges/" + second + "/receive", "photo", "r.jpg", "image/jpeg", jpeg(), officer).status())
			.isEqualTo(200);
		assertThat(need(api, id).get("state").asString()).isEqualTo("CONFIRMED");
		assertThat(api.post("/api/v1/pledges/" + second + "/cancel", null, b).status()).as("a received pledge stays").isEqualTo(409);

		// thanks and ratings: once each, by the right side
		assertThat(api.post("/api/v1/pledges/" + second + "/rating", "{\"stars\":6}", household).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/pledges/" + second + "/rating", "{\"stars\":5,\"thanks\":\"棉被很暖和，谢谢好心人！\"}", b).status())
			.as("the donor does not rate its own help").isEqualTo(404);
		assertThat(api.post("/api/v1/pledges/" + second + "/rating", "{\"stars\":5,\"thanks\":\"棉被很暖和，谢谢好心人！\"}", household).status())
			.isEqualTo(201);
		assertThat(api.get("/api/v1/me/notices", b).body()).as("the donor hears of the thanks").contains("认领编号 " + second + "）给了 5 星评价");
		assertThat(api.post("/api/v1/pledges/" + second + "/rating", "{\"stars\":1}", officer).status()).as("rated twice").isEqualTo(409);
		assertThat(api.post("/api/v1/pledges/" + second + "/feedback", "{\"text\":\"希望老人冬天不再受冻\"}", b).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/pledges/" + second + "/feedback", "{\"text\":\"再写一次\"}", b).status()).isEqualTo(409);
		String thanks = api.get("/api/v1/needs/" + id + "/thanks").body();
		assertThat(thanks).contains("棉被很暖和").contains("希望老人冬天不再受冻");
		assertThat(need(api, id).get("state").asString()).as("one received pledge not rated yet").isEqualTo("CONFIRMED");
		assertThat(api.post("/api/v1/pledges/" + first + "/rating", "{\"stars\":4}", household).status()).isEqualTo(201);
		assertThat(need(api, id).get("state").asString()).isEqualTo("CLOSED");
		clock.advance(Duration.ofDays(61));
		assertThat(pledging.lapse(second)).isFalse();
		assertThat(jdbc.sql("SELECT state FROM pledge WHERE id = ?").param(second).query(String.class).single())
			.as("a received pledge never lapses").isEqualTo("RECEIVED");
	}

	@Test
	void badPledgesAreRefusedAndChangeNothing() {
		ApiClient api = api();
		long id = publishedNeed(api, 4, "四床棉被错误认领");
		String donor = newDonor(api);
		for (String[] c : new String[][] { { "{\"quantity\":5}", "409", "只剩 4" }, { "{\"quantity\":-1}", "400", "正整数" },
				{ "{\"quantity\":0}", "400", "正整数" }, { "{\"items\":[{\"position\":3,\"quantity\":1}]}", "400", "第 3 项" },
				{ "{\"items\":[{\"position\":0,\"quantity\":9}]}", "409", "只剩 4 床" }, { "{}", "400", "" },
				{ "{\"quantity\":1,\"days\":90}", "400", "60" } }) {
			Answer a = api.post("/api/v1/needs/" + id + "/pledges", c[0], donor);
			assertThat(a.status()).as(c[0] + " " + a.body()).isEqualTo(Integer.parseInt(c[1]));
			assertThat(a.json().get("detail").asString()).contains(c[2]);
		}
		assertThat(api.post("/api/v1/needs/" + id + "/pledges", "{\"quantity\":1}", api.login("13800000051", DEMO_PASSWORD)).status())
			.as("a household does not pledge its own need").isEqualTo(403);
		Answer unmarked = api.post("/api/v1/needs/" + id + "/pledges", "{\"quantity\":1}", api.login(OFFICER, DEMO_PASSWORD));
		assertThat(unmarked.status()).as("staff in their own scope must mark it").isEqualTo(400);
		assertThat(unmarked.json().get("detail").asString()).contains("单独统计");
		assertThat(need(api, id).get("remainingQuantity").asInt()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ?").param(id).query(Long.class).single()).isZero();
		Answer marked = api.post("/api/v1/needs/" + id + "/pledges", "{\"quantity\":1,\"staffInScope\":true}", api.login(OFFICER, DEMO_PASSWORD));
		assertThat(marked.status()).isEqualTo(201);
		assertThat(marked.json().get("staffInScope").asBoolean()).isTrue();
	}

	@Test
	void theMatchingRateCountsConfirmedNeedsByNumberAndValueAndStaffApart() throws Exception {
		ApiClient api = api();
		String village = "/api/v1/stats/matching-rate?region=430421100203";
		JsonNode before = api.get(village).json();
		long met = publishedNeed(api, 1, "一床棉被对接率甲");
		long metByStaff = publishedNeed(api, 1, "一床棉被对接率乙");
		publishedNeed(api, 2, "两床棉被对接率丙");
		String donor = newDonor(api);
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		String household = api.login("13800000051", DEMO_PASSWORD);
		long p1 = api.post("/api/v1/needs/" + met + "/pledges", "{\"quantity\":1}", donor).json().get("id").asLong();
		api.postFile("/api/v1/pledges/" + p1 + "/receive", "photo", "r.jpg", "image/jpeg", jpeg(), household);
		long p2 = api.post("/api/v1/needs/" + metByStaff + "/pledges", "{\"quantity\":1,\"staffInScope\":true}", officer).json().get("id").asLong();
		api.postFile("/api/v1/pledges/" + p2 + "/receive", "photo", "r.jpg", "image/jpeg", jpeg(), household);

		JsonNode after = api.get(village).json();
		assertThat(after.get("verified").asLong() - before.get("verified").asLong()).isEqualTo(3);
		assertThat(after.get("confirmed").asLong() - before.get("confirmed").asLong()).isEqualTo(2);
		assertThat(after.get("confirmedByStaffInScope").asLong() - before.get("confirmedByStaffInScope").asLong()).isEqualTo(1);
		assertThat(after.get("verifiedValueFen").asLong() - before.get("verifiedValueFen").asLong()).isEqualTo(5000 + 5000 + 10000);
		assertThat(after.get("confirmedValueFen").asLong() - before.get("confirmedValueFen").asLong()).isEqualTo(10000);
		long v = after.get("verified").asLong();
		assertThat(after.get("rate").asDouble()).isEqualTo(MatchingRate.ratio(after.get("confirmed").asLong(), v));
		assertThat(after.get("rateWithoutStaffInScope").asDouble())
			.isEqualTo(MatchingRate.ratio(after.get("confirmed").asLong() - after.get("confirmedByStaffInScope").asLong(), v));
		assertThat(api.get("/api/v1/stats/matching-rate?region=430421100203&from=2026-12-01&to=2026-11-01").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/stats/matching-rate?region=430422&from=2020-01-01&to=2020-02-01").json().get("rate").asDouble()).isZero();

		// the same figures as the one query over need and pledge that stats ran before the two modules answered apart
		java.time.Instant from = java.time.Instant.parse("2020-01-01T00:00:00Z");
		java.time.Instant to = java.time.Instant.parse("2100-01-01T00:00:00Z");
		for (String code : List.of("430400", "430421", "430421100203", "430422")) {
			org.bangfu.region.Region region = regions.get(org.bangfu.shared.RegionCode.parse(code));
			MatchingRate.Rate rate = matchingRate.of(region, from, to);
			org.bangfu.region.Scope scope = org.bangfu.region.Scope.of(region);
			List<Long> oneQuery = scope.bind(jdbc.sql("""
					SELECT count(*) AS verified,
					       count(*) FILTER (WHERE n.state IN ('CONFIRMED', 'CLOSED')) AS confirmed,
					       count(*) FILTER (WHERE n.state IN ('CONFIRMED', 'CLOSED') AND EXISTS (
					           SELECT 1 FROM pledge p WHERE p.need_id = n.id AND p.state = 'RECEIVED' AND p.staff_in_scope)) AS by_staff,
					       coalesce(sum(n.total_value_fen), 0) AS verified_value,
					       coalesce(sum(n.total_value_fen) FILTER (WHERE n.state IN ('CONFIRMED', 'CLOSED')), 0) AS confirmed_value
					FROM need n
					WHERE %s AND n.verified_at >= :from AND n.verified_at < :to""".formatted(scope.sql("n.region_code"))))
				.param("from", java.sql.Timestamp.from(from))
				.param("to", java.sql.Timestamp.from(to))
				.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
				.single();
			assertThat(List.of(rate.verified(), rate.confirmed(), rate.confirmedByStaffInScope(), rate.verifiedValueFen(), rate.confirmedValueFen()))
				.as(code).isEqualTo(oneQuery);
		}
		assertThat(matchingRate.of(regions.get(org.bangfu.shared.RegionCode.parse("430421100203")), from, to).confirmedByStaffInScope())
			.isPositive();
	}

	static byte[] jpeg() throws java.io.IOException {
		BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}
}
