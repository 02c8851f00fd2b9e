package org.bangfu.fund;

import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.pledge.MatchingFixtures;
import org.bangfu.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gifts of any share to a money line (issue 14): the line's guard, the refusals, and money arriving onto the ledger. */
class GivingTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	@Autowired
	GiftArrival arrival;

	@Autowired
	FundLedger ledger;

	@Autowired
	org.bangfu.shared.PersonalData personalData;

	private long need(int village, long moneyFen, int goods) {
		String v = FundFixtures.emptyVillage(jdbc, "430421109", village);
		return FundFixtures.moneyNeed(jdbc, clock.instant(), v, "三万元手术", moneyFen, goods);
	}

	private Answer give(ApiClient api, String token, long need, int item, long fen, String key) {
		String body = "{\"itemId\":" + item + ",\"amountFen\":" + fen + ",\"ifUnfunded\":\"REFUND\"}";
		return key == null ? api.post("/api/v1/needs/" + need + "/gifts", body, token)
				: api.postWithHeader("/api/v1/needs/" + need + "/gifts", body, token, "Idempotency-Key", key);
	}

	private long lineSum(long need, String column) {
		return jdbc.sql("SELECT " + column + " FROM fund_money_line WHERE need_id = ? AND position = 0").param(need).query(Long.class).single();
	}

	@Test
	void threeDonorsShareOneLineAndNobodyGivesMoreThanItMisses() {
		ApiClient api = api();
		long need = need(0, 3_000_000, 0);
		String a = MatchingFixtures.newDonor(accounts, api, newPhone()), b = MatchingFixtures.newDonor(accounts, api, newPhone()),
				c = MatchingFixtures.newDonor(accounts, api, newPhone());

		Answer first = give(api, a, need, 0, 1_000_000, "k-" + need);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().get("state").asString()).isEqualTo("PROMISED");
		String code = first.json().get("referenceCode").asString();
		assertThat(ReferenceCodes.valid(code)).isTrue();
		assertThat(first.json().get("transfer").get("memo").asString()).isEqualTo(code);
		assertThat(give(api, a, need, 0, 1_000_000, "k-" + need).status()).as("the same request again").isEqualTo(200);
		assertThat(give(api, a, need, 0, 5, "k-" + need).status()).as("the key with another amount").isEqualTo(422);
		assertThat(lineSum(need, "promised_fen")).isEqualTo(1_000_000);

		Answer tooMuch = give(api, b, need, 0, 2_000_001, null);
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.json().get("detail").asString()).contains("20000");
		assertThat(give(api, b, need, 0, 1_500_000, null).status()).isEqualTo(201);
		assertThat(give(api, c, need, 0, 500_000, null).status()).isEqualTo(201);
		assertThat(give(api, c, need, 0, 1, null).status()).as("nothing left open").isEqualTo(409);
		assertThat(jdbc.sql("SELECT count(*) FROM fund_gift WHERE need_id = ?").param(need).query(Long.class).single()).isEqualTo(3);

		Answer money = api.get("/api/v1/needs/" + need + "/money");
		assertThat(money.status()).isEqualTo(200);
		assertThat(money.json().get(0).get("promisedFen").asLong()).isEqualTo(3_000_000);
		assertThat(money.json().get(0).get("missingFen").asLong()).isEqualTo(3_000_000);
	}

	@Test
	void badGiftsAreRefusedWithNothingChanged() {
		ApiClient api = api();
		long need = need(1, 800_000, 3);
		String donor = MatchingFixtures.newDonor(accounts, api, newPhone());
		assertThat(give(api, donor, need, 1, 100, null).status()).as("a goods line").isEqualTo(409);
		assertThat(give(api, donor, need, 0, 0, null).status()).isEqualTo(400);
		assertThat(give(api, donor, need, 0, -5, null).status()).isEqualTo(400);
		assertThat(give(api, donor, need, 7, 100, null).status()).isEqualTo(400);
		assertThat(give(api, null, need, 0, 100, null).status()).isEqualTo(401);
		assertThat(give(api, api.login("13800000051", DEMO_PASSWORD), need, 0, 100, null).status()).as("a household").isEqualTo(403);
		assertThat(api.post("/api/v1/needs/" + need + "/gifts", "{\"itemId\":0,\"amountFen\":100}", donor).status()).as("no choice")
			.isEqualTo(400);
		assertThat(api.post("/api/v1/needs/" + need + "/gifts", "{\"itemId\":", donor).status()).isEqualTo(400);
		assertThat(give(api, donor, 987654321L, 0, 100, null).status()).isEqualTo(404);
		jdbc.sql("UPDATE need SET state = 'WITHDRAWN' WHERE id = ?").param(need).update();
		assertThat(give(api, donor, need, 0, 100, null).status()).as("a withdrawn need").isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM fund_gift WHERE need_id = ?").param(need).query(Long.class).single()).isZero();
	}

	@Test
	void goodsPledgesNeverTakeTheMoneyLine() {
		ApiClient api = api();
		long need = need(2, 800_000, 3);
		String donor = api.login("13800000021", DEMO_PASSWORD);
		assertThat(api.post("/api/v1/needs/" + need + "/pledges", "{\"quantity\":4}", donor).status()).as("only 3 goods").isEqualTo(409);
		Answer line = api.post("/api/v1/needs/" + need + "/pledges", "{\"items\":[{\"position\":0,\"quantity\":1}]}", donor);
		assertThat(line.status()).isEqualTo(409);
		assertThat(line.json().get("detail").asString()).contains("基金");
		assertThat(api.post("/api/v1/needs/" + need + "/pledges", "{\"quantity\":3}", donor).status()).isEqualTo(201);
		Answer view = api.get("/api/v1/needs/" + need);
		assertThat(view.json().get("state").asString()).as("the money line still open").isEqualTo("PARTLY_PLEDGED");
		assertThat(view.json().get("items").get(0).get("money").asBoolean()).isTrue();
		assertThat(view.json().get("items").get(1).get("id").asInt()).isEqualTo(1);
	}

	@Test
	void moneyArrivesOnceForExactlyTheAmountAndGetsAReceiptNumber() {
		ApiClient api = api();
		long need = need(3, 500_000, 0);
		String donor = MatchingFixtures.newDonor(accounts, api, newPhone());
		String code = give(api, donor, need, 0, 200_000, null).json().get("referenceCode").asString();
		long bankBefore = ledger.balanceOrZero(FundAccounts.BANK);
		long entriesBefore = jdbc.sql("SELECT count(*) FROM fund_ledger_entry").query(Long.class).single();

		assertThatThrownBy(() -> arrival.received(code, 199_999, "银行流水", clock.instant())).isInstanceOf(ConflictException.class)
			.hasMessage("fund.gift.amount-mismatch");
		assertThat(jdbc.sql("SELECT count(*) FROM fund_ledger_entry").query(Long.class).single()).isEqualTo(entriesBefore);

		Gift gift = arrival.received(code, 200_000, "银行流水", clock.instant());
		assertThat(gift.state()).isEqualTo(GiftState.RECEIVED);
		assertThat(gift.receiptNumber()).matches("HYCS\\d{4}-\\d{6}");
		assertThat(ledger.balanceOrZero(FundAccounts.BANK)).isEqualTo(bankBefore + 200_000);
		assertThat(ledger.balance(FundAccounts.need(need, 0))).isEqualTo(200_000);
		assertThat(lineSum(need, "received_fen")).isEqualTo(200_000);
		assertThat(lineSum(need, "promised_fen")).isZero();
		assertThatThrownBy(() -> arrival.received(code, 200_000, "银行流水", clock.instant())).isInstanceOf(ConflictException.class)
			.hasMessage("fund.gift.not-promised");

		String memo = jdbc.sql("SELECT memo FROM fund_ledger_entry ORDER BY seq DESC LIMIT 1").query(String.class).single();
		assertThat(memo).as("a person masked").contains(gift.receiptNumber()).contains("爱").doesNotContain("爱心人士");
		assertThat(api.get("/api/v1/fund").json().get("balanceFen").asLong()).isEqualTo(bankBefore + 200_000);
		Answer verify = api.get("/api/v1/fund/ledger/verify");
		assertThat(verify.json().get("valid").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/fund/ledger").json().get("entries").get(0).has("prevHash")).isTrue();
		assertThat(api.get("/api/v1/fund/gifts/mine", donor).json().get(0).get("receiptNumber").asString()).isEqualTo(gift.receiptNumber());
	}

	@Test
	void aDonorCancelsAPromisedGiftAndItsShareIsFreeAgain() {
		ApiClient api = api();
		long need = need(4, 300_000, 0);
		String donor = MatchingFixtures.newDonor(accounts, api, newPhone()), other = MatchingFixtures.newDonor(accounts, api, newPhone());
		long gift = give(api, donor, need, 0, 300_000, null).json().get("id").asLong();
		assertThat(api.post("/api/v1/fund/gifts/" + gift + "/cancel", null, other).status()).as("not theirs").isEqualTo(404);
		assertThat(api.post("/api/v1/fund/gifts/" + gift + "/cancel", null, donor).json().get("state").asString()).isEqualTo("CANCELLED");
		assertThat(api.post("/api/v1/fund/gifts/" + gift + "/cancel", null, donor).status()).isEqualTo(409);
		assertThat(give(api, other, need, 0, 300_000, null).status()).isEqualTo(201);
		assertThat(List.of(lineSum(need, "promised_fen"))).containsExactly(300_000L);
	}

	/** A burst of 40 parallel gifts against one line: exactly what the line needs is promised, the rest answer 409. */
	@Test
	void parallelGiftsNeverOvershootTheLine() throws Exception {
		ApiClient api = api();
		long need = need(5, 1_000_000, 0);
		List<String> donors = java.util.stream.IntStream.range(0, 4).mapToObj(i -> MatchingFixtures.newDonor(accounts, api, newPhone())).toList();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
		try {
			List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String donor = donors.get(i % donors.size());
				answers.add(pool.submit(() -> give(api, donor, need, 0, 100_000, null).status()));
			}
			List<Integer> statuses = new java.util.ArrayList<>();
			for (var a : answers) {
				statuses.add(a.get());
			}
			assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
			assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(30);
		}
		finally {
			pool.shutdown();
		}
		assertThat(lineSum(need, "promised_fen")).isEqualTo(1_000_000);
		assertThat(jdbc.sql("SELECT sum(amount_fen) FROM fund_gift WHERE need_id = ? AND state = 'PROMISED'").param(need).query(Long.class)
			.single()).isEqualTo(1_000_000);
	}

	/** An officer posts a need with a money line through the API; a malformed money line is refused with nothing stored. */
	@Test
	void anOfficerPostsAMoneyLineAndAMalformedOneIsRefused() {
		ApiClient api = api();
		String officer = api.login(org.bangfu.need.NeedFixtures.OFFICER, DEMO_PASSWORD);
		long household = org.bangfu.need.NeedFixtures.household(jdbc, personalData, org.bangfu.need.NeedFixtures.VILLAGE, "钱款户", true);
		String body = """
				{"category":"MEDICAL","title":"%s","story":"老人住院做手术，自付部分家里凑不齐。","householdId":%d,"urgency":"URGENT",
				 "items":[{"kind":"医疗费用","name":"手术自付费用","quantity":%d,"unit":"项","valueFen":1500000,"money":true},
				          {"kind":"营养品","name":"奶粉","quantity":2,"unit":"罐","valueFen":30000}]}""";
		long before = jdbc.sql("SELECT count(*) FROM need WHERE household_id = ?").param(household).query(Long.class).single();
		Answer bad = api.post("/api/v1/needs", body.formatted("老人两笔手术费用", household, 2), officer);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("detail").asString()).contains("第1项", "数量应为1");
		assertThat(jdbc.sql("SELECT count(*) FROM need WHERE household_id = ?").param(household).query(Long.class).single()).isEqualTo(before);
		Answer made = api.post("/api/v1/needs", body.formatted("老人手术自付费用", household, 1), officer);
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		assertThat(made.json().get("items").get(0).get("money").asBoolean()).isTrue();
		assertThat(made.json().get("items").get(1).get("money").asBoolean()).isFalse();
	}
}
