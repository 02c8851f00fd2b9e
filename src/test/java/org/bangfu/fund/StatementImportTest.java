package org.bangfu.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bank statements through the API (township 430421104): each bank's sample matched to the gifts by reference code and
 * amount, rows without a matching gift left waiting with the reason, a statement imported twice or overlapping changing
 * nothing twice, an unparseable row refusing the whole file with nothing stored.
 */
class StatementImportTest extends ApplicationTest {

	private static final Charset GBK = Charset.forName("GB18030");

	@Autowired
	FundLedger ledger;

	private String state(String code) {
		return jdbc.sql("SELECT state FROM fund_gift WHERE reference_code = ?").param(code).query(String.class).single();
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private long need(int village, long fen) {
		String code = FundFixtures.emptyVillage(jdbc, "430421104", village);
		return FundFixtures.moneyNeed(jdbc, clock.instant(), code, "流水测试手术费", fen, 0);
	}

	@Test
	void theGenericCsvMatchesGiftsByCodeAndAmountAndKeepsTheRest() {
		ApiClient api = api();
		String donor = api.login(MoneyInFixtures.DONOR, DEMO_PASSWORD), staff = api.login(MoneyInFixtures.STAFF, DEMO_PASSWORD);
		long need = need(0, 500_000);
		String c1 = MoneyInFixtures.give(api, donor, need, 50_000), c2 = MoneyInFixtures.give(api, donor, need, 120_000);
		long bank = ledger.balanceOrZero(FundAccounts.BANK);
		ApiClient.Answer a = MoneyInFixtures.upload(api, staff, "流水.csv",
				MoneyInFixtures.csv("statement-generic.csv", StandardCharsets.UTF_8, Map.of("C1", c1, "C2", c2)));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(a.json().get("rows").asInt()).isEqualTo(4);
		assertThat(a.json().get("matched").asInt()).isEqualTo(2);
		assertThat(a.json().get("unmatched").asInt()).isEqualTo(1);
		assertThat(a.json().get("debits").asInt()).isEqualTo(1);
		assertThat(a.json().get("duplicates").asInt()).isZero();
		assertThat(a.json().get("closingBalanceFen").asLong()).isEqualTo(1_199_500);
		assertThat(state(c1)).isEqualTo("RECEIVED");
		assertThat(state(c2)).isEqualTo("RECEIVED");
		assertThat(ledger.balanceOrZero(FundAccounts.BANK) - bank).isEqualTo(170_000);
		assertThat(jdbc.sql("SELECT received_fen FROM fund_money_line WHERE need_id = ?").param(need).query(Long.class).single())
			.isEqualTo(170_000);
		long statement = a.json().get("statementId").asLong();
		var rows = api.get("/api/v1/fund/statements/" + statement, staff).json().get("rows");
		assertThat(rows.get(3).get("state").asString()).isEqualTo("UNMATCHED");
		assertThat(rows.get(3).get("reason").asString()).isEqualTo("NO_CODE");
		assertThat(rows.get(2).get("state").asString()).isEqualTo("DEBIT");
		assertThat(rows.get(0).get("counterpartyAccount").asString()).endsWith("0123").doesNotContain("62220212");
	}

	@Test
	void eachBanksSampleIsRead() {
		ApiClient api = api();
		String donor = api.login(MoneyInFixtures.DONOR, DEMO_PASSWORD), staff = api.login(MoneyInFixtures.STAFF, DEMO_PASSWORD);
		long need = need(1, 1_000_000);
		String icbc = MoneyInFixtures.give(api, donor, need, 50_000);
		ApiClient.Answer a = MoneyInFixtures.upload(api, staff, "icbc.csv", MoneyInFixtures.csv("statement-icbc.csv", GBK, Map.of("C1", icbc)));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(a.json().get("rows").asInt()).isEqualTo(3); // the 合计 row is not a transaction
		assertThat(a.json().get("matched").asInt()).isEqualTo(1);
		assertThat(a.json().get("debits").asInt()).isEqualTo(1);
		assertThat(a.json().get("closingBalanceFen").asLong()).isEqualTo(1_058_680);
		assertThat(state(icbc)).isEqualTo("RECEIVED");

		String abc = MoneyInFixtures.give(api, donor, need, 80_000);
		a = MoneyInFixtures.upload(api, staff, "abc.csv", MoneyInFixtures.csv("statement-abc.csv", GBK, Map.of("C1", abc)));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(a.json().get("matched").asInt()).isEqualTo(1);
		assertThat(a.json().get("debits").asInt()).isEqualTo(1);
		assertThat(state(abc)).isEqualTo("RECEIVED");

		String ccb1 = MoneyInFixtures.give(api, donor, need, 65_000), ccb2 = MoneyInFixtures.give(api, donor, need, 9_999);
		a = MoneyInFixtures.upload(api, staff, "ccb.xlsx", MoneyInFixtures.xlsx("statement-ccb.xlsx", Map.of("C1", ccb1, "C2", ccb2)));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(a.json().get("rows").asInt()).isEqualTo(3);
		assertThat(a.json().get("matched").asInt()).isEqualTo(2);
		assertThat(a.json().get("debits").asInt()).isEqualTo(1);
		assertThat(a.json().get("closingBalanceFen").asLong()).isEqualTo(3_073_749);
		assertThat(state(ccb1)).isEqualTo("RECEIVED");
		assertThat(state(ccb2)).isEqualTo("RECEIVED");
	}

	@Test
	void aStatementImportedTwiceOrOverlappingChangesNothingTwice() {
		ApiClient api = api();
		String donor = api.login(MoneyInFixtures.DONOR, DEMO_PASSWORD), staff = api.login(MoneyInFixtures.STAFF, DEMO_PASSWORD);
		long need = need(2, 500_000);
		String c1 = MoneyInFixtures.give(api, donor, need, 50_000), c2 = MoneyInFixtures.give(api, donor, need, 120_000);
		byte[] file = MoneyInFixtures.csv("statement-generic.csv", StandardCharsets.UTF_8, Map.of("C1", c1, "C2", c2));
		assertThat(MoneyInFixtures.upload(api, staff, "a.csv", file).status()).isEqualTo(200);
		long statements = count("fund_statement"), receipts = count("fund_bank_receipt"), entries = count("fund_ledger_entry");
		long bank = ledger.balanceOrZero(FundAccounts.BANK);

		ApiClient.Answer again = MoneyInFixtures.upload(api, staff, "a-again.csv", file);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("导入过").contains("没有任何变化");
		assertThat(count("fund_statement")).isEqualTo(statements);
		assertThat(count("fund_bank_receipt")).isEqualTo(receipts);
		assertThat(count("fund_ledger_entry")).isEqualTo(entries);

		// the next month's download repeats the last day: the repeated rows are skipped, the new one kept
		String text = new String(file, StandardCharsets.UTF_8);
		String overlapping = text + "2026-12-03,66.00,钱十,6222000011112222,捐款 无参考码 " + System.nanoTime() + ",12061.00\n";
		ApiClient.Answer next = MoneyInFixtures.upload(api, staff, "b.csv", overlapping.getBytes(StandardCharsets.UTF_8));
		assertThat(next.status()).as(next.body()).isEqualTo(200);
		assertThat(next.json().get("duplicates").asInt()).isEqualTo(4);
		assertThat(next.json().get("unmatched").asInt()).isEqualTo(1);
		assertThat(next.json().get("matched").asInt()).isZero();
		assertThat(count("fund_bank_receipt")).isEqualTo(receipts + 1);
		assertThat(ledger.balanceOrZero(FundAccounts.BANK)).isEqualTo(bank);
	}

	@Test
	void anUnparseableRowRefusesTheWholeFileWithNothingStored() {
		ApiClient api = api();
		String donor = api.login(MoneyInFixtures.DONOR, DEMO_PASSWORD), staff = api.login(MoneyInFixtures.STAFF, DEMO_PASSWORD);
		long need = need(3, 500_000);
		String c1 = MoneyInFixtures.give(api, donor, need, 50_000);
		long statements = count("fund_statement"), receipts = count("fund_bank_receipt"), entries = count("fund_ledger_entry");
		String good = "交易日期,交易金额,对方户名,对方账号,摘要\n2026-12-01,500.00,张三,6222,捐款 " + c1 + "\n";

		ApiClient.Answer badDate = MoneyInFixtures.upload(api, staff, "x.csv", (good + "2026-13-45,10.00,李四,6228,捐款\n").getBytes(StandardCharsets.UTF_8));
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().get("detail").asString()).contains("第 3 行").contains("交易日期").contains("2026-13-45");

		ApiClient.Answer badAmount = MoneyInFixtures.upload(api, staff, "x.csv", (good + "2026-12-02,12.345,李四,6228,捐款\n").getBytes(StandardCharsets.UTF_8));
		assertThat(badAmount.status()).isEqualTo(400);
		assertThat(badAmount.json().get("detail").asString()).contains("第 3 行").contains("交易金额").contains("12.345");

		ApiClient.Answer noHeader = MoneyInFixtures.upload(api, staff, "x.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
		assertThat(noHeader.status()).isEqualTo(400);

		ApiClient.Answer bomb = MoneyInFixtures.upload(api, staff, "x.xlsx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 });
		assertThat(bomb.status()).isEqualTo(400);

		assertThat(count("fund_statement")).isEqualTo(statements);
		assertThat(count("fund_bank_receipt")).isEqualTo(receipts);
		assertThat(count("fund_ledger_entry")).isEqualTo(entries);
		assertThat(state(c1)).isEqualTo("PROMISED");
	}

	@Test
	void anXlsxThatUnpacksToTooMuchIsRefusedBeforeItIsRead() throws Exception {
		String staff = api().login(MoneyInFixtures.STAFF, DEMO_PASSWORD);
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 100; i++) { // 100 MB of zeros, about 100 KB packed
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		long statements = count("fund_statement");
		ApiClient.Answer bomb = MoneyInFixtures.upload(api(), staff, "bomb.xlsx", bytes.toByteArray());
		assertThat(bomb.status()).as(bomb.body()).isEqualTo(413);
		assertThat(bomb.json().get("detail").asString()).contains("解压后过大");
		assertThat(count("fund_statement")).isEqualTo(statements);
	}

	@Test
	void onlyFundStaffImportAndAMissingOrMalformedUploadIsRefused() {
		ApiClient api = api();
		String donor = api.login(MoneyInFixtures.DONOR, DEMO_PASSWORD), staff = api.login(MoneyInFixtures.STAFF, DEMO_PASSWORD);
		byte[] file = "交易日期,交易金额,对方户名,对方账号,摘要\n2026-12-01,1.00,张三,6222,x\n".getBytes(StandardCharsets.UTF_8);
		assertThat(MoneyInFixtures.upload(api, donor, "x.csv", file).status()).isEqualTo(403);
		assertThat(MoneyInFixtures.upload(api, null, "x.csv", file).status()).isEqualTo(401);
		assertThat(api.postFile("/api/v1/fund/statements", "other", "x.csv", "text/csv", file, staff).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/fund/statements", "{}", staff).status()).isBetween(400, 499);
		assertThat(api.get("/api/v1/fund/receipts", donor).status()).isEqualTo(403);
	}
}
