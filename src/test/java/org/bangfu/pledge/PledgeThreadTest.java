package org.bangfu.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.DonorType;
import org.bangfu.notify.Notices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A pledge's delivery arrangement and message thread through the API (and its page without JavaScript): who may read
 * and write (the pledge's parties and staff in scope; everyone else 404), what each is told (never the household's own
 * phone to the donor), phone views logged, notices to the other parties, and bad input refused in Chinese without
 * changing anything.
 */
class PledgeThreadTest extends ApplicationTest {

	static final String OFFICER = "13800000004";

	static final String MANAGER = "13800000003";

	static final String HOUSEHOLD = "13800000051";

	/** 张大山's household phone in the registry: never to reach a donor. */
	static final String HOUSEHOLD_PHONE = "13807340001";

	@Autowired
	Accounts accounts;

	@Autowired
	Notices notices;

	record Setup(long need, long pledge, String donor, String donorPhone) {
	}

	/** A need of 张大山's household posted by the village officer and verified, and a fresh individual donor's pledge of it. */
	Setup pledged(ApiClient api) {
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = jdbc.sql("SELECT id FROM household WHERE household_number = '4304211002030001'").query(Long.class).single();
		Answer created = api.post("/api/v1/needs", """
				{"category":"OTHER","title":"冬天缺取暖器","story":"老人屋里冬天很冷，需要一台取暖器。","householdId":%d,
				 "items":[{"kind":"生活用品","name":"取暖器","quantity":2,"unit":"台","valueFen":30000}]}""".formatted(household), officer);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long need = created.json().get("id").asLong();
		assertThat(api.post("/api/v1/needs/" + need + "/submit", null, officer).status()).isEqualTo(200);
		org.bangfu.need.NeedFixtures.confirmByForm(api, officer, need);
		assertThat(api.post("/api/v1/needs/" + need + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, api.login(MANAGER, DEMO_PASSWORD)).status()).isEqualTo(200);
		String phone = newPhone();
		accounts.create(new Accounts.NewAccount(phone, "王爱民", DEMO_PASSWORD, DonorType.INDIVIDUAL, null, null, null));
		String donor = api.login(phone, DEMO_PASSWORD);
		Answer pledge = api.post("/api/v1/needs/" + need + "/pledges", "{\"quantity\":1}", donor);
		assertThat(pledge.status()).as(pledge.body()).isEqualTo(201);
		return new Setup(need, pledge.json().get("id").asLong(), donor, phone);
	}

	private Answer write(ApiClient api, long pledge, String token, String body, String key) {
		return api.postWithHeader("/api/v1/pledges/" + pledge + "/messages", body, token, "Idempotency-Key", key);
	}

	private long messages(long pledge) {
		return jdbc.sql("SELECT count(*) FROM pledge_message WHERE pledge_id = ?").param(pledge).query(Long.class).single();
	}

	@Test
	void theDonorIsToldWhereAndWhomToContactAndNeverTheHouseholdsPhone() {
		ApiClient api = api();
		String county = api.login("13800000002", DEMO_PASSWORD);
		long station = jdbc.sql("SELECT id FROM station WHERE region_code = '430421100203'").query(Long.class).single();
		Answer set = api.put("/api/v1/stations/" + station + "/address", "{\"address\":\"西渡镇西渡村村部（村委会一楼）\"}", county);
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		Setup s = pledged(api);

		Answer delivery = api.get("/api/v1/pledges/" + s.pledge() + "/delivery", s.donor());
		assertThat(delivery.status()).as(delivery.body()).isEqualTo(200);
		JsonNode d = delivery.json();
		assertThat(d.get("stationName").asString()).isEqualTo("西渡村委会社会扶贫网信息点");
		assertThat(d.get("stationAddress").asString()).isEqualTo("西渡镇西渡村村部（村委会一楼）");
		assertThat(d.get("officer").get("name").asString()).isEqualTo("西渡村信息员");
		assertThat(d.get("officer").get("roleLabel").asString()).isEqualTo("村信息员");
		assertThat(d.get("officer").get("maskedPhone").asString()).isEqualTo("138****0004");
		assertThat(d.get("donor").isNull()).isTrue();
		assertThat(delivery.body()).doesNotContain(HOUSEHOLD_PHONE).doesNotContain("张大山");

		// the full number is a logged view of personal data
		long logged = jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'personal-data.view'").query(Long.class).single();
		Answer officerPhone = api.post("/api/v1/pledges/" + s.pledge() + "/contacts/officer/reveal", null, s.donor());
		assertThat(officerPhone.status()).as(officerPhone.body()).isEqualTo(200);
		assertThat(officerPhone.json().get("phone").asString()).isEqualTo(OFFICER);
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'personal-data.view'").query(Long.class).single())
			.isEqualTo(logged + 1);
		Answer ownPhone = api.post("/api/v1/pledges/" + s.pledge() + "/contacts/donor/reveal", null, s.donor());
		assertThat(ownPhone.status()).isEqualTo(403);

		// the officer: the donor's name and phone
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		JsonNode seen = api.get("/api/v1/pledges/" + s.pledge() + "/delivery", officer).json();
		assertThat(seen.get("party").asString()).isEqualTo("STAFF");
		assertThat(seen.get("donor").get("name").asString()).isEqualTo("王爱民");
		assertThat(seen.get("donor").get("maskedPhone").asString()).isEqualTo(s.donorPhone().substring(0, 3) + "****" + s.donorPhone().substring(7));
		Answer donorPhone = api.post("/api/v1/pledges/" + s.pledge() + "/contacts/donor/reveal", null, officer);
		assertThat(donorPhone.json().get("phone").asString()).isEqualTo(s.donorPhone());
		String detail = jdbc.sql("SELECT detail FROM operation_log WHERE action = 'personal-data.view' ORDER BY id DESC LIMIT 1")
			.query(String.class).single();
		assertThat(detail).contains("pledge:" + s.pledge()).doesNotContain(s.donorPhone());

		// the household sees the donor masked, and no phone of the donor
		JsonNode household = api.get("/api/v1/pledges/" + s.pledge() + "/delivery", api.login(HOUSEHOLD, DEMO_PASSWORD)).json();
		assertThat(household.get("party").asString()).isEqualTo("HOUSEHOLD");
		assertThat(household.get("donor").get("name").asString()).isEqualTo("王*民");
		assertThat(household.get("donor").get("maskedPhone").isNull()).isTrue();
		assertThat(api.post("/api/v1/pledges/" + s.pledge() + "/contacts/donor/reveal", null, api.login(HOUSEHOLD, DEMO_PASSWORD)).status())
			.isEqualTo(403);
	}

	@Test
	void thePartiesWriteInTurnAndTheOthersAreTold() {
		ApiClient api = api();
		Setup s = pledged(api);
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		String household = api.login(HOUSEHOLD, DEMO_PASSWORD);
		long officerId = accounts.findByPhone(OFFICER).orElseThrow().id();
		long householdId = accounts.findByPhone(HOUSEHOLD).orElseThrow().id();
		long noticesBefore = jdbc.sql("SELECT count(*) FROM notice WHERE link = ?").param("/pledges/" + s.pledge()).query(Long.class).single();

		Answer first = write(api, s.pledge(), s.donor(), "{\"body\":\"我周六上午送到村部，可以吗？\"}", "k1-" + s.pledge());
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("mine").asBoolean()).isTrue();
		assertThat(write(api, s.pledge(), officer, "{\"body\":\"可以，周六上午我在村部等您。\"}", "k2-" + s.pledge()).status()).isEqualTo(201);
		assertThat(write(api, s.pledge(), household, "{\"body\":\"谢谢您！\"}", "k3-" + s.pledge()).status()).isEqualTo(201);

		// in order, with who wrote it: the donor masked as the household sees it, in full for the officer
		JsonNode forHousehold = api.get("/api/v1/pledges/" + s.pledge() + "/messages", household).json();
		assertThat(forHousehold.size()).isEqualTo(3);
		assertThat(forHousehold.get(0).get("body").asString()).isEqualTo("我周六上午送到村部，可以吗？");
		assertThat(forHousehold.get(0).get("authorRoleLabel").asString()).isEqualTo("爱心人士");
		assertThat(forHousehold.get(0).get("author").asString()).isEqualTo("王*民");
		assertThat(forHousehold.get(1).get("authorRoleLabel").asString()).isEqualTo("村信息员");
		assertThat(forHousehold.get(1).get("author").asString()).isEqualTo("西渡村信息员");
		assertThat(forHousehold.get(2).get("mine").asBoolean()).isTrue();
		JsonNode forOfficer = api.get("/api/v1/pledges/" + s.pledge() + "/messages", officer).json();
		assertThat(forOfficer.get(0).get("author").asString()).isEqualTo("王爱民");
		// staff in scope of the need read it too
		assertThat(api.get("/api/v1/pledges/" + s.pledge() + "/messages", api.login(MANAGER, DEMO_PASSWORD)).json().size()).isEqualTo(3);

		// each message told the other parties (not its writer): 2 + 2 + 2 notices, the officer's and household's by SMS too
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE link = ?").param("/pledges/" + s.pledge()).query(Long.class).single())
			.isEqualTo(noticesBefore + 6);
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE link = ? AND account_id = ?").params("/pledges/" + s.pledge(), officerId)
			.query(Long.class).single()).as("the pledge itself, then two messages").isEqualTo(3);
		List<Notices.Notice> householdsThread = notices.of(householdId, 0, Locale.SIMPLIFIED_CHINESE)
			.stream()
			.filter(n -> n.link().equals("/pledges/" + s.pledge()))
			.toList();
		assertThat(householdsThread.get(householdsThread.size() - 1).body()).as("the first message, read in Chinese")
			.isEqualTo("认领（编号 " + s.pledge() + "）的送达安排有新留言：我周六上午送到村部，可以吗？");
		String admin = api.login("13800000001", DEMO_PASSWORD);
		assertThat(api.get("/api/v1/admin/sms-outbox?phone=" + s.donorPhone(), admin).body()).contains("可以，周六上午我在村部等您");
	}

	@Test
	void everyoneElseGetsNotFound() {
		ApiClient api = api();
		Setup s = pledged(api);
		String path = "/api/v1/pledges/" + s.pledge();
		for (String outsider : new String[] { "13800000022", "13800000014", "13800000013", "13800000012", "13800000031" }) {
			String token = api.login(outsider, DEMO_PASSWORD);
			assertThat(api.get(path + "/messages", token).status()).as(outsider).isEqualTo(404);
			assertThat(api.get(path + "/delivery", token).status()).as(outsider).isEqualTo(404);
			Answer post = write(api, s.pledge(), token, "{\"body\":\"你好\"}", "x-" + outsider + s.pledge());
			assertThat(post.status()).as(outsider).isEqualTo(404);
			assertThat(post.contentType()).contains("application/problem+json");
			assertThat(api.post(path + "/contacts/officer/reveal", null, token).status()).as(outsider).isEqualTo(404);
		}
		assertThat(api.get(path + "/messages", null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/pledges/999999999/messages", s.donor()).status()).isEqualTo(404);
		assertThat(messages(s.pledge())).isZero();
	}

	@Test
	void badInputIsRefusedInChineseAndChangesNothing() {
		ApiClient api = api();
		Setup s = pledged(api);
		Answer empty = write(api, s.pledge(), s.donor(), "{\"body\":\"   \"}", "e1");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("detail").asString()).isEqualTo("请先写留言内容。");
		assertThat(write(api, s.pledge(), s.donor(), null, "e2").status()).isEqualTo(400);
		Answer tooLong = write(api, s.pledge(), s.donor(), "{\"body\":\"" + "好".repeat(501) + "\"}", "e3");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("detail").asString()).contains("500 字以内");
		assertThat(messages(s.pledge())).isZero();
		assertThat(write(api, s.pledge(), s.donor(), "{\"body\":\"" + "好".repeat(500) + "\"}", "e4").status()).isEqualTo(201);

		String key = "twice-" + s.pledge();
		assertThat(write(api, s.pledge(), s.donor(), "{\"body\":\"到了打电话\"}", key).status()).isEqualTo(201);
		Answer again = write(api, s.pledge(), s.donor(), "{\"body\":\"到了打电话\"}", key);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("已经发送过");
		assertThat(messages(s.pledge())).isEqualTo(2);

		// once cancelled, the thread stays readable but takes no more messages
		assertThat(api.post("/api/v1/pledges/" + s.pledge() + "/cancel", "{\"reason\":\"临时有事\"}", s.donor()).status()).isEqualTo(200);
		Answer ended = write(api, s.pledge(), api.login(OFFICER, DEMO_PASSWORD), "{\"body\":\"还来吗？\"}", "e5");
		assertThat(ended.status()).isEqualTo(409);
		assertThat(ended.json().get("detail").asString()).isEqualTo("这笔认领已取消，不能再留言。");
		assertThat(messages(s.pledge())).isEqualTo(2);
		assertThat(api.get("/api/v1/pledges/" + s.pledge() + "/messages", s.donor()).json().size()).isEqualTo(2);
		assertThat(api.get("/v3/api-docs").body()).contains("/api/v1/pledges/{id}/messages", "/api/v1/pledges/{id}/delivery");
	}

	@Test
	void onlyAdministratorsOverAStationOrItsOwnStaffSetItsAddress() {
		ApiClient api = api();
		long station = jdbc.sql("SELECT id FROM station WHERE region_code = '430421100203'").query(Long.class).single();
		String path = "/api/v1/stations/" + station + "/address";
		String before = jdbc.sql("SELECT coalesce(address, '') FROM station WHERE id = ?").param(station).query(String.class).single();
		assertThat(api.put(path, "{\"address\":\"别处\"}", api.login(MANAGER, DEMO_PASSWORD)).status()).isEqualTo(403);
		assertThat(api.put(path, "{\"address\":\"别处\"}", api.login("13800000012", DEMO_PASSWORD)).status()).isEqualTo(404);
		assertThat(api.put(path, "{\"address\":\"别处\"}", api.login("13800000021", DEMO_PASSWORD)).status()).isEqualTo(404);
		Answer tooLong = api.put(path, "{\"address\":\"" + "路".repeat(201) + "\"}", api.login(OFFICER, DEMO_PASSWORD));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("detail").asString()).contains("200 字以内");
		assertThat(jdbc.sql("SELECT coalesce(address, '') FROM station WHERE id = ?").param(station).query(String.class).single()).isEqualTo(before);
		Answer own = api.put(path, "{\"address\":\"西渡镇西渡村村部（村委会一楼）\"}", api.login(OFFICER, DEMO_PASSWORD));
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(own.json().get("address").asString()).isEqualTo("西渡镇西渡村村部（村委会一楼）");
	}

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	private BangfuUser account(String phone) {
		return accounts.findByPhone(phone).orElseThrow();
	}

	@Test
	void withoutJavaScriptAFormPostsAndRedirectsBack() throws Exception {
		Setup s = pledged(api());
		BangfuUser donor = account(s.donorPhone());
		mvc.perform(post("/pledges/" + s.pledge() + "/messages").with(user(donor)).with(csrf()).param("body", "请问村部几点开门？")
			.param("key", "form-" + s.pledge()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/pledges/" + s.pledge() + "#thread"));
		mvc.perform(post("/pledges/" + s.pledge() + "/messages").with(user(donor)).with(csrf()).param("body", "")
			.param("key", "form2-" + s.pledge()))
			.andExpect(redirectedUrl("/pledges/" + s.pledge() + "#thread"))
			.andExpect(flash().attribute("threadError", "请先写留言内容。"));
		assertThat(jdbc.sql("SELECT count(*) FROM pledge_message WHERE pledge_id = ?").param(s.pledge()).query(Long.class).single()).isEqualTo(1);

		mvc.perform(post("/pledges/" + s.pledge() + "/contact").with(user(donor)).with(csrf()).param("who", "officer"))
			.andExpect(redirectedUrl("/pledges/" + s.pledge() + "#delivery"))
			.andExpect(flash().attribute("revealed", java.util.Map.of("officer", OFFICER)));
		mvc.perform(get("/pledges/" + s.pledge()).with(user(donor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请问村部几点开门？")))
			.andExpect(content().string(containsString("138****0004")))
			.andExpect(content().string(not(containsString(HOUSEHOLD_PHONE))));

		// a stranger: 404 for the page, the form and the phone
		BangfuUser stranger = account("13800000022");
		mvc.perform(get("/pledges/" + s.pledge()).with(user(stranger))).andExpect(status().isNotFound());
		mvc.perform(post("/pledges/" + s.pledge() + "/messages").with(user(stranger)).with(csrf()).param("body", "你好"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/pledges/" + s.pledge() + "/contact").with(user(stranger)).with(csrf()).param("who", "officer"))
			.andExpect(status().isNotFound());
	}
}
