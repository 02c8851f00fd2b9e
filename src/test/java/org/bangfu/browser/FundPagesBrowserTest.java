package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.fund.FundFixtures;
import org.bangfu.fund.GiftArrival;
import org.bangfu.fund.Gifts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Giving to a need's money line in the browser: a visitor sees the progress and is asked to log in; a donor on a 360 px
 * phone gives 500 yuan, gets the reference code and the fund's account, and after the money arrives her receipt with
 * the amount in capitals; a company on a desktop is refused too much in Chinese and then gives; the public fund page,
 * ledger and report show it. Screenshots under target/screenshots/fund-*.
 */
class FundPagesBrowserTest extends BrowserTest {

	private static final String PERSON = "13800000021";

	private static final String COMPANY = "13800000022";

	@Autowired
	GiftArrival arrival;

	@Autowired
	Gifts gifts;

	@org.junit.jupiter.api.BeforeEach
	void recordPolicyViolations() {
		// as ContentSecurityPolicyBrowserTest does: every blocked script, style or handler is recorded
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
				window.__csp = [];
				document.addEventListener('securitypolicyviolation', function (e) {
				  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
				});"""));
	}

	private Object violations() {
		return ((JavascriptExecutor) browser).executeScript("return window.__csp || ['the recorder is missing']");
	}

	@Test
	void donorsGiveToAMoneyLineOnAPhoneAndADesktopAndTheFundShowsIt() {
		String village = FundFixtures.emptyVillage(jdbc, "430421107", 5);
		long need = FundFixtures.moneyNeed(jdbc, clock.instant(), village, "村民手术急需费用", 3_000_000, 2);

		// a visitor: the line's progress, and "log in to give"
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/needs/" + need);
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("fund-line-0")));
		assertThat(find("#fund-money").getText()).contains("经帮扶基金筹款", "手术费", "已到账", "30,000 元", "还差", "登录后捐款");
		assertThat(browser.findElements(By.id("give-0"))).isEmpty();

		// the person, on her phone: 500 yuan, into the pool if it is never covered
		logIn(PERSON, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/needs/" + need);
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("give-0")));
		find("#amount-0").sendKeys("500");
		find("#pool-0").click();
		assertThat(noHorizontalOverflow()).as("the give form fits a 360 px screen").isTrue();
		scrollTo("#fund-money");
		screenshot("fund-give");
		scrollTo("#give-submit-0");
		find("#give-submit-0").click();
		waiting().until(ExpectedConditions.urlMatches("/fund/gifts/\\d+$"));
		String url = browser.getCurrentUrl();
		long giftId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		String code = gifts.get(giftId).referenceCode();
		assertThat(find("#gift-state").getText()).isEqualTo("待转账");
		assertThat(find("#gift-reference").getAttribute("value")).isEqualTo(code);
		assertThat(find("#gift-transfer").getText()).contains("中国建设银行衡阳市分行营业部", "4305 0164 6208 0000 0817", "附言写参考码 " + code, "500 元");
		find("#gift-reference").click();
		assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.selectionEnd - document.activeElement.selectionStart"))
			.as("a tap selects the whole code").isEqualTo(10L);
		assertThat(noHorizontalOverflow()).as("the gift page fits a 360 px screen").isTrue();
		screenshot("fund-gift");

		// the bank transfer arrives: the receipt
		arrival.received(code, 50_000, "测试转账", clock.instant());
		open("/fund/gifts/" + giftId);
		assertThat(find("#gift-state").getText()).isEqualTo("已到账");
		find("#gift-receipt-link").click();
		waiting().until(ExpectedConditions.urlContains("/receipt"));
		assertThat(find("#receipt").getText()).contains("捐赠票据", "衡阳市慈善总会", "李*心", "¥500.00", "伍佰元整", "手术费");
		assertThat(noHorizontalOverflow()).as("the receipt fits a 360 px screen").isTrue();
		assertThat((java.util.List<?>) violations()).as("the receipt's print button runs under the policy").isEmpty();
		screenshot("fund-receipt");
		open("/fund/gifts/mine");
		assertThat(find("#gift-" + giftId).getText()).contains("已到账", "村民手术急需费用", "500 元", "捐赠票据");
		screenshot("fund-gifts-mine");

		// the company, on a desktop: too much first, then 2,000 yuan
		browser.manage().deleteAllCookies();
		logIn(COMPANY, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		open("/needs/" + need);
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("give-0")));
		assertThat(find("#fund-line-0").getText()).contains("500 元", "29,500 元");
		find("#amount-0").sendKeys("40000");
		find("#refund-0").click();
		find("#give-submit-0").click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("fund-give-error")));
		assertThat(find("#fund-give-error").getText()).contains("最多还能捐 29500 元");
		assertThat(find("#amount-0").getAttribute("value")).as("what was typed stays").isEqualTo("40000");
		find("#amount-0").clear();
		find("#amount-0").sendKeys("2000");
		find("#refund-0").click();
		find("#give-submit-0").click();
		waiting().until(ExpectedConditions.urlMatches("/fund/gifts/\\d+$"));
		assertThat(find("#gift-summary").getText()).contains("2,000 元", "衡阳湘江农业发展有限公司", "未筹齐时退回给我");
		open("/needs/" + need);
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("fund-line-0")));
		assertThat(find("#fund-line-0").getText()).contains("已认捐待到账", "2,000 元", "还差", "29,500 元");
		scrollTo("#fund-money");
		screenshot("fund-give-desktop");
		assertThat((java.util.List<?>) violations()).as("the need page with the fund's fragment").isEmpty();

		// anyone: the fund page, the ledger with the gift, the quarter's report
		browser.manage().deleteAllCookies();
		open("/fund");
		assertThat(find("#fund-profile").getText()).contains("衡阳市慈善总会", "公募证字");
		assertThat(find("#fund-latest").getText()).contains("捐款到账", "李*心");
		assertThat(noHorizontalOverflow()).as("the fund page fits a 360 px screen").isTrue();
		screenshot("fund-public");
		find("#fund-ledger-link").click();
		waiting().until(ExpectedConditions.urlContains("/fund/ledger"));
		assertThat(find("#ledger-status").getText()).contains("哈希链完整");
		assertThat(browser.getPageSource()).contains("需求" + need + "第1项").doesNotContain("李爱心");
		assertThat(noHorizontalOverflow()).as("the ledger fits a 360 px screen").isTrue();
		screenshot("fund-ledger");
		open("/fund");
		find("#fund-reports-link").click();
		waiting().until(ExpectedConditions.urlContains("/fund/reports"));
		assertThat(find("#report-summary").getText()).contains("收到捐款", "期末银行存款");
		assertThat(noHorizontalOverflow()).as("the report fits a 360 px screen").isTrue();
		screenshot("fund-report");
		assertThat((java.util.List<?>) violations()).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain("??");
	}
}
