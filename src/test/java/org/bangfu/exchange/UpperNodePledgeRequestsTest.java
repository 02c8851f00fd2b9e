package org.bangfu.exchange;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.pledge.MatchingFixtures;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The upper node's side of pledge requests, in one context: this node plays the upper node for a lower node 439903
 * that cannot be reached (its requests stay in the outbox), whose needs are put straight into exchange_remote_need.
 * The answers are applied by the PLEDGE_ANSWERED handler as the receiving endpoint would.
 */
class UpperNodePledgeRequestsTest extends ApplicationTest {

	static final String LOWER = "439903";

	@Autowired
	Links links;

	@Autowired
	PledgeAnsweredHandler answers;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void linkLower() {
		links.save(LOWER, "http://127.0.0.1:9/", NodeKeys.publicKeyBase64(NodeKeys.generate().getPublic()), Link.Role.LOWER);
	}

	@AfterEach
	void unlinkLower() {
		links.disable(LOWER);
		jdbc.sql("DELETE FROM exchange_outbox WHERE link_node = ?").param(LOWER).update();
	}

	private long remoteNeed(int remaining, String... items) {
		long id = System.nanoTime() % 1_000_000_000L;
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < items.length; i++) {
			json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(items[i]).append("\",\"quantity\":5,\"unit\":\"件\",\"valueFen\":1000}");
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO exchange_remote_need (origin_node, need_id, title, category, region_code, items, remaining_quantity, state, url,
				                                  received_at, updated_at)
				VALUES (?, ?, '松木测试远程需求', 'OTHER', '439903100201', CAST(? AS jsonb), ?, 'PUBLISHED', 'http://127.0.0.1:9/needs/1', ?, ?)""")
			.params(LOWER, id, json.append("]").toString(), remaining, now, now)
			.update();
		return id;
	}

	private Answer pledge(String token, long need, String body, String key) {
		return api().postWithHeader("/api/v1/exchange/needs/" + LOWER + "/" + need + "/pledges", body, token, "Idempotency-Key", key);
	}

	private JsonNode answer(String sender, String requestId, long need, String answer, Long pledgeId) {
		ObjectNode p = JsonNodeFactory.instance.objectNode();
		p.put("requestId", requestId).put("needId", need).put("answer", answer).put("remainingQuantity", 1);
		if (pledgeId != null) {
			p.put("pledgeId", pledgeId);
		}
		else {
			p.put("reason", "NOT_ENOUGH_REMAINING").put("reasonText", "这条需求只剩 1 件可认领，请减少数量。");
		}
		return transactions.execute(tx -> answers.apply(sender, p));
	}

	private java.util.List<String> noticesOf(String phone) {
		long id = accounts.findByPhone(phone).orElseThrow().id();
		return jdbc.sql("SELECT message_key FROM notice WHERE account_id = ? ORDER BY id").param(id).query(String.class).list();
	}

	@Test
	void aRequestIsCheckedAgainstTheCopyAndQueuedForTheOwner() {
		String phone = newPhone();
		String donor = MatchingFixtures.newDonor(accounts, api(), phone);
		long need = remoteNeed(3, "棉被");
		long twoItems = remoteNeed(4, "书包", "校服");

		assertThat(pledge(donor, need, "{\"quantity\":4}", "k1-" + need).status()).isEqualTo(400);
		assertThat(pledge(donor, twoItems, "{\"quantity\":1}", "k2-" + need).status()).isEqualTo(400);
		assertThat(pledge(donor, twoItems, "{\"items\":[{\"position\":2,\"quantity\":1}]}", "k3-" + need).status()).isEqualTo(400);
		assertThat(pledge(donor, 1L, "{\"quantity\":1}", "k4-" + need).status()).isEqualTo(404);
		links.disable(LOWER);
		assertThat(pledge(donor, need, "{\"quantity\":1}", "k6-" + need).status()).as("the link taken down").isEqualTo(409);
		linkLower();

		Answer made = pledge(donor, twoItems, "{\"items\":[{\"position\":1,\"quantity\":2}]}", "k5-" + need);
		assertThat(made.status()).as(made.body()).isEqualTo(202);
		String requestId = made.json().get("requestId").asString();
		assertThat(pledge(donor, twoItems, "{\"items\":[{\"position\":1,\"quantity\":1}]}", "k5-" + need).status()).isEqualTo(422);
		assertThat(pledge(donor, need, "{\"items\":[{\"position\":1,\"quantity\":2}]}", "k5-" + need).status()).isEqualTo(409);
		String sent = jdbc.sql("SELECT body FROM exchange_outbox WHERE link_node = ? AND kind = 'PLEDGE_REQUESTED' AND body LIKE ?")
			.params(LOWER, "%" + requestId + "%")
			.query(String.class)
			.single();
		JsonNode payload = Envelopes.parse(sent).payload();
		assertThat(payload.get("items").get(0).get("name").asString()).isEqualTo("校服");
		assertThat(payload.get("items").get(0).get("position").asInt()).isEqualTo(1);
		assertThat(payload.get("donor").get("displayName").asString()).isEqualTo(org.bangfu.shared.Masking.name(accounts.findByPhone(phone).orElseThrow().name()));
		assertThat(noticesOf(phone).get(0)).isIn("notice.exchange.pledge.waiting", "notice.exchange.pledge.queued");
		assertThat(jdbc.sql("SELECT count(*) FROM pledge_request WHERE donor_id = ?").param(accounts.findByPhone(phone).orElseThrow().id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theOwnersAnswerSettlesTheRequestOnceAndTellsTheDonor() {
		String phone = newPhone();
		String donor = MatchingFixtures.newDonor(accounts, api(), phone);
		long need = remoteNeed(3, "棉被");
		String accepted = pledge(donor, need, "{\"quantity\":2}", "a-" + need).json().get("requestId").asString();
		String refused = pledge(donor, need, "{\"quantity\":1}", "b-" + need).json().get("requestId").asString();

		assertThatThrownBy(() -> answer("439904", accepted, need, "ACCEPTED", 7L)).isInstanceOf(NotPermittedException.class);
		links.save("439905", "http://127.0.0.1:9/", NodeKeys.publicKeyBase64(NodeKeys.generate().getPublic()), Link.Role.LOWER);
		try {
			assertThatThrownBy(() -> answer("439905", accepted, need, "ACCEPTED", 7L)).isInstanceOf(NotFoundException.class);
		}
		finally {
			links.disable("439905");
		}

		assertThat(answer(LOWER, accepted, need, "ACCEPTED", 7L).get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(answer(LOWER, accepted, need, "ACCEPTED", 7L).get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(answer(LOWER, accepted, need, "REFUSED", null).get("state").asString()).as("a settled request keeps its answer")
			.isEqualTo("ACCEPTED");
		assertThat(answer(LOWER, refused, need, "REFUSED", null).get("state").asString()).isEqualTo("REFUSED");

		JsonNode mine = api().get("/api/v1/exchange/pledge-requests/mine", donor).json();
		assertThat(mine).hasSize(2);
		assertThat(mine.get(1).get("ownerPledgeId").asLong()).isEqualTo(7);
		assertThat(mine.get(0).get("reasonText").asString()).contains("只剩 1 件");
		// told it waits (or, the owner being unreachable here, that it is queued), then each answer once
		java.util.List<String> told = noticesOf(phone);
		assertThat(told.stream().filter(k -> k.endsWith(".waiting") || k.endsWith(".queued")).count()).isGreaterThanOrEqualTo(2);
		assertThat(told.stream().filter(k -> !k.endsWith(".waiting") && !k.endsWith(".queued")).toList())
			.containsExactly("notice.exchange.pledge.accepted", "notice.exchange.pledge.refused");
		assertThat(jdbc.sql("SELECT remaining_quantity FROM exchange_remote_need WHERE origin_node = ? AND need_id = ?").params(LOWER, need)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theFormOnTheRemoteNeedsPageMakesOneRequest() throws Exception {
		String phone = newPhone();
		MatchingFixtures.newDonor(accounts, api(), phone);
		long need = remoteNeed(3, "棉被");
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String login = get(http, base + "/login");
		post(http, base + "/login", "phone=" + phone + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ field(login, "_csrf"));
		String page = get(http, base + "/exchange/needs/" + LOWER + "/" + need);
		assertThat(page).contains("remote-pledge-submit");
		String form = "_csrf=" + field(page, "_csrf") + "&key=" + field(page, "key") + "&q0=2";
		HttpResponse<String> sent = post(http, base + "/exchange/needs/" + LOWER + "/" + need + "/pledges", form);
		assertThat(sent.statusCode()).isEqualTo(302);
		post(http, base + "/exchange/needs/" + LOWER + "/" + need + "/pledges", form); // a double click
		String after = get(http, base + "/exchange/needs/" + LOWER + "/" + need);
		assertThat(after).contains("alert ok").contains(LOWER + "社会扶贫网");
		String mine = get(http, base + "/exchange/pledge-requests");
		assertThat(mine).contains("等待确认").contains(LOWER + "社会扶贫网");
		assertThat(jdbc.sql("SELECT count(*) FROM pledge_request WHERE donor_id = ?").param(accounts.findByPhone(phone).orElseThrow().id())
			.query(Long.class).single()).isEqualTo(1);
	}

	private static String field(String html, String name) {
		Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
		if (!m.find()) {
			throw new AssertionError("no field " + name);
		}
		return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
	}

	private static String get(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
