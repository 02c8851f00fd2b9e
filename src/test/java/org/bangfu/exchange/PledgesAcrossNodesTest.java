package org.bangfu.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.bangfu.account.Role;
import org.bangfu.need.NeedFixtures;
import org.bangfu.region.Regions;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Pledges made on the provincial node (湖南省 430000, {@link ProvincialNode}) for needs of this city node (衡阳市 430400):
 * forwarded, answered by the city under the need's lock, the donor told; over-pledging across nodes refused; the city
 * unreachable from the province (its link pointed at a closed port) while pledges are made upstream, then reachable
 * again; a resent request. Needs of 新安管理处社区 (430473400402) only.
 */
class PledgesAcrossNodesTest extends ApplicationTest {

	static final String TOWNSHIP = "430473400";

	static final String VILLAGE = "430473400402";

	static ProvincialNode province;

	static String officerPhone;

	static String managerPhone;

	static String cityKey;

	@Autowired
	DataSource dataSource;

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Autowired
	PersonalData personalData;

	@BeforeEach
	void linked() {
		if (province != null) {
			return;
		}
		// the province is a fresh database: the city's link to it starts again at sequence 1 (another test class may have used it)
		forgetProvince(jdbc);
		province = ProvincialNode.start(dataSource, "--bangfu.exchange.retry.initial=200ms", "--bangfu.exchange.retry.max=1s");
		ApiClient api = api();
		String cityAdmin = api.login("13800000001", DEMO_PASSWORD);
		JsonNode provinceNode = province.api().get("/api/v1/exchange/node").json();
		Answer up = api.post("/api/v1/exchange/links", TwoNodes.linkJson("430000", province.url(), provinceNode.get("publicKey").asString(), "UPPER"),
				cityAdmin);
		assertThat(up.status()).as(up.body()).isEqualTo(200);
		cityKey = api.get("/api/v1/exchange/node").json().get("publicKey").asString();
		linkCity("http://localhost:" + port);
		officerPhone = staff("松木新安村干部", Role.VILLAGE_OFFICER, VILLAGE);
		managerPhone = staff("松木新安乡镇管理员", Role.TOWNSHIP_MANAGER, TOWNSHIP);
	}

	@AfterAll
	static void stopProvince(@Autowired JdbcClient jdbc) {
		if (province != null) {
			province.close();
			province = null;
		}
		// the shared test context goes on to other test classes: no upper node, and nothing owed to this province
		forgetProvince(jdbc);
		jdbc.sql("UPDATE exchange_link SET enabled = false WHERE node_id = '430000'").update();
	}

	/** The city's link to 430000 as if it never sent or received anything: a new province is a new database. */
	static void forgetProvince(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM exchange_outbox WHERE link_node = '430000'").update();
		jdbc.sql("DELETE FROM exchange_inbox WHERE sender = '430000'").update();
		jdbc.sql("DELETE FROM exchange_need_sent WHERE link_node = '430000'").update();
		jdbc.sql("""
				UPDATE exchange_link SET last_sequence_sent = 0, last_sequence_acked = 0, last_sequence_received = 0, consecutive_failures = 0,
				       last_error = NULL WHERE node_id = '430000'""").update();
	}

	@Test
	void aPledgeUpstreamBecomesAPledgeOfTheCityAndTheDonorIsTold() throws Exception {
		long need = publishedNeed("松木新安跨节点认领" + System.nanoTime() % 100000, 3);
		String donorPhone = newPhone();
		String donor = provinceDonor(donorPhone, "张松木");

		Answer made = pledgeUpstream(donor, need, "{\"quantity\":2}", "first-" + need);
		assertThat(made.status()).as(made.body()).isEqualTo(202);
		assertThat(made.json().get("state").asString()).isEqualTo("WAITING");
		assertThat(made.json().get("message").asString()).contains("衡阳市社会扶贫网");
		String requestId = made.json().get("requestId").asString();
		assertThat(requestId).startsWith("430000-");
		Answer repeat = pledgeUpstream(donor, need, "{\"quantity\":2}", "first-" + need);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.json().get("requestId").asString()).isEqualTo(requestId);

		JsonNode answered = awaitRequest(donor, requestId, "ACCEPTED");
		long pledgeId = answered.get("ownerPledgeId").asLong();
		Map<String, Object> pledge = jdbc.sql("SELECT need_id, donor_id, quantity, note FROM pledge WHERE id = ?").param(pledgeId).query().singleRow();
		assertThat(((Number) pledge.get("need_id")).longValue()).isEqualTo(need);
		assertThat(pledge.get("quantity")).isEqualTo(2);
		assertThat((String) pledge.get("note")).contains("张*木").contains("湖南省社会扶贫网");
		assertThat(accounts.findById(((Number) pledge.get("donor_id")).longValue()).orElseThrow().name()).isEqualTo("湖南省社会扶贫网转来的认领");
		assertThat(pledgesOf(need)).isEqualTo(1);

		long donorId = province.bean(Accounts.class).findByPhone(donorPhone).orElseThrow().id();
		assertThat(province.jdbc().sql("SELECT message_key FROM notice WHERE account_id = ? ORDER BY id").param(donorId).query(String.class).list())
			.containsExactly("notice.exchange.pledge.waiting", "notice.exchange.pledge.accepted");
		TwoNodes.await(() -> remaining(need) == 1, "remaining 1 on the province");

		// the donor's own page on the province lists it
		String page = new org.bangfu.PageSession(province.port()).login(donorPhone).get("/exchange/pledge-requests").text();
		assertThat(page).contains(requestId).contains("已确认").contains(String.valueOf(pledgeId));
		// and the remote need's page offers the form
		String needPage = new org.bangfu.PageSession(province.port()).login(donorPhone).get("/exchange/needs/430400/" + need).text();
		assertThat(needPage).contains("remote-pledge-submit");

		// more than the copy's remaining is refused on the province at once
		Answer tooMuch = pledgeUpstream(donor, need, "{\"quantity\":2}", "too-much-" + need);
		assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(400);
	}

	@Test
	void twoRequestsUpstreamAndALocalPledgeTakeNoMoreThanTheNeedHas() throws Exception {
		long need = publishedNeed("松木新安超额认领" + System.nanoTime() % 100000, 4);
		String a = provinceDonor(newPhone(), "李松木");
		String b = provinceDonor(newPhone(), "赵松木");
		String local = api().login("13800000021", DEMO_PASSWORD);
		List<Answer> answers = new ArrayList<>();
		Answer localAnswer;
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			Future<Answer> ra = pool.submit(() -> pledgeUpstream(a, need, "{\"quantity\":2}", "a-" + need));
			Future<Answer> rb = pool.submit(() -> pledgeUpstream(b, need, "{\"quantity\":2}", "b-" + need));
			Future<Answer> rl = pool.submit(() -> api().postWithHeader("/api/v1/needs/" + need + "/pledges", "{\"quantity\":2}", local,
					"Idempotency-Key", "local-" + need));
			answers.add(ra.get());
			answers.add(rb.get());
			localAnswer = rl.get();
		}
		finally {
			pool.shutdown();
		}
		int accepted = localAnswer.status() == 201 ? 1 : 0;
		List<JsonNode> refused = new ArrayList<>();
		String[] tokens = { a, b };
		for (int i = 0; i < 2; i++) {
			Answer made = answers.get(i);
			if (made.status() != 202) {
				// the province already knew the remaining was taken: refused at once
				assertThat(made.status()).as(made.body()).isEqualTo(400);
				continue;
			}
			JsonNode r = awaitAnswered(tokens[i], made.json().get("requestId").asString());
			if (r.get("state").asString().equals("ACCEPTED")) {
				accepted++;
			}
			else {
				refused.add(r);
			}
		}
		assertThat(accepted).isEqualTo(2);
		assertThat(jdbc.sql("SELECT sum(pledged_quantity) FROM need_item WHERE need_id = ?").param(need).query(Long.class).single()).isEqualTo(4);
		for (JsonNode r : refused) {
			assertThat(r.get("reason").asString()).isIn("NOT_ENOUGH_REMAINING", "NEED_CLOSED");
			assertThat(r.get("reasonText").asString()).isNotBlank();
		}
	}

	@Test
	void withTheCityUnreachablePledgesWaitAndAreAnsweredOnceItIsBack() throws Exception {
		long need = publishedNeed("松木新安断网认领" + System.nanoTime() % 100000, 3);
		String donorPhone = newPhone();
		String donor = provinceDonor(donorPhone, "钱松木");
		long donorId = province.bean(Accounts.class).findByPhone(donorPhone).orElseThrow().id();
		linkCity("http://localhost:1");
		List<String> requests = new ArrayList<>();
		try {
			Answer first = pledgeUpstream(donor, need, "{\"quantity\":1}", "down-1-" + need);
			assertThat(first.status()).as(first.body()).isEqualTo(202);
			requests.add(first.json().get("requestId").asString());
			TwoNodes.await(() -> cityLink().get("consecutiveFailures").asInt() >= 1, "a failed delivery");
			TwoNodes.await(() -> province.jdbc().sql("SELECT count(*) FROM notice WHERE account_id = ? AND message_key = 'notice.exchange.pledge.queued'")
				.param(donorId).query(Long.class).single() == 1, "the donor told the request is queued");
			Answer second = pledgeUpstream(donor, need, "{\"quantity\":1}", "down-2-" + need);
			assertThat(second.status()).isEqualTo(202);
			assertThat(second.json().get("message").asString()).contains("暂时无法联系");
			requests.add(second.json().get("requestId").asString());
			assertThat(cityLink().get("backlog").asLong()).isGreaterThanOrEqualTo(2);
			for (JsonNode r : province.api().get("/api/v1/exchange/pledge-requests/mine", donor).json()) {
				assertThat(r.get("state").asString()).isEqualTo("WAITING");
			}
			String operator = new org.bangfu.PageSession(province.port()).login(ProvincialNode.ADMIN_PHONE).get("/exchange").text();
			assertThat(operator).contains("430400").contains(cityLink().get("lastError").asString().substring(0, 10));
			assertThat(pledgesOf(need)).isZero();
		}
		finally {
			linkCity("http://localhost:" + port);
		}
		for (String id : requests) {
			assertThat(awaitRequest(donor, id, "ACCEPTED")).isNotNull();
		}
		assertThat(pledgesOf(need)).isEqualTo(2);
		for (String id : requests) {
			assertThat(jdbc.sql("SELECT count(*) FROM pledge_request_answer WHERE sender_node = '430000' AND request_id = ?").param(id)
				.query(Long.class).single()).isEqualTo(1);
		}

		// the same message posted again: the stored result, no second pledge
		String sent = province.jdbc().sql("SELECT body FROM exchange_outbox WHERE link_node = '430400' AND kind = 'PLEDGE_REQUESTED' AND body LIKE ?")
			.param("%" + requests.get(0) + "%").query(String.class).single();
		Answer resent = api().post("/api/v1/exchange/messages", sent, null);
		assertThat(resent.status()).as(resent.body()).isEqualTo(200);
		// the same request in a new message (the province asking again): the first answer, no second pledge
		JsonNode payload = Envelopes.parse(sent).payload();
		province.bean(ExchangeOutbox.class).enqueue("430400", MessageKind.PLEDGE_REQUESTED, (tools.jackson.databind.node.ObjectNode) payload);
		TwoNodes.await(() -> cityLink().get("backlog").asLong() == 0, "the repeat delivered");
		eventsSettled();
		assertThat(pledgesOf(need)).isEqualTo(2);
		assertThat(awaitRequest(donor, requests.get(0), "ACCEPTED")).isNotNull();
	}

	// ---- helpers

	private Answer pledgeUpstream(String token, long need, String body, String key) {
		return province.api().postWithHeader("/api/v1/exchange/needs/430400/" + need + "/pledges", body, token, "Idempotency-Key", key);
	}

	private String provinceDonor(String phone, String name) {
		province.bean(Accounts.class).create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, DonorType.INDIVIDUAL, null, null, null));
		return province.api().login(phone, DEMO_PASSWORD);
	}

	private JsonNode awaitRequest(String token, String requestId, String state) {
		JsonNode[] found = new JsonNode[1];
		TwoNodes.await(() -> {
			for (JsonNode r : province.api().get("/api/v1/exchange/pledge-requests/mine", token).json()) {
				if (r.get("requestId").asString().equals(requestId) && r.get("state").asString().equals(state)) {
					found[0] = r;
					return true;
				}
			}
			return false;
		}, "request " + requestId + " " + state);
		return found[0];
	}

	private JsonNode awaitAnswered(String token, String requestId) {
		JsonNode[] found = new JsonNode[1];
		TwoNodes.await(() -> {
			for (JsonNode r : province.api().get("/api/v1/exchange/pledge-requests/mine", token).json()) {
				if (r.get("requestId").asString().equals(requestId) && !r.get("state").asString().equals("WAITING")) {
					found[0] = r;
					return true;
				}
			}
			return false;
		}, "request " + requestId + " answered");
		return found[0];
	}

	private long pledgesOf(long need) {
		return jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ?").param(need).query(Long.class).single();
	}

	private int remaining(long need) {
		return province.jdbc().sql("SELECT remaining_quantity FROM exchange_remote_need WHERE origin_node = '430400' AND need_id = ?").param(need)
			.query(Integer.class).optional().orElse(-1);
	}

	/** The province's link to the city, as its operator sees it. */
	private JsonNode cityLink() {
		for (JsonNode l : province.api().get("/api/v1/exchange/links", province.adminToken()).json()) {
			if (l.get("node").asString().equals("430400")) {
				return l;
			}
		}
		throw new AssertionError("no link to 430400");
	}

	private void linkCity(String url) {
		Answer down = province.api().post("/api/v1/exchange/links", TwoNodes.linkJson("430400", url, cityKey, "LOWER"), province.adminToken());
		assertThat(down.status()).as(down.body()).isEqualTo(200);
	}

	private long publishedNeed(String title, int quantity) {
		ApiClient api = api();
		String officer = api.login(officerPhone, DEMO_PASSWORD);
		String manager = api.login(managerPhone, DEMO_PASSWORD);
		long household = NeedFixtures.household(jdbc, personalData, VILLAGE, "孙新安", true);
		long need = NeedFixtures.create(api, officer, NeedFixtures.quiltNeed(household, title, quantity));
		assertThat(api.post("/api/v1/needs/" + need + "/submit", null, officer).status()).isEqualTo(200);
		NeedFixtures.confirmByForm(api, officer, need);
		Answer verified = api.post("/api/v1/needs/" + need + "/verify", NeedFixtures.VERIFY_REASON, manager);
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		TwoNodes.await(() -> remaining(need) == quantity, "need " + need + " on the province");
		return need;
	}

	private String staff(String name, Role role, String region) {
		String phone = "137" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(new RegionCode(region)), null);
		return phone;
	}
}
