package org.bangfu.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The reconciliation (township 430421104): the latest statement's closing balance beside the ledger's bank balance, and
 * the differences listed — a credit on the statement not on the ledger, a debit the ledger has not recorded, a ledger
 * payment no statement shows yet — until a later statement shows the payment.
 */
class ReconciliationTest extends ApplicationTest {

	@Autowired
	FundLedger ledger;

	@Autowired
	FundAccounts accounts;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	private static boolean lists(JsonNode list, String field, long value) {
		for (JsonNode n : list) {
			if (n.get(field).asLong() == value) {
				return true;
			}
		}
		return false;
	}

	@Test
	void theDifferencesBetweenStatementAndLedgerAreListed() {
		ApiClient api = api();
		String donor = api.login(MoneyInFixtures.DONOR, DEMO_PASSWORD), staff = api.login(MoneyInFixtures.STAFF, DEMO_PASSWORD);
		String village = FundFixtures.emptyVillage(jdbc, "430421104", 9);
		long need = FundFixtures.moneyNeed(jdbc, clock.instant(), village, "对账测试", 500_000, 0);
		String code = MoneyInFixtures.give(api, donor, need, 40_000);
		// a payment recorded on the ledger (money out of the bank), not yet on any statement
		String payee = "payee-rt" + Long.toString(System.nanoTime(), 36);
		LedgerEntry payment = transactions.execute(tx -> {
			accounts.ensureOwn();
			accounts.ensure(payee, AccountKind.PAYEE);
			ledger.post(EntryKind.GIFT_RECEIVED, "test money in", List.of(new LedgerLine(FundAccounts.BANK, 7_700), new LedgerLine(FundAccounts.POOL, -7_700)));
			ledger.post(EntryKind.PAYMENT_APPROVED, "test approve", List.of(new LedgerLine(FundAccounts.POOL, 7_700), new LedgerLine(payee, -7_700)));
			return ledger.post(EntryKind.PAYMENT, "test payment", List.of(new LedgerLine(payee, 7_700), new LedgerLine(FundAccounts.BANK, -7_700)));
		});
		String n = Long.toString(System.nanoTime(), 36);
		// today (after every other test's statement dates), so this is the latest statement and the payment's window holds
		String today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
		String csv = "交易日期,交易金额,对方户名,对方账号,摘要,余额\n" //
				+ today + ",400.00,张三,6222000000001234,捐款 " + code + " " + n + ",100400.00\n" //
				+ today + ",250.00,李四,6222000000005678,捐款 " + n + ",100650.00\n" //
				+ today + ",-3.50,,,账户管理费 " + n + ",100646.50\n";
		ApiClient.Answer imported = MoneyInFixtures.upload(api, staff, "recon.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		long statement = imported.json().get("statementId").asLong();

		ApiClient.Answer a = api.get("/api/v1/fund/reconciliation", staff);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		JsonNode r = a.json();
		long bank = ledger.balanceOrZero(FundAccounts.BANK);
		assertThat(r.get("ledgerBankFen").asLong()).isEqualTo(bank);
		assertThat(r.get("statementId").asLong()).isEqualTo(statement);
		assertThat(r.get("statementBalanceFen").asLong()).isEqualTo(10_064_650);
		assertThat(r.get("differenceFen").asLong()).isEqualTo(10_064_650 - bank);
		assertThat(lists(r.get("unmatchedCredits"), "amountFen", 25_000)).isTrue();
		assertThat(lists(r.get("debitsNotInLedger"), "amountFen", -350)).isTrue();
		assertThat(lists(r.get("notOnStatement"), "seq", payment.seq())).isTrue();
		assertThat(lists(r.get("notOnStatement"), "amountFen", 40_000)).isFalse(); // the matched gift is on both

		// the next statement shows the payment: it is no longer a difference; staff may enter the closing balance by hand
		String next = "交易日期,交易金额,对方户名,对方账号,摘要\n" + today + ",-77.00,衡阳市中心医院,4305010000000000,付款 " + n + "\n";
		ApiClient.Answer second = MoneyInFixtures.upload(api, staff, "recon2.csv", next.getBytes(StandardCharsets.UTF_8));
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		long secondId = second.json().get("statementId").asLong();
		ApiClient.Answer entered = api.post("/api/v1/fund/statements/" + secondId + "/closing-balance", "{\"balanceFen\":10056950}", staff);
		assertThat(entered.status()).as(entered.body()).isEqualTo(200);
		r = entered.json();
		assertThat(r.get("statementId").asLong()).isEqualTo(secondId);
		assertThat(r.get("statementBalanceFen").asLong()).isEqualTo(10_056_950);
		assertThat(r.get("balanceEntered").asBoolean()).isTrue();
		assertThat(lists(r.get("notOnStatement"), "seq", payment.seq())).isFalse();
		assertThat(api.get("/api/v1/fund/reconciliation", donor).status()).isEqualTo(403);
	}
}
