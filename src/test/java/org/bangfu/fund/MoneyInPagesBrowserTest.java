package org.bangfu.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bangfu.ApiClient;
import org.bangfu.browser.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The money-in pages at phone width (township 430421104): a donor pays a gift through the simulated gateway; fund staff
 * import a statement, take a receipt that waits into the pool, and read the reconciliation.
 */
class MoneyInPagesBrowserTest extends BrowserTest {

	private String state(String code) {
		return jdbc.sql("SELECT state FROM fund_gift WHERE reference_code = ?").param(code).query(String.class).single();
	}

	@Test
	void aDonorPaysOnlineAndStaffImportReviewAndReconcile() throws Exception {
		ApiClient api = api();
		String donor = api.login(MoneyInFixtures.DONOR, DEMO_PASSWORD);
		String village = FundFixtures.emptyVillage(jdbc, "430421104", 10);
		long need = FundFixtures.moneyNeed(jdbc, clock.instant(), village, "页面测试", 300_000, 0);
		String paid = MoneyInFixtures.give(api, donor, need, 6_600);
		String transferred = MoneyInFixtures.give(api, donor, need, 7_700);
		long paidId = jdbc.sql("SELECT id FROM fund_gift WHERE reference_code = ?").param(paid).query(Long.class).single();

		logIn(MoneyInFixtures.DONOR, DEMO_PASSWORD);
		open("/fund/gifts/" + paidId + "/pay");
		assertThat(find("#gift").getText()).contains(paid).contains("66");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("fund-pay");
		assertThat(submitAndRead("#pay", ".alert.ok")).contains("支付成功");
		assertThat(find("#gift").getText()).contains("已到账").contains("捐赠票据号");
		assertThat(state(paid)).isEqualTo("RECEIVED");

		browser.manage().deleteAllCookies();
		logIn(MoneyInFixtures.STAFF, DEMO_PASSWORD);
		String n = Long.toString(System.nanoTime(), 36);
		Path file = Files.createTempFile("statement", ".csv");
		Files.writeString(file, "交易日期,交易金额,对方户名,对方账号,摘要,余额\n" //
				+ "2026-12-06,77.00,张三,6222000000001234,捐款 " + transferred + " " + n + ",100077.00\n" //
				+ "2026-12-06,12.00,李四,6222000000005678,捐款 没写参考码 " + n + ",100089.00\n", StandardCharsets.UTF_8);
		open("/fund/statements");
		find("#file").sendKeys(file.toAbsolutePath().toString());
		assertThat(submitAndRead("form.card button[type=submit]", ".alert.ok")).contains("已导入").contains("自动对上 1 笔").contains("待核对 1 笔");
		assertThat(state(transferred)).isEqualTo("RECEIVED");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("fund-statements");

		long statement = jdbc.sql("SELECT max(id) FROM fund_statement").query(Long.class).single();
		open("/fund/statements/" + statement);
		assertThat(find("main").getText()).contains("已对上捐款").contains("摘要里没有参考码").contains("****1234");
		assertThat(noHorizontalOverflow()).isTrue();

		open("/fund/receipts");
		var card = browser.findElements(org.openqa.selenium.By.cssSelector("#receipts li")).stream()
			.filter(li -> li.getText().contains(n))
			.findFirst()
			.orElseThrow();
		assertThat(card.getText()).contains("摘要里没有参考码");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("fund-receipts");
		card.findElement(org.openqa.selenium.By.cssSelector("input[name=reason]")).sendKeys("捐赠人未留参考码，联系不上，转入基金池");
		card.findElement(org.openqa.selenium.By.cssSelector("form[action$='/pool'] button")).click();
		assertThat(find(".alert.ok").getText()).contains("已转入基金池");

		open("/fund/reconciliation");
		assertThat(find("#balances").getText()).contains("账本银行存款余额");
		find("#balance").sendKeys("1,000.50");
		assertThat(submitAndRead("form[action$='/closing-balance'] button", ".alert.ok")).contains("期末余额已录入");
		assertThat(find("#balances").getText()).contains("1000.50 元").contains("人工录入");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("fund-reconciliation");

		open("/fund/receipts?lang=en");
		assertThat(find("main h1").getText()).isEqualTo("Receipts to review");
		open("/fund/receipts?lang=zh_CN");
	}
}
