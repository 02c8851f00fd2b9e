package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.bangfu.account.Accounts;
import org.bangfu.fund.FundFixtures;
import org.bangfu.fund.Gifts;
import org.bangfu.pledge.MatchingFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14's walk, all on a 360 px phone: three donors fund one 30,000-yuan operation through the fund — one pays online
 * (the gateway simulator's signed notification), two by bank transfer that fund staff import from the bank's statement —
 * the fund pledges the covered line, one fund staff member asks to pay the hospital, the other approves (four eyes),
 * the payment is recorded with its proof, the need is DELIVERED, and the public ledger shows the three gifts and the
 * payment with an intact chain. Screenshots under target/screenshots/fund-operation-*.
 */
class FundOperationBrowserTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Gifts gifts;

	private void phone() {
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
	}

	/** A donor gives on the need's page; answers the gift's id. */
	private long give(String phone, long need, String yuan, String choice, String shot) {
		browser.manage().deleteAllCookies();
		logIn(phone, DEMO_PASSWORD);
		phone();
		open("/needs/" + need);
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("give-0")));
		find("#amount-0").sendKeys(yuan);
		find("#" + choice + "-0").click();
		scrollTo("#give-submit-0");
		find("#give-submit-0").click();
		waiting().until(ExpectedConditions.urlMatches("/fund/gifts/\\d+$"));
		assertThat(noHorizontalOverflow()).as("the gift page fits a phone").isTrue();
		screenshot("fund-operation-" + shot);
		String url = browser.getCurrentUrl();
		return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
	}

	@Test
	void threeDonorsFundAnOperationUntilTheHospitalIsPaid() throws Exception {
		String village = FundFixtures.emptyVillage(jdbc, "430421109", 6);
		long need = FundFixtures.moneyNeed(jdbc, clock.instant(), village, "村民髋关节手术", 3_000_000, 0);
		String first = newPhone(), second = newPhone(), third = newPhone();
		for (String p : new String[] { first, second, third }) {
			MatchingFixtures.newDonor(accounts, api(), p);
		}

		// three donors give 10,000, 15,000 and 5,000 yuan; the first pays online at once
		long a = give(first, need, "10000", "refund", "gift-1");
		find("#gift-pay-link").click();
		waiting().until(ExpectedConditions.elementToBeClickable(By.id("pay")));
		screenshot("fund-operation-pay");
		find("#pay").click();
		waiting().until(d -> gifts.get(a).receiptNumber() != null);
		long b = give(second, need, "15000", "pool", "gift-2");
		long c = give(third, need, "5000", "refund", "gift-3");
		open("/needs/" + need);
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("fund-line-0")));
		assertThat(find("#fund-line-0").getText()).contains("10,000 元", "已认捐待到账", "20,000 元");
		scrollTo("#fund-money");
		screenshot("fund-operation-need-promised");

		// fund staff import the bank's statement: the two transfers quote their codes
		String day = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).toString();
		Path statement = Files.createTempFile("statement", ".csv");
		Files.writeString(statement, "交易日期,交易金额,对方户名,对方账号,摘要,余额\n"
				+ day + ",15000.00,爱心人士" + second.substring(7) + ",6222021234567890123,捐款 " + gifts.get(b).referenceCode() + ",25000.00\n"
				+ day + ",5000.00,爱心人士" + third.substring(7) + ",6228481234567890,帮扶 " + gifts.get(c).referenceCode() + ",30000.00\n",
				StandardCharsets.UTF_8);
		browser.manage().deleteAllCookies();
		logIn("13800000031", DEMO_PASSWORD);
		phone();
		open("/fund/work");
		find("#fund-work-links a[href$='/fund/statements']").click();
		find("#file").sendKeys(statement.toString());
		find("form[action$='/fund/statements'] button[type=submit]").click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert.ok")));
		assertThat(find(".alert.ok").getText()).contains("2");
		screenshot("fund-operation-statement");
		assertThat(gifts.get(b).receiptNumber()).isNotNull();
		assertThat(gifts.get(c).receiptNumber()).isNotNull();

		// the line is covered: the fund pledged it
		assertThat(api().get("/api/v1/needs/" + need).json().get("state").asString()).isEqualTo("PLEDGED");

		// one fund staff member asks to pay the hospital; above the four-eyes amount they cannot approve it themselves
		open("/fund/work");
		find("#payee-name").sendKeys("衡阳县人民医院");
		new Select(find("#payee-kind")).selectByValue("HOSPITAL");
		find("#payee-bank").sendKeys("中国农业银行衡阳县支行");
		find("#payee-account").sendKeys("18130101040001234");
		find("#payee-form button[type=submit]").click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("line-" + need + "-0")));
		new Select(find("#line-" + need + "-0 select[name=payeeId]")).selectByVisibleText("衡阳县人民医院 · 医院");
		assertThat(find("#line-" + need + "-0 input[name=amountYuan]").getAttribute("value")).isIn("30000", "30000.00", "30,000.00");
		find("#line-" + need + "-0 button[type=submit]").click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#payments-requested a")));
		assertThat(noHorizontalOverflow()).as("the fund's work page fits a phone").isTrue();
		screenshot("fund-operation-requested");
		find("#payments-requested a").click();
		String paymentUrl = browser.getCurrentUrl();
		find("#approve-form button").click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert.error")));
		assertThat(find("#payment-state").getText()).as("the requester alone cannot approve 30,000 yuan").isEqualTo("已申请，等待批准");

		// the second fund staff member approves
		browser.manage().deleteAllCookies();
		logIn("13800000032", DEMO_PASSWORD);
		phone();
		browser.get(paymentUrl);
		find("#approve-form button").click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("paid-form")));
		assertThat(find("#payment-state").getText()).isEqualTo("已批准，等待付款");

		// the bank paid the hospital: recorded with the transaction number and the proof
		Path proof = Files.createTempFile("proof", ".jpg");
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
		javax.imageio.ImageIO.write(image, "jpg", proof.toFile());
		find("#transactionNumber").sendKeys("ABC20261207000123");
		find("#proof").sendKeys(proof.toString());
		find("#paid-form button[type=submit]").click();
		waiting().until(ExpectedConditions.textToBe(By.id("payment-state"), "已付款"));
		assertThat(noHorizontalOverflow()).as("the payment page fits a phone").isTrue();
		screenshot("fund-operation-paid");
		assertThat(api().get("/api/v1/needs/" + need).json().get("state").asString()).as("the hospital is paid").isEqualTo("DELIVERED");

		// anyone: the ledger shows the three gifts (masked) and the payment, and the chain holds
		browser.manage().deleteAllCookies();
		phone();
		open("/fund/ledger");
		String ledger = find("main").getText();
		assertThat(find("#ledger-status").getText()).contains("哈希链完整");
		for (String p : new String[] { first, second, third }) {
			assertThat(ledger).doesNotContain("爱心人士" + p.substring(7));
		}
		assertThat(ledger).contains("需求" + need + "第1项", "拨付 衡阳县人民医院");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM fund_ledger_line l JOIN fund_ledger_account a ON a.id = l.account_id
				WHERE a.code = ?""").param("need-" + need + "-0").query(Long.class).single()).as("3 gifts in, 1 payment approved").isEqualTo(4);
		assertThat(noHorizontalOverflow()).as("the ledger fits a phone").isTrue();
		screenshot("fund-operation-ledger");
		open("/needs/" + need);
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("fund-line-0")));
		assertThat(find("#fund-line-0").getText()).contains("已筹齐");
		waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("衡阳市社会扶贫帮扶基金"));
		assertThat(find("main").getText()).as("the fund's pledge: paid, no delivery deadline").contains("已发出").doesNotContain("前送到");
		screenshot("fund-operation-need-paid");
	}
}
