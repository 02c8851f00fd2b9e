package org.bangfu.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Receipts that wait for review (township 430421104): an amount that differs and an unknown reference code are not
 * matched; staff match one by code (the amount must equal) or take it into the pool with a reason, each once; promised
 * gifts not paid in time lapse and free their share of the line.
 */
class ReceiptReviewTest extends ApplicationTest {

	@Autowired
	FundLedger ledger;

	@Autowired
	GiftLapse lapse;

	private String state(String code) {
		return jdbc.sql("SELECT state FROM fund_gift WHERE reference_code = ?").param(code).query(String.class).single();
	}

	private JsonNode receiptOf(ApiClient api, String staff, long statement, int index) {
		return api.get("/api/v1/fund/statements/" + statement, staff).json().get("rows").get(index);
	}

	@Test
	void anAmountThatDiffersOrAnUnknownCodeWaitsAndStaffResolveEachOnce() {
		ApiClient api = api();
		String donor = api.login(MoneyInFixtures.DONOR, DEMO_PASSWORD), staff = api.login(MoneyInFixtures.STAFF, DEMO_PASSWORD);
		String village = FundFixtures.emptyVillage(jdbc, "430421104", 4);
		long need = FundFixtures.moneyNeed(jdbc, clock.instant(), village, "核对测试", 500_000, 0);
		String code = MoneyInFixtures.give(api, donor, need, 50_000);
		String unknown = ReferenceCodes.next();
		String n = Long.toString(System.nanoTime(), 36);
		String csv = "交易日期,交易金额,对方户名,对方账号,摘要\n" //
				+ "2026-12-05,499.00,张三,6222000000001234,捐款 " + code + " " + n + "\n" //
				+ "2026-12-05,300.00,李四,6222000000005678,捐款 " + unknown + " " + n + "\n" //
				+ "2026-12-05,500.00,张三,6222000000001234,补款 参考码忘写了 " + n + "\n";
		ApiClient.Answer a = MoneyInFixtures.upload(api, staff, "review.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(a.json().get("unmatched").asInt()).isEqualTo(3);
		long statement = a.json().get("statementId").asLong();
		JsonNode differs = receiptOf(api, staff, statement, 0), unknownCode = receiptOf(api, staff, statement, 1),
				noCode = receiptOf(api, staff, statement, 2);
		assertThat(differs.get("reason").asString()).isEqualTo("AMOUNT_DIFFERS");
		assertThat(unknownCode.get("reason").asString()).isEqualTo("UNKNOWN_CODE");
		assertThat(noCode.get("reason").asString()).isEqualTo("NO_CODE");
		assertThat(state(code)).isEqualTo("PROMISED");
		JsonNode waiting = api.get("/api/v1/fund/receipts?state=UNMATCHED", staff).json();
		assertThat(waiting.findValuesAsString("id")).isNotNull();
		assertThat(waiting.toString()).contains(unknown);

		long bank = ledger.balanceOrZero(FundAccounts.BANK), pool = ledger.balanceOrZero(FundAccounts.POOL);
		// 499 yuan is not the 500-yuan gift: refused, nothing changed
		ApiClient.Answer wrong = api.post("/api/v1/fund/receipts/" + differs.get("id").asLong() + "/match",
				"{\"referenceCode\":\"" + code + "\"}", staff);
		assertThat(wrong.status()).isEqualTo(409);
		assertThat(wrong.json().get("detail").asString()).contains("不一致");
		assertThat(state(code)).isEqualTo("PROMISED");

		// the 500 without a code is the gift's money
		ApiClient.Answer matched = api.post("/api/v1/fund/receipts/" + noCode.get("id").asLong() + "/match",
				"{\"referenceCode\":\"" + code.toLowerCase() + "\",\"note\":\"捐赠人来电确认\"}", staff);
		assertThat(matched.status()).as(matched.body()).isEqualTo(200);
		assertThat(matched.json().get("state").asString()).isEqualTo("MATCHED");
		assertThat(matched.json().get("resolvedBy").asLong()).isPositive();
		assertThat(matched.json().get("resolvedAt").isNull()).isFalse();
		assertThat(state(code)).isEqualTo("RECEIVED");
		assertThat(ledger.balanceOrZero(FundAccounts.BANK) - bank).isEqualTo(50_000);
		assertThat(api.post("/api/v1/fund/receipts/" + noCode.get("id").asLong() + "/match", "{\"referenceCode\":\"" + code + "\"}", staff)
			.status()).isEqualTo(409);

		// the unknown code's 300 yuan into the pool, with a reason, once
		String second = api.login(MoneyInFixtures.STAFF_2, DEMO_PASSWORD);
		long unknownId = unknownCode.get("id").asLong();
		assertThat(api.post("/api/v1/fund/receipts/" + unknownId + "/pool", "{}", second).status()).isEqualTo(400);
		ApiClient.Answer pooled = api.post("/api/v1/fund/receipts/" + unknownId + "/pool", "{\"reason\":\"无法联系捐赠人，按章程转入基金池\"}", second);
		assertThat(pooled.status()).as(pooled.body()).isEqualTo(200);
		assertThat(pooled.json().get("state").asString()).isEqualTo("POOLED");
		assertThat(pooled.json().get("resolutionNote").asString()).contains("基金池");
		assertThat(ledger.balanceOrZero(FundAccounts.POOL) - pool).isEqualTo(30_000);
		assertThat(ledger.balanceOrZero(FundAccounts.BANK) - bank).isEqualTo(80_000);
		assertThat(api.post("/api/v1/fund/receipts/" + unknownId + "/pool", "{\"reason\":\"再来一次\"}", second).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/fund/receipts/" + unknownId + "/pool", "{\"reason\":\"x\"}", donor).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/fund/receipts/999999999/pool", "{\"reason\":\"x\"}", second).status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT action FROM operation_log WHERE target = ? ORDER BY id").param("receipt:" + unknownId).query(String.class).list())
			.containsExactly("fund.receipt.pool");
		assertThat(ledger.verify().intact()).isTrue();
	}

	@Test
	void aPromisedGiftNotPaidInTimeLapsesAndFreesItsShareOfTheLine() {
		ApiClient api = api();
		String donor = api.login(MoneyInFixtures.DONOR, DEMO_PASSWORD);
		String village = FundFixtures.emptyVillage(jdbc, "430421104", 5);
		long need = FundFixtures.moneyNeed(jdbc, clock.instant(), village, "过期测试", 100_000, 0);
		String code = MoneyInFixtures.give(api, donor, need, 100_000);
		// the whole line is promised: nobody else can give
		assertThat(api.post("/api/v1/needs/" + need + "/gifts", "{\"itemId\":0,\"amountFen\":100,\"ifUnfunded\":\"POOL\"}", donor).status())
			.isEqualTo(409);
		lapse.lapseDue();
		assertThat(state(code)).isEqualTo("PROMISED"); // not yet due

		clock.advance(Duration.ofDays(15));
		assertThat(lapse.lapseDue()).isPositive();
		assertThat(state(code)).isEqualTo("LAPSED");
		assertThat(jdbc.sql("SELECT promised_fen FROM fund_money_line WHERE need_id = ?").param(need).query(Long.class).single()).isZero();
		assertThat(api.post("/api/v1/needs/" + need + "/gifts", "{\"itemId\":0,\"amountFen\":100000,\"ifUnfunded\":\"POOL\"}", donor).status())
			.isEqualTo(201);
	}
}
