package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.need.NeedFixtures.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Posting, verification and publication through the API, against the real database. */
class NeedWorkflowTest extends ApplicationTest {

	@Autowired
	org.bangfu.shared.PersonalData personalData;

	@Autowired
	NeedExpiry expiry;

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void anOfficerPostsOnBehalfAndAManagerPublishes() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		String manager = api.login(MANAGER, DEMO_PASSWORD);
		long household = household(jdbc, personalData, VILLAGE, "欧阳建华", true);

		long id = create(api, officer, medicalNeed(household, "急需轮椅一台", "老人中风后行走困难，需要轮椅出行和按时服用降压药。", 80000));
		JsonNode draft = api.get("/api/v1/needs/" + id, officer).json();
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("regionCode").asString()).isEqualTo(VILLAGE);
		assertThat(draft.get("remainingQuantity").asInt()).isEqualTo(13);
		assertThat(draft.get("items").get(0).get("valueFen").asLong()).isEqualTo(80000);
		assertThat(api.get("/api/v1/needs/" + id).status()).as("a draft is not public").isEqualTo(404);

		Answer noPhoto = api.post("/api/v1/needs/" + id + "/submit", null, officer);
		assertThat(noPhoto.status()).isEqualTo(400);
		assertThat(noPhoto.json().get("detail").asString()).contains("照片");
		photo(api, officer, id);
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, officer).json().get("state").asString()).isEqualTo("SUBMITTED");

		Answer ownVerify = api.post("/api/v1/needs/" + id + "/verify", null, officer);
		assertThat(ownVerify.status()).as("a village officer does not verify").isEqualTo(403);
		Answer outside = api.post("/api/v1/needs/" + id + "/verify", null, api.login(OTHER_MANAGER, DEMO_PASSWORD));
		assertThat(outside.status()).as("a manager of another county does not see it").isEqualTo(404);

		Answer unconfirmed = api.post("/api/v1/needs/" + id + "/verify", VERIFY_REASON, manager);
		assertThat(unconfirmed.status()).as("the household's own word comes first").isEqualTo(409);
		confirmByForm(api, officer, id);
		JsonNode published = api.post("/api/v1/needs/" + id + "/verify", VERIFY_REASON, manager).json();
		assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
		List<String> steps = new ArrayList<>();
		published.get("history").forEach(h -> steps.add(h.get("action").asString() + ":" + h.get("to").asString()));
		assertThat(steps).containsExactly("CREATE:DRAFT", "SUBMIT:SUBMITTED", "VERIFY:VERIFIED", "PUBLISH:PUBLISHED");
		assertThat(published.get("history").get(0).get("actorName").asString()).as("the poster's name, from the account module").isNotBlank();

		JsonNode pub = api.get("/api/v1/needs/" + id).json();
		assertThat(pub.get("beneficiary").asString()).isEqualTo("欧**华家");
		JsonNode card = null;
		for (JsonNode c : api.get("/api/v1/needs?region=" + VILLAGE + "&q=" + java.net.URLEncoder.encode("轮椅", java.nio.charset.StandardCharsets.UTF_8)).json().get("needs")) {
			card = c.get("id").asLong() == id ? c : card;
		}
		assertThat(card).as("the public list shows the need").isNotNull();
		assertThat(card.get("beneficiary").asString()).as("the head's name from the household module, masked").isEqualTo("欧**华家");
		assertThat(card.toString()).doesNotContain("欧阳建华");
		assertThat(pub.toString()).doesNotContain("欧阳建华").doesNotContain("householdId").doesNotContain("flags").doesNotContain("history");
		assertThat(pub.get("photos").size()).isEqualTo(1);
		assertThat(api.get("/needs/" + id + "/qr.png").contentType()).isEqualTo("image/png");

		Answer list = api.get("/api/v1/needs?region=430421&q=" + enc("轮椅"));
		assertThat(ids(list)).contains(id);
		assertThat(list.body()).doesNotContain("欧阳建华");
		assertThat(api.get("/needs/" + id).body()).contains("欧**华").doesNotContain("欧阳建华");
		assertThat(count("SELECT count(*) FROM sms_message WHERE body LIKE ?", "%急需轮椅一台%已审核通过%")).isPositive();
	}

	static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
	}

	static List<Long> ids(Answer list) {
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		list.json().get("needs").forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

	@Test
	void postingOnBehalfNeedsTheHouseholdsConsent() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = household(jdbc, personalData, VILLAGE, "没同意", false);
		long before = count("SELECT count(*) FROM need");

		Answer refused = api.post("/api/v1/needs", medicalNeed(household, "需要助听器一副", "耳朵听不见，和家人说话很困难，需要助听器。", 50000), officer);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("同意");
		assertThat(count("SELECT count(*) FROM need")).isEqualTo(before);
	}

	@Test
	void postingIsForStaffInScopeAndHouseholds() {
		ApiClient api = api();
		long household = household(jdbc, personalData, VILLAGE, "范围外", true);
		String json = medicalNeed(household, "需要轮椅一台", "老人行走困难，需要轮椅出行，家中无力购买。", 60000);
		assertThat(api.post("/api/v1/needs", json, api.login(DONOR, DEMO_PASSWORD)).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/needs", json, api.login("13800000014", DEMO_PASSWORD)).status())
			.as("an officer of another village").isEqualTo(404);
		assertThat(api.post("/api/v1/needs", json, null).status()).isEqualTo(401);
	}

	@Test
	void badNeedsAreRefusedWithTheReasonAndNothingIsStored() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = household(jdbc, personalData, VILLAGE, "填错了", true);
		long before = count("SELECT count(*) FROM need");
		String ok = "老人行走困难，需要轮椅出行，家中无力购买。";
		String noItems = """
				{"category":"MEDICAL","title":"需要轮椅","story":"%s","householdId":%d,"items":[]}""".formatted(ok, household);
		String negative = """
				{"category":"MEDICAL","title":"需要轮椅","story":"%s","householdId":%d,
				 "items":[{"name":"轮椅","quantity":1,"unit":"台","valueFen":-100}]}""".formatted(ok, household);
		String zeroQuantity = """
				{"category":"MEDICAL","title":"需要轮椅","story":"%s","householdId":%d,
				 "items":[{"name":"轮椅","quantity":0,"unit":"台","valueFen":100}]}""".formatted(ok, household);
		String overCap = """
				{"category":"OTHER","title":"需要生活用品","story":"%s","householdId":%d,
				 "items":[{"name":"冰箱","quantity":1,"unit":"台","valueFen":99900000}]}""".formatted(ok, household);
		String wrongKind = """
				{"category":"EDUCATION","title":"需要学费资助","story":"%s","householdId":%d,
				 "items":[{"kind":"建筑材料","name":"砖","quantity":1,"unit":"批","valueFen":100}]}""".formatted(ok, household);
		String noCategory = """
				{"title":"需要轮椅","story":"%s","householdId":%d,"items":[{"name":"轮椅","quantity":1,"unit":"台","valueFen":100}]}"""
			.formatted(ok, household);
		String saleWithoutPrice = """
				{"category":"PRODUCT_SALES","title":"出售山茶油","story":"%s","producer":"西渡山茶油合作社","regionCode":"%s",
				 "items":[{"name":"山茶油","quantity":500,"unit":"斤","valueFen":4000000}]}""".formatted(ok, VILLAGE);
		for (String[] c : new String[][] { { noItems, "至少" }, { negative, "负数" }, { zeroQuantity, "数量" }, { overCap, "上限" },
				{ wrongKind, "不属于" }, { noCategory, "类别" }, { saleWithoutPrice, "单价" }, { "{not json", "" } }) {
			Answer a = api.post("/api/v1/needs", c[0], officer);
			assertThat(a.status()).as(c[0]).isEqualTo(400);
			assertThat(a.json().get("detail").asString()).as(c[0]).contains(c[1]);
		}
		assertThat(count("SELECT count(*) FROM need")).isEqualTo(before);
	}

	@Test
	void aRejectedNeedIsEditedAndSubmittedAgain() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		String manager = api.login(MANAGER, DEMO_PASSWORD);
		long household = household(jdbc, personalData, VILLAGE, "改一改", true);
		long id = create(api, officer, medicalNeed(household, "需要轮椅和药品", "老人行走困难，需要轮椅出行，降压药也快吃完了。", 200000));
		photo(api, officer, id);
		api.post("/api/v1/needs/" + id + "/submit", null, officer);

		Answer noReason = api.post("/api/v1/needs/" + id + "/reject", "{\"reason\":\" \"}", manager);
		assertThat(noReason.status()).isEqualTo(400);
		JsonNode rejected = api.post("/api/v1/needs/" + id + "/reject", "{\"reason\":\"轮椅估价偏高，请按当地市场价重新估价\"}", manager).json();
		assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
		assertThat(api.get("/api/v1/needs/" + id, officer).json().get("rejectReason").asString()).contains("重新估价");
		assertThat(count("SELECT count(*) FROM sms_message WHERE body LIKE ?", "%未通过审核：轮椅估价偏高%")).isEqualTo(1);

		JsonNode edited = api.put("/api/v1/needs/" + id, medicalNeed(household, "需要轮椅和药品", "老人行走困难，需要轮椅出行，降压药也快吃完了。", 60000), officer).json();
		assertThat(edited.get("totalValueFen").asLong()).isEqualTo(96000);
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, officer).json().get("state").asString()).isEqualTo("SUBMITTED");
		confirmByForm(api, officer, id);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", VERIFY_REASON, manager).json().get("state").asString()).isEqualTo("PUBLISHED");
	}

	@Test
	void aManagerNeverVerifiesTheirOwnPost() {
		ApiClient api = api();
		String manager = api.login(MANAGER, DEMO_PASSWORD);
		long household = household(jdbc, personalData, VILLAGE, "自己审", true);
		long id = create(api, manager, medicalNeed(household, "需要轮椅一台", "老人行走困难，需要轮椅出行，家中无力购买。", 60000));
		photo(api, manager, id);
		api.post("/api/v1/needs/" + id + "/submit", null, manager);

		Answer own = api.post("/api/v1/needs/" + id + "/verify", null, manager);
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.json().get("detail").asString()).contains("自己");
		assertThat(api.post("/api/v1/needs/" + id + "/reject", "{\"reason\":\"x\"}", manager).status()).isEqualTo(403);
		confirmByForm(api, manager, id);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", VERIFY_REASON, api.login(COUNTY, DEMO_PASSWORD)).json().get("state").asString())
			.isEqualTo("PUBLISHED");
	}

	@Test
	void everyStateAnswersEveryActionAsTheStateMachineSays() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		String manager = api.login(MANAGER, DEMO_PASSWORD);
		long household = household(jdbc, personalData, VILLAGE, "状态机", true);
		String body = medicalNeed(household, "需要轮椅一台", "老人行走困难，需要轮椅出行，家中无力购买。", 60000);
		record Call(NeedAction action, String path, String json, String token) {
		}
		for (NeedState state : NeedState.values()) {
			for (Call call : List.of(new Call(NeedAction.EDIT, "", body, officer), new Call(NeedAction.SUBMIT, "/submit", null, officer),
					new Call(NeedAction.VERIFY, "/verify", VERIFY_REASON, manager), new Call(NeedAction.REJECT, "/reject", "{\"reason\":\"不实\"}", manager),
					new Call(NeedAction.WITHDRAW, "/withdraw", "{\"reason\":\"已解决\"}", officer))) {
				long id = create(api, officer, body);
				photo(api, officer, id);
				if (call.action() == NeedAction.VERIFY) {
					confirmByForm(api, officer, id);
				}
				jdbc.sql("UPDATE need SET state = ?, published_at = CASE WHEN ? THEN now() END WHERE id = ?")
					.params(state.name(), NeedState.PUBLIC.contains(state), id)
					.update();
				long transitions = count("SELECT count(*) FROM need_transition WHERE need_id = ?", id);
				Answer a = call.action() == NeedAction.EDIT ? api.put("/api/v1/needs/" + id, call.json(), call.token())
						: api.post("/api/v1/needs/" + id + call.path(), call.json(), call.token());
				boolean allowed = NeedLifecycle.next(state, call.action()).isPresent();
				String now = jdbc.sql("SELECT state FROM need WHERE id = ?").param(id).query(String.class).single();
				if (allowed) {
					assertThat(a.status()).as("%s from %s: %s", call.action(), state, a.body()).isEqualTo(200);
					NeedState expected = call.action() == NeedAction.VERIFY ? NeedState.PUBLISHED : NeedLifecycle.next(state, call.action()).get();
					assertThat(now).isEqualTo(expected.name());
					assertThat(count("SELECT count(*) FROM need_transition WHERE need_id = ?", id)).isGreaterThan(transitions);
				}
				else {
					assertThat(a.status()).as("%s from %s: %s", call.action(), state, a.body()).isEqualTo(409);
					assertThat(a.json().get("detail").asString()).contains("不能");
					assertThat(now).as("nothing changed").isEqualTo(state.name());
					assertThat(count("SELECT count(*) FROM need_transition WHERE need_id = ?", id)).isEqualTo(transitions);
				}
			}
		}
	}

	@Test
	void twoManagersVerifyingAtOnceMakeOnePublication() throws Exception {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		String manager = api.login(MANAGER, DEMO_PASSWORD);
		String county = api.login(COUNTY, DEMO_PASSWORD);
		long household = household(jdbc, personalData, VILLAGE, "同时审", true);
		long id = create(api, officer, medicalNeed(household, "需要轮椅一台", "老人行走困难，需要轮椅出行，家中无力购买。", 60000));
		photo(api, officer, id);
		api.post("/api/v1/needs/" + id + "/submit", null, officer);
		confirmByForm(api, officer, id);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> calls = List.of(() -> api.post("/api/v1/needs/" + id + "/verify", VERIFY_REASON, manager).status(),
					() -> api.post("/api/v1/needs/" + id + "/verify", VERIFY_REASON, county).status());
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : pool.invokeAll(calls)) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("SELECT count(*) FROM need_transition WHERE need_id = ? AND action = 'PUBLISH'", id)).isEqualTo(1);
	}

	@Test
	void anUnpledgedNeedExpiresAndItsPosterIsTold() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = household(jdbc, personalData, VILLAGE, "过期户", true);
		long id = create(api, officer, medicalNeed(household, "需要过期测试轮椅", "老人行走困难，需要轮椅出行，家中无力购买。", 60000));
		photo(api, officer, id);
		api.post("/api/v1/needs/" + id + "/submit", null, officer);
		confirmByForm(api, officer, id);
		api.post("/api/v1/needs/" + id + "/verify", VERIFY_REASON, api.login(MANAGER, DEMO_PASSWORD));

		clock.advance(expiry.expireAfter().minusHours(1));
		expiry.expireDue();
		assertThat(api.get("/api/v1/needs/" + id).json().get("state").asString()).isEqualTo("PUBLISHED");
		clock.advance(Duration.ofHours(2));
		expiry.expireDue();

		assertThat(api.get("/api/v1/needs/" + id).json().get("state").asString()).isEqualTo("EXPIRED");
		assertThat(count("SELECT count(*) FROM sms_message WHERE body LIKE ?", "%需要过期测试轮椅%已过期%")).isEqualTo(1);
		assertThat(ids(api.get("/api/v1/needs?q=" + enc("过期测试")))).doesNotContain(id);
		JsonNode again = api.post("/api/v1/needs/" + id + "/repost", null, api.login(OFFICER, DEMO_PASSWORD)).json();
		assertThat(again.get("state").asString()).isEqualTo("DRAFT");
		assertThat(again.get("previousNeedId").asLong()).isEqualTo(id);
	}
}
