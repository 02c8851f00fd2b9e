package org.bangfu.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * The owning node's side of a pledge made upstream, in one context (the city node): PLEDGE_REQUESTED applied by its
 * handler as the receiving endpoint would, in a transaction. The upper node is a link that cannot be reached (its
 * answers stay in the outbox), and is disabled again after each test. Region 430473 (松木经济开发区) only.
 */
class ForwardedPledgesTest extends ApplicationTest {

	static final String UPPER = "439901";

	static final String VILLAGE = "430473400401";

	@Autowired
	PledgeRequestedHandler handler;

	@Autowired
	Links links;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void linkUpper() {
		MatchingFixtures.clearVillage(jdbc, VILLAGE);
		links.save(UPPER, "http://127.0.0.1:9/", NodeKeys.publicKeyBase64(NodeKeys.generate().getPublic()), Link.Role.UPPER);
	}

	@AfterEach
	void unlinkUpper() {
		links.disable(UPPER);
		jdbc.sql("DELETE FROM exchange_outbox WHERE link_node = ?").param(UPPER).update();
	}

	private long need(int quantity) {
		return MatchingFixtures.publishedNeed(jdbc, clock.instant(), VILLAGE, "OTHER", "松木园区测试需求", new long[] { quantity, quantity * 1000L });
	}

	static ObjectNode request(String requestId, long needId, String origin, int quantity) {
		ObjectNode p = JsonNodeFactory.instance.objectNode();
		p.put("requestId", requestId);
		p.put("needId", needId);
		p.put("originNode", origin);
		p.putArray("items").addObject().put("position", 0).put("name", "物品0").put("quantity", quantity);
		p.putObject("donor").put("displayName", "张*三");
		return p;
	}

	private JsonNode apply(String sender, ObjectNode payload) {
		return transactions.execute(tx -> handler.apply(sender, payload));
	}

	private long pledgesOf(long needId) {
		return jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ?").param(needId).query(Long.class).single();
	}

	private String requestId() {
		return UPPER + "-" + System.nanoTime();
	}

	@Test
	void aRequestBecomesAPledgeOfTheProxyDonorWithTheDonorsNameInItsNote() {
		long needId = need(5);
		String id = requestId();
		JsonNode answer = apply(UPPER, request(id, needId, "430400", 2));
		assertThat(answer.get("answer").asString()).isEqualTo("ACCEPTED");
		assertThat(answer.get("remainingQuantity").asInt()).isEqualTo(3);
		long pledgeId = answer.get("pledgeId").asLong();
		var pledge = jdbc.sql("SELECT donor_id, note, quantity FROM pledge WHERE id = ?").param(pledgeId).query().singleRow();
		assertThat(pledge.get("quantity")).isEqualTo(2);
		assertThat((String) pledge.get("note")).contains("张*三").contains(UPPER + "社会扶贫网");
		assertThat(accounts.findById((Long) pledge.get("donor_id")).orElseThrow().name()).isEqualTo(UPPER + "社会扶贫网转来的认领");
		// the answer goes back to the sender in the same transaction
		assertThat(jdbc.sql("SELECT count(*) FROM exchange_outbox WHERE link_node = ? AND kind = 'PLEDGE_ANSWERED' AND body LIKE ?")
			.params(UPPER, "%" + id + "%")
			.query(Long.class)
			.single()).isEqualTo(1);

		// the same request again (a resend in a new message): the first answer, no second pledge
		JsonNode again = apply(UPPER, request(id, needId, "430400", 2));
		assertThat(again.get("pledgeId").asLong()).isEqualTo(pledgeId);
		assertThat(pledgesOf(needId)).isEqualTo(1);

		// a second request is made by the same proxy donor
		JsonNode second = apply(UPPER, request(requestId(), needId, "430400", 1));
		long secondDonor = jdbc.sql("SELECT donor_id FROM pledge WHERE id = ?").param(second.get("pledgeId").asLong()).query(Long.class).single();
		assertThat(secondDonor).isEqualTo((Long) pledge.get("donor_id"));
	}

	@Test
	void moreThanRemainsIsRefusedWithItsReasonAndTheRefusalIsKept() {
		long needId = need(5);
		assertThat(apply(UPPER, request(requestId(), needId, "430400", 3)).get("answer").asString()).isEqualTo("ACCEPTED");
		String id = requestId();
		JsonNode refused = apply(UPPER, request(id, needId, "430400", 3));
		assertThat(refused.get("answer").asString()).isEqualTo("REFUSED");
		assertThat(refused.get("reason").asString()).isEqualTo("NOT_ENOUGH_REMAINING");
		assertThat(refused.get("reasonText").asString()).contains("2");
		assertThat(refused.get("remainingQuantity").asInt()).isEqualTo(2);
		assertThat(pledgesOf(needId)).isEqualTo(1);
		// asked again after a local donor's pledge was cancelled, it still gets its first answer
		assertThat(apply(UPPER, request(id, needId, "430400", 1)).get("answer").asString()).isEqualTo("REFUSED");
	}

	@Test
	void aClosedNeedIsRefusedAndAnUnknownItemToo() {
		long needId = need(2);
		jdbc.sql("UPDATE need SET state = 'CLOSED' WHERE id = ?").param(needId).update();
		JsonNode closed = apply(UPPER, request(requestId(), needId, "430400", 1));
		assertThat(closed.get("reason").asString()).isEqualTo("NEED_CLOSED");

		long other = need(2);
		ObjectNode wrongItem = request(requestId(), other, "430400", 1);
		((ObjectNode) wrongItem.get("items").get(0)).put("name", "别的东西");
		assertThat(apply(UPPER, wrongItem).get("reason").asString()).isEqualTo("ITEMS_CHANGED");
		assertThat(pledgesOf(other)).isZero();
	}

	@Test
	void aMessageFromANodeNotOurUpperOrForANeedNotOursIsRefusedWhole() {
		long needId = need(2);
		links.save("439902", "http://127.0.0.1:9/", NodeKeys.publicKeyBase64(NodeKeys.generate().getPublic()), Link.Role.LOWER);
		try {
			assertThatThrownBy(() -> apply("439902", request(requestId(), needId, "430400", 1))).isInstanceOf(NotPermittedException.class);
		}
		finally {
			links.disable("439902");
		}
		assertThatThrownBy(() -> apply("439999", request(requestId(), needId, "430400", 1))).isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(() -> apply(UPPER, request(requestId(), needId, "430500", 1))).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> apply(UPPER, request(requestId(), 999_999_999L, "430400", 1))).isInstanceOf(NotFoundException.class);
		jdbc.sql("UPDATE need SET state = 'SUBMITTED' WHERE id = ?").param(needId).update();
		assertThatThrownBy(() -> apply(UPPER, request(requestId(), needId, "430400", 1))).isInstanceOf(NotFoundException.class);
		assertThat(pledgesOf(needId)).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM pledge_request_answer WHERE need_id = ?").param(needId).query(Long.class).single()).isZero();
	}

	@Test
	void requestsFromUpstreamAndALocalPledgeAtOnceNeverTakeMoreThanTheNeedHas() throws Exception {
		long needId = need(5);
		String donor = MatchingFixtures.newDonor(accounts, api(), newPhone());
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Callable<Boolean>> tries = new ArrayList<>();
			tries.add(() -> apply(UPPER, request(requestId(), needId, "430400", 3)).get("answer").asString().equals("ACCEPTED"));
			tries.add(() -> apply(UPPER, request(requestId(), needId, "430400", 3)).get("answer").asString().equals("ACCEPTED"));
			tries.add(() -> api().postWithHeader("/api/v1/needs/" + needId + "/pledges", "{\"quantity\":3}", donor, "Idempotency-Key",
					"local-" + needId).status() == 201);
			int made = 0;
			for (Future<Boolean> f : pool.invokeAll(tries)) {
				made += f.get() ? 1 : 0;
			}
			assertThat(made).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(pledgesOf(needId)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT sum(pledged_quantity) FROM need_item WHERE need_id = ?").param(needId).query(Long.class).single()).isEqualTo(3);
	}
}
