package org.bangfu.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.exchange.TwoNodes.await;
import static org.bangfu.exchange.TwoNodes.envelope;
import static org.bangfu.exchange.TwoNodes.htmx;
import static org.bangfu.exchange.TwoNodes.linkJson;
import static org.bangfu.exchange.TwoNodes.need;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.need.NeedFixtures;
import org.bangfu.need.PublicationHolds;
import org.bangfu.region.Regions;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one machine (issue 18): this test context is the city node 衡阳市 (430400); {@link ProvincialNode} is 湖南省
 * (430000), linked both ways. Needs of the test region 430473 (松木经济开发区) travel up; forged, replayed, out-of-order and
 * foreign messages are refused over HTTP; with the province down the backlog waits and then drains in order.
 */
class TwoNodeExchangeTest extends ApplicationTest {

	// helpers shared with other two-node tests: TwoNodes.await, htmx, envelope, need, link

	static final String TOWNSHIP = "430473400";

	static final String VILLAGE = "430473400205";

	static ProvincialNode province;

	static String officerPhone;

	static String managerPhone;

	@Autowired
	DataSource dataSource;

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Autowired
	PersonalData personalData;

	@Autowired
	PublicationHolds holds;

	@BeforeEach
	void linked() {
		if (province != null) {
			return;
		}
		province = ProvincialNode.start(dataSource);
		JsonNode provinceNode = province.api().get("/api/v1/exchange/node").json();
		assertThat(provinceNode.get("node").asString()).isEqualTo("430000");
		assertThat(provinceNode.get("version").asString()).isEqualTo("bangfu-exchange/1");
		province.linkWithCity(port);
		officerPhone = staff("松木测试村干部", Role.VILLAGE_OFFICER, VILLAGE);
		managerPhone = staff("松木测试乡镇管理员", Role.TOWNSHIP_MANAGER, TOWNSHIP);
	}

	@AfterAll
	static void unlink() {
		if (province != null) {
			province.close();
			province = null;
		}
	}

	@AfterAll
	static void disableCityLink(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		// the shared test context goes on to other test classes: no upper node for them
		ProvincialNode.unlinkCity(jdbc);
	}

	@Test
	void aVerifiedNeedAppearsUpstreamAndItsPledgesFollow() {
		ApiClient api = api();
		String title = "松木交换测试棉被" + System.nanoTime() % 100000;
		long need = publishedNeed(api, title, 3);
		JsonNode remote = awaitRemote(title, r -> r.get("remainingQuantity").asInt() == 3);
		assertThat(remote.get("originNode").asString()).isEqualTo("430400");
		assertThat(remote.get("id").asLong()).isEqualTo(need);
		assertThat(remote.get("regionCode").asString()).isEqualTo(VILLAGE);
		assertThat(remote.toString()).as("no household name travels").doesNotContain("王松木");

		String page = province.api().get("/exchange/needs?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8)).body();
		assertThat(page).contains(title).contains("来自").contains("430400");
		assertThat(province.api().get("/exchange/needs/430400/" + need).body()).contains(title).contains("/needs/" + need);
		// the public need list with the same search loads the remote needs into its results, each marked with its origin
		String q = URLEncoder.encode(title, StandardCharsets.UTF_8);
		assertThat(province.api().get("/needs?q=" + q).body()).contains("hx-get=\"/exchange/needs?q=" + q + "\"");
		assertThat(htmx(province.url() + "/exchange/needs?q=" + q)).contains(title).contains("来自 衡阳市社会扶贫网（430400）")
			.doesNotContain("<html");

		String donor = api.login("13800000021", DEMO_PASSWORD);
		Answer pledged = api.postWithHeader("/api/v1/needs/" + need + "/pledges", "{\"quantity\":1}", donor, "Idempotency-Key",
				"exchange-" + need);
		assertThat(pledged.status()).as(pledged.body()).isIn(200, 201);
		remote = awaitRemote(title, r -> r.get("remainingQuantity").asInt() == 2);
		assertThat(remote.get("state").asString()).isEqualTo("PARTLY_PLEDGED");
	}

	@Test
	void forgedReplayedOutOfOrderAndForeignMessagesAreRefused() {
		// a second city (邵阳市 430500) linked to the province with a key of this test, so the test numbers its messages itself
		KeyPair shaoyang = NodeKeys.generate();
		Answer linked = province.api().post("/api/v1/exchange/links",
				linkJson("430500", "http://localhost:1", NodeKeys.publicKeyBase64(shaoyang.getPublic()), "LOWER"), province.adminToken());
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		ApiClient p = province.api();

		String first = envelope(1, need(901, "430521100201", "邵阳测试需求一"), shaoyang);
		String forged = envelope(1, need(901, "430521100201", "邵阳测试需求一"), NodeKeys.generate());
		Answer refusedForged = p.post("/api/v1/exchange/messages", forged, null);
		assertThat(refusedForged.status()).isEqualTo(401);
		assertThat(refusedForged.json().get("refusal").asString()).isEqualTo("BAD_SIGNATURE");
		assertThat(refusedForged.json().get("message").asString()).contains("签名");
		assertThat(remoteCount("430500")).isZero();

		Answer accepted = p.post("/api/v1/exchange/messages", first, null);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("sequence").asLong()).isEqualTo(1);
		Answer again = p.post("/api/v1/exchange/messages", first, null);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(accepted.json());
		assertThat(remoteCount("430500")).isEqualTo(1);
		assertThat(province.jdbc().sql("SELECT count(*) FROM exchange_inbox WHERE sender = '430500'").query(Long.class).single()).isEqualTo(1);

		Answer otherUnderOne = p.post("/api/v1/exchange/messages", envelope(1, need(902, "430521100201", "另一条"), shaoyang), null);
		assertThat(otherUnderOne.status()).isEqualTo(409);
		assertThat(otherUnderOne.json().get("refusal").asString()).isEqualTo("REPLAY");

		Answer gap = p.post("/api/v1/exchange/messages", envelope(3, need(903, "430521100201", "跳号"), shaoyang), null);
		assertThat(gap.status()).isEqualTo(409);
		assertThat(gap.json().get("refusal").asString()).isEqualTo("GAP");
		assertThat(gap.json().get("expected").asLong()).isEqualTo(2);

		KeyPair stranger = NodeKeys.generate();
		String unknown = Envelopes.text(Envelopes.sign(Envelope.unsigned("430600", "430000", 1, MessageKind.NEED_PUBLISHED, Instant.now(),
				need(904, "430621100201", "未登记节点")), stranger.getPrivate()));
		Answer refusedUnknown = p.post("/api/v1/exchange/messages", unknown, null);
		assertThat(refusedUnknown.status()).isEqualTo(403);
		assertThat(refusedUnknown.json().get("refusal").asString()).isEqualTo("UNKNOWN_NODE");

		Answer notOwned = p.post("/api/v1/exchange/messages", envelope(2, need(905, VILLAGE, "衡阳的需求"), shaoyang), null);
		assertThat(notOwned.status()).isEqualTo(422);
		assertThat(notOwned.json().get("refusal").asString()).isEqualTo("NEED_NOT_OWNED");
		assertThat(province.jdbc().sql("SELECT last_sequence_received FROM exchange_link WHERE node_id = '430500'").query(Long.class).single())
			.as("a refused message does not move the link").isEqualTo(1);

		assertThat(p.post("/api/v1/exchange/messages", "{not json", null).status()).isEqualTo(400);
		assertThat(p.post("/api/v1/exchange/messages", "{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}", null).status()).isEqualTo(413);

		// a burst: 100 parallel posts of the same next message apply it once; every answer 200 or 4xx, never 500
		String second = envelope(2, need(906, "430521100201", "邵阳测试需求二"), shaoyang);
		List<Integer> statuses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(25);
		try {
			List<Future<Integer>> posts = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				posts.add(pool.submit(() -> p.post("/api/v1/exchange/messages", second, null).status()));
			}
			for (Future<Integer> f : posts) {
				statuses.add(f.get());
			}
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).allMatch(s -> s == 200 || (s >= 400 && s < 500));
		assertThat(statuses).contains(200);
		assertThat(remoteCount("430500")).isEqualTo(2);
	}

	@Test
	void withTheProvinceDownTheBacklogWaitsAndDrainsInOrder() {
		ApiClient api = api();
		eventsSettled();
		await(() -> link().get("backlog").asLong() == 0, "backlog empty before the stop");
		province.stop();
		try {
			String a = "松木停机测试甲" + System.nanoTime() % 100000;
			String b = "松木停机测试乙" + System.nanoTime() % 100000;
			long needA = publishedNeed(api, a, 2);
			publishedNeed(api, b, 2);
			eventsSettled();
			await(() -> link().get("backlog").asLong() >= 2 && link().get("consecutiveFailures").asInt() >= 2, "backlog and failures");
			JsonNode l = link();
			assertThat(l.get("lastError").asString()).isNotBlank();
			String operatorPage = page("/exchange");
			assertThat(operatorPage).contains("430000").contains(l.get("lastError").asString().substring(0, 10));

			province.restart();
			await(() -> link().get("backlog").asLong() == 0, "backlog drained");
			List<Long> sequences = province.jdbc().sql("SELECT sequence FROM exchange_inbox WHERE sender = '430400' ORDER BY received_at, sequence")
				.query(Long.class)
				.list();
			for (int i = 1; i < sequences.size(); i++) {
				assertThat(sequences.get(i)).as("received in order").isEqualTo(sequences.get(i - 1) + 1);
			}
			awaitRemote(a, r -> true);
			awaitRemote(b, r -> true);
			assertThat(link().get("consecutiveFailures").asInt()).isZero();

			// a withdrawn need follows as NEED_CHANGED with its outcome
			Answer withdrawn = api.post("/api/v1/needs/" + needA + "/withdraw", "{\"reason\":\"户主已外出务工，不再需要。\"}",
					api.login(officerPhone, DEMO_PASSWORD));
			assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
			JsonNode gone = awaitRemote(a, r -> r.get("state").asString().equals("WITHDRAWN"));
			assertThat(gone.get("outcome").asString()).isEqualTo("已撤回");
			assertThat(gone.get("remainingQuantity").asInt()).isZero();
		}
		finally {
			if (!province.running()) {
				province.restart();
			}
		}
	}

	@Test
	void aReceiverThatLostItsLastMessageGetsItAgain() {
		ApiClient api = api();
		eventsSettled();
		String first = "松木恢复测试甲" + System.nanoTime() % 100000;
		publishedNeed(api, first, 1);
		awaitRemote(first, r -> true);
		await(() -> link().get("backlog").asLong() == 0, "backlog empty");
		// the province is restored from a backup taken before the last message: it forgets having received it
		long last = province.jdbc().sql("SELECT last_sequence_received FROM exchange_link WHERE node_id = '430400'").query(Long.class).single();
		province.jdbc().sql("DELETE FROM exchange_inbox WHERE sender = '430400' AND sequence = ?").param(last).update();
		province.jdbc().sql("UPDATE exchange_link SET last_sequence_received = ? WHERE node_id = '430400'").param(last - 1).update();

		String second = "松木恢复测试乙" + System.nanoTime() % 100000;
		publishedNeed(api, second, 1);
		awaitRemote(second, r -> true);
		await(() -> link().get("backlog").asLong() == 0, "backlog drained after the GAP");
		assertThat(province.jdbc().sql("SELECT sequence FROM exchange_inbox WHERE sender = '430400' AND sequence >= ? ORDER BY sequence")
			.param(last)
			.query(Long.class)
			.list()).as("the lost message sent again, then the new one").containsExactly(last, last + 1);
		assertThat(link().get("lastError").asString()).contains("GAP");
	}

	// ---- helpers

	private String page(String path) {
		try {
			org.bangfu.PageSession.Page page = new org.bangfu.PageSession(port).login("13800000001").get(path);
			assertThat(page.status()).isEqualTo(200);
			return page.text();
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	private JsonNode link() {
		ApiClient api = api();
		for (JsonNode l : api.get("/api/v1/exchange/links", api.login("13800000001", DEMO_PASSWORD)).json()) {
			if (l.get("node").asString().equals("430000")) {
				return l;
			}
		}
		throw new AssertionError("no link to 430000");
	}

	@Test
	void needsALaunchHeldBackGoUpstreamWhenItReleasesThem() {
		ApiClient api = api();
		long campaign = 9_180_000_000L + System.nanoTime() % 1_000_000;
		String title = "松木发布会交换测试" + System.nanoTime() % 100000;
		holds.hold(campaign, regions.get(new RegionCode(VILLAGE)));
		long need;
		try {
			need = verifiedNeed(api, title, 2, "VERIFIED");
			settled();
			assertThat(province.api().get("/api/v1/exchange/needs?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8)).json())
				.as("held back: not public, so not sent up").isEmpty();
		}
		finally {
			holds.release(campaign, clock.instant());
		}
		JsonNode remote = awaitRemote(title, r -> r.get("remainingQuantity").asInt() == 2);
		assertThat(remote.get("id").asLong()).isEqualTo(need);
		assertThat(remote.get("state").asString()).isEqualTo("PUBLISHED");
	}

	/** The city's queue for the province holds nothing undelivered (so a need not seen up there was never sent). */
	private void settled() {
		eventsSettled();
		await(() -> jdbc.sql("SELECT count(*) FROM exchange_outbox WHERE state <> 'DELIVERED'").query(Long.class).single() == 0,
				"city outbox delivered");
	}

	private long publishedNeed(ApiClient api, String title, int quantity) {
		return verifiedNeed(api, title, quantity, "PUBLISHED");
	}

	private long verifiedNeed(ApiClient api, String title, int quantity, String expectedState) {
		String officer = api.login(officerPhone, DEMO_PASSWORD);
		String manager = api.login(managerPhone, DEMO_PASSWORD);
		long household = NeedFixtures.household(jdbc, personalData, VILLAGE, "王松木", true);
		long need = NeedFixtures.create(api, officer, NeedFixtures.quiltNeed(household, title, quantity));
		Answer submitted = api.post("/api/v1/needs/" + need + "/submit", null, officer);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		NeedFixtures.confirmByForm(api, officer, need);
		Answer verified = api.post("/api/v1/needs/" + need + "/verify", NeedFixtures.VERIFY_REASON, manager);
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().get("state").asString()).isEqualTo(expectedState);
		return need;
	}

	private JsonNode awaitRemote(String title, java.util.function.Predicate<JsonNode> condition) {
		JsonNode[] found = new JsonNode[1];
		await(() -> {
			for (JsonNode n : province.api().get("/api/v1/exchange/needs?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8)).json()) {
				if (n.get("title").asString().equals(title) && condition.test(n)) {
					found[0] = n;
					return true;
				}
			}
			return false;
		}, "remote need " + title);
		return found[0];
	}

	private long remoteCount(String origin) {
		return province.jdbc().sql("SELECT count(*) FROM exchange_remote_need WHERE origin_node = ?").param(origin).query(Long.class).single();
	}

	private String staff(String name, Role role, String region) {
		String phone = "136" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(new RegionCode(region)), null);
		return phone;
	}
}
