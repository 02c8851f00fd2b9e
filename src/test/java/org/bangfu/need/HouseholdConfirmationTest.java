package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.need.NeedFixtures.*;

import java.time.Duration;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The household's own word (issue 16), by each route (own account, SMS code, signed form), the verify gate, the bad
 * input (another household, outside scope, wrong/expired/replayed codes, not an image, too large, already verified) and
 * an edit after the confirmation. Its data lies in 南岳区 (430412) only.
 */
class HouseholdConfirmationTest extends ApplicationTest {

	static final String TOWNSHIP = "430412001";

	static final String VILLAGE_A = "430412001002";

	@Autowired
	PersonalData personalData;

	@Autowired
	Accounts accounts;

	@Autowired
	WebApplicationContext context;

	/** An officer of the test village and a manager of its township, made for this test (their phones: for pages). */
	record Staff(String officer, String manager, String managerPhone) {
	}

	Staff staff(ApiClient api) {
		String city = api.login("13800000001", DEMO_PASSWORD);
		String managerPhone = newPhone();
		return new Staff(grant(api, city, "VILLAGE_OFFICER", VILLAGE_A, newPhone()), grant(api, city, "TOWNSHIP_MANAGER", TOWNSHIP, managerPhone),
				managerPhone);
	}

	/** A page as the account with this phone sees it in its browser session. */
	String page(String path, String phone) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
		var response = mvc.perform(MockMvcRequestBuilders.get(path).with(SecurityMockMvcRequestPostProcessors.user(accounts.findByPhone(phone).orElseThrow())))
			.andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	String grant(ApiClient api, String city, String role, String region, String phone) {
		Answer a = api.post("/api/v1/grants", """
				{"phone":"%s","role":"%s","regionCode":"%s","name":"南岳测试"}""".formatted(phone, role, region), city);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		api.post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"LOGIN\"}", null);
		return api.post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + lastCodeSentTo(phone) + "\"}", null).json()
			.get("token").asString();
	}

	/** The phone of the household account last made by {@link #householdAccount}. */
	String lastHouseholdPhone;

	/** A household of the test village with consent, its own account (officer-registered with a phone), logged in. */
	String householdAccount(ApiClient api, String officer, long household) {
		String phone = newPhone();
		lastHouseholdPhone = phone;
		Answer made = api.post("/api/v1/households/" + household + "/account", "{\"phone\":\"" + phone + "\"}", officer);
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		accounts.changePassword(made.json().get("accountId").asLong(), DEMO_PASSWORD);
		return api.login(phone, DEMO_PASSWORD);
	}

	long submitted(ApiClient api, String officer, long household, String title) {
		long id = create(api, officer, quiltNeed(household, title, 2));
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, officer).status()).isEqualTo(200);
		return id;
	}

	long confirmations(long need) {
		return jdbc.sql("SELECT count(*) FROM need_confirmation WHERE need_id = ?").param(need).query(Long.class).single();
	}

	@Test
	void theHouseholdConfirmsInItsOwnAccountAndOnlyThenTheNeedIsVerified() throws Exception {
		ApiClient api = api();
		Staff s = staff(api);
		long household = household(jdbc, personalData, VILLAGE_A, "南岳周本人", true);
		String own = householdAccount(api, s.officer(), household);
		String ownPhone = lastHouseholdPhone;
		long id = submitted(api, s.officer(), household, "周家冬季棉被");
		assertThat(api.get("/api/v1/needs/" + id, s.officer()).json().get("householdConfirmation").isNull()).isTrue();

		Answer early = api.post("/api/v1/needs/" + id + "/verify", NeedFixtures.VERIFY_REASON, s.manager());
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("detail").asString()).contains("户主还没有确认");
		assertThat(api.get("/api/v1/needs/" + id, s.manager()).json().get("state").asString()).isEqualTo("SUBMITTED");

		// another household's account: 404, nothing recorded
		long other = household(jdbc, personalData, VILLAGE_A, "南岳吴别家", true);
		String otherAccount = householdAccount(api, s.officer(), other);
		assertThat(api.post("/api/v1/needs/" + id + "/confirm", null, otherAccount).status()).isEqualTo(404);
		// staff outside the scope (衡南县茶市镇): 404 by every route
		String outside = api.login("13800000013", DEMO_PASSWORD);
		assertThat(api.post("/api/v1/needs/" + id + "/confirm", "{\"smsCode\":\"123456\"}", outside).status()).isEqualTo(404);
		assertThat(api.postFile("/api/v1/needs/" + id + "/confirm", "file", "f.png", "image/png", png(50, 50), outside).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/needs/" + id + "/confirm/sms-code", null, outside).status()).isEqualTo(404);
		// staff in scope with nothing to show: 400 asks for the code or the form
		assertThat(api.post("/api/v1/needs/" + id + "/confirm", null, s.officer()).status()).isEqualTo(400);
		assertThat(confirmations(id)).isZero();

		// the household's home lists it, as posted
		assertThat(page("/me/household", ownPhone)).contains("等待您确认的需求", "周家冬季棉被", "棉被");
		Answer confirmed = api.post("/api/v1/needs/" + id + "/confirm", null, own);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().get("householdConfirmation").get("route").asString()).isEqualTo("ACCOUNT");
		assertThat(page("/me/household", ownPhone)).doesNotContain("等待您确认的需求");
		assertThat(api.post("/api/v1/needs/" + id + "/confirm", null, own).status()).as("once is enough").isEqualTo(409);
		assertThat(page("/needs/queue?region=" + TOWNSHIP, s.managerPhone())).contains("户主已确认 · 本人账户");

		Answer verified = api.post("/api/v1/needs/" + id + "/verify", NeedFixtures.VERIFY_REASON, s.manager());
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().get("state").asString()).isEqualTo("PUBLISHED");
		JsonNode pub = api.get("/api/v1/needs/" + id).json();
		assertThat(pub.get("householdConfirmation").get("route").asString()).isEqualTo("ACCOUNT");
		assertThat(pub.get("householdConfirmation").get("at").isNull()).isFalse();

		// after verification the word is past: 409, nothing changed
		Answer late = api.postFile("/api/v1/needs/" + id + "/confirm", "file", "f.png", "image/png", png(60, 80), s.officer());
		assertThat(late.status()).isEqualTo(409);
		assertThat(confirmations(id)).isEqualTo(1);
	}

	@Test
	void theHouseholdSaysItIsNotWhatItAskedForAndThePosterIsTold() throws Exception {
		ApiClient api = api();
		Staff s = staff(api);
		long household = household(jdbc, personalData, VILLAGE_A, "南岳郑不认", true);
		String own = householdAccount(api, s.officer(), household);
		long id = submitted(api, s.officer(), household, "郑家电视机");
		Answer disputed = api.post("/api/v1/needs/" + id + "/dispute", "{\"note\":\"我家没要电视\"}", own);
		assertThat(disputed.status()).as(disputed.body()).isEqualTo(200);
		assertThat(api.get("/api/v1/me/notices", s.officer()).body()).contains("郑家电视机", "我家没要电视");
		Answer verify = api.post("/api/v1/needs/" + id + "/verify", NeedFixtures.VERIFY_REASON, s.manager());
		assertThat(verify.status()).isEqualTo(409);
		assertThat(verify.json().get("detail").asString()).contains("不是他家申请的");
		assertThat(page("/needs/" + id, s.managerPhone())).contains("户主说这不是他家申请的", "我家没要电视");
		Answer overrule = api.postFile("/api/v1/needs/" + id + "/confirm", "file", "f.png", "image/png", png(60, 80), s.officer());
		assertThat(overrule.status()).as("staff do not overrule the household").isEqualTo(409);
		assertThat(overrule.json().get("detail").asString()).contains("不能代为确认");
		assertThat(api.post("/api/v1/needs/" + id + "/confirm", null, own).status()).as("the household may change its mind").isEqualTo(200);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", NeedFixtures.VERIFY_REASON, s.manager()).status()).isEqualTo(200);
	}

	@Test
	void anSmsCodeConfirmsOnceExpiresAndIsRefusedForAHouseholdWithoutAPhone() {
		ApiClient api = api();
		Staff s = staff(api);
		String phone = newPhone();
		long household = household(jdbc, personalData, VILLAGE_A, "南岳王短信", true);
		jdbc.sql("UPDATE household SET phone_hash = ?, phone_cipher = ? WHERE id = ?")
			.params(personalData.lookupHash(phone), personalData.encrypt(phone), household).update();
		long id = submitted(api, s.officer(), household, "王家过冬棉被");

		assertThat(api.post("/api/v1/needs/" + id + "/confirm", "{\"smsCode\":\"123456\"}", s.officer()).status()).as("no code sent yet")
			.isEqualTo(400);
		Answer sent = api.post("/api/v1/needs/" + id + "/confirm/sms-code", null, s.officer());
		assertThat(sent.status()).as(sent.body()).isEqualTo(202);
		assertThat(sent.json().get("maskedPhone").asString()).contains("****").doesNotContain(phone);
		String admin = api.login("13800000001", DEMO_PASSWORD);
		String text = api.get("/api/v1/admin/sms-outbox?phone=" + phone, admin).json().get(0).get("text").asString();
		assertThat(text).contains("王家过冬棉被", "100", "如果您没有申请，请不要告诉任何人");
		String code = lastCodeSentTo(phone);
		assertThat(api.post("/api/v1/needs/" + id + "/confirm/sms-code", null, s.officer()).status()).as("one a minute").isEqualTo(429);

		// expired after 10 minutes
		clock.advance(Duration.ofMinutes(11));
		Answer expired = api.post("/api/v1/needs/" + id + "/confirm", "{\"smsCode\":\"" + code + "\"}", s.officer());
		assertThat(expired.status()).isEqualTo(400);
		assertThat(expired.json().get("detail").asString()).contains("过期");

		assertThat(api.post("/api/v1/needs/" + id + "/confirm/sms-code", null, s.officer()).status()).isEqualTo(202);
		String fresh = lastCodeSentTo(phone);
		String wrong = fresh.equals("000000") ? "111111" : "000000";
		Answer bad = api.post("/api/v1/needs/" + id + "/confirm", "{\"smsCode\":\"" + wrong + "\"}", s.officer());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("detail").asString()).contains("不对");
		assertThat(api.post("/api/v1/needs/" + id + "/verify", NeedFixtures.VERIFY_REASON, s.manager()).status()).isEqualTo(409);

		Answer ok = api.post("/api/v1/needs/" + id + "/confirm", "{\"smsCode\":\"" + fresh + "\"}", s.officer());
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("householdConfirmation").get("route").asString()).isEqualTo("SMS");
		Answer replay = api.post("/api/v1/needs/" + id + "/confirm", "{\"smsCode\":\"" + fresh + "\"}", s.officer());
		assertThat(replay.status()).isEqualTo(409);
		assertThat(replay.json().get("detail").asString()).contains("已经用过");
		assertThat(confirmations(id)).isEqualTo(1);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", NeedFixtures.VERIFY_REASON, s.manager()).status()).isEqualTo(200);

		// a household without a phone on record: 400, use the form
		long phoneless = household(jdbc, personalData, VILLAGE_A, "南岳李无机", true);
		long other = submitted(api, s.officer(), phoneless, "李家棉被");
		Answer none = api.post("/api/v1/needs/" + other + "/confirm/sms-code", null, s.officer());
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.json().get("detail").asString()).contains("确认表");
	}

	@Test
	void aBurstOfSendsMakesOneCodeAndABurstOfTheCodeMakesOneConfirmation() throws Exception {
		ApiClient api = api();
		Staff s = staff(api);
		String phone = newPhone();
		long household = household(jdbc, personalData, VILLAGE_A, "南岳赵并发", true);
		jdbc.sql("UPDATE household SET phone_hash = ?, phone_cipher = ? WHERE id = ?")
			.params(personalData.lookupHash(phone), personalData.encrypt(phone), household).update();
		long id = submitted(api, s.officer(), household, "赵家过冬棉被");

		java.util.List<Integer> sends = burst(50, () -> api.post("/api/v1/needs/" + id + "/confirm/sms-code", null, s.officer()).status());
		assertThat(sends).as("one code a minute, whatever the taps").isSubsetOf(202, 429).filteredOn(c -> c == 202).hasSize(1);
		String admin = api.login("13800000001", DEMO_PASSWORD);
		assertThat(api.get("/api/v1/admin/sms-outbox?phone=" + phone, admin).json().size()).as("one SMS sent").isEqualTo(1);

		String code = "{\"smsCode\":\"" + lastCodeSentTo(phone) + "\"}";
		java.util.List<Integer> confirms = burst(50, () -> api.post("/api/v1/needs/" + id + "/confirm", code, s.officer()).status());
		// the rest: used (409), or beyond the five tries a code allows (429): refused either way, none fails
		assertThat(confirms).as("the code works once").isSubsetOf(200, 409, 429).filteredOn(c -> c == 200).hasSize(1);
		assertThat(confirmations(id)).isEqualTo(1);
	}

	/** The statuses of {@code n} calls sent at once. */
	static java.util.List<Integer> burst(int n, java.util.concurrent.Callable<Integer> call) throws Exception {
		var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < n; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			java.util.List<Integer> statuses = new java.util.ArrayList<>();
			for (var a : answers) {
				statuses.add(a.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aSignedFormConfirmsAndIsCheckedLikeANeedsPhotos() throws Exception {
		ApiClient api = api();
		Staff s = staff(api);
		long household = household(jdbc, personalData, VILLAGE_A, "南岳赵签字", true);
		long id = submitted(api, s.officer(), household, "赵家冬衣");

		assertThat(page("/needs/" + id + "/confirmation-form", s.managerPhone())).contains("户主确认表", "南岳赵签字", "赵家冬衣", "棉被", "签字或按手印");

		Answer notImage = api.postFile("/api/v1/needs/" + id + "/confirm", "file", "form.png", "image/png", "not a picture".getBytes(), s.officer());
		assertThat(notImage.status()).as("as for a need's photo: told by its bytes, 415").isEqualTo(415);
		Answer huge = api.postFile("/api/v1/needs/" + id + "/confirm", "file", "form.jpg", "image/jpeg", new byte[20 * 1024 * 1024], s.officer());
		assertThat(huge.status()).isEqualTo(413);
		assertThat(confirmations(id)).isZero();

		Answer ok = api.postFile("/api/v1/needs/" + id + "/confirm", "file", "form.png", "image/png", png(300, 400), s.officer());
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("householdConfirmation").get("route").asString()).isEqualTo("FORM");
		long form = jdbc.sql("SELECT id FROM need_confirmation WHERE need_id = ?").param(id).query(Long.class).single();
		assertThat(page("/needs/" + id, s.managerPhone())).contains("户主已确认 · 签字表", "/needs/" + id + "/confirmations/" + form + ".jpg");
		assertThat(page("/needs/" + id + "/confirmations/" + form + ".jpg", s.managerPhone())).isNotEmpty();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
		assertThat(mvc.perform(MockMvcRequestBuilders.get("/needs/" + id + "/confirmations/" + form + ".jpg")
			.with(SecurityMockMvcRequestPostProcessors.user(accounts.findByPhone("13800000013").orElseThrow()))).andReturn().getResponse().getStatus())
			.as("outside the scope").isEqualTo(404);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", NeedFixtures.VERIFY_REASON, s.manager()).status()).isEqualTo(200);
	}

	@Test
	void anEditAfterTheConfirmationNeedsANewOne() {
		ApiClient api = api();
		Staff s = staff(api);
		long household = household(jdbc, personalData, VILLAGE_A, "南岳钱改过", true);
		long id = submitted(api, s.officer(), household, "钱家棉被");
		confirmByForm(api, s.officer(), id);
		assertThat(api.post("/api/v1/needs/" + id + "/reject", "{\"reason\":\"数量写错\"}", s.manager()).status()).isEqualTo(200);
		Answer edited = api.put("/api/v1/needs/" + id, quiltNeed(household, "钱家棉被", 3), s.officer());
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("householdConfirmation").isNull()).as("the word was on two quilts, not three").isTrue();
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, s.officer()).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", NeedFixtures.VERIFY_REASON, s.manager()).status()).isEqualTo(409);
		confirmByForm(api, s.officer(), id);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", NeedFixtures.VERIFY_REASON, s.manager()).status()).isEqualTo(200);
	}

	@Test
	void aProducersSaleAndAHouseholdsOwnNeedNeedNoConfirmation() {
		ApiClient api = api();
		Staff s = staff(api);
		long producer = create(api, s.officer(), """
				{"category":"OTHER","title":"南岳合作社冬衣","story":"合作社为留守老人募集冬衣。","producer":"南岳茶叶合作社","regionCode":"%s",
				 "items":[{"kind":"生活用品","name":"棉衣","quantity":2,"unit":"件","valueFen":10000}]}""".formatted(VILLAGE_A));
		assertThat(api.post("/api/v1/needs/" + producer + "/submit", null, s.officer()).status()).isEqualTo(200);
		Answer notNeeded = api.postFile("/api/v1/needs/" + producer + "/confirm", "file", "f.png", "image/png", png(50, 50), s.officer());
		assertThat(notNeeded.status()).isEqualTo(409);
		assertThat(api.post("/api/v1/needs/" + producer + "/verify", NeedFixtures.VERIFY_REASON, s.manager()).status()).isEqualTo(200);

		long household = household(jdbc, personalData, VILLAGE_A, "南岳孙自己", true);
		String own = householdAccount(api, s.officer(), household);
		long self = create(api, own, quiltNeed(household, "孙家自己要的棉被", 1));
		assertThat(api.post("/api/v1/needs/" + self + "/submit", null, own).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/needs/" + self + "/verify", NeedFixtures.VERIFY_REASON, s.manager()).status()).isEqualTo(200);
	}
}
