package org.bangfu.browser;

import org.bangfu.shared.IdentityNumber;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where each role lands after logging in on the pages, by password and by SMS code: where its work
 * is (LandingPage), unless a protected page sent it to the login; and what a newly registered donor sees.
 */
class LandingBrowserTest extends BrowserTest {

	@Autowired
	private PersonalData personalData;

	private void logInWithCode(String phone) {
		open("/login");
		find("#sms-phone").sendKeys(phone);
		find("#sms-login button[hx-post]").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-status"), "验证码已发送"));
		find("#sms-code").sendKeys(lastCodeSentTo(phone));
		find("#sms-login button[type=submit]").click();
		waiting().until(d -> !d.getCurrentUrl().contains("/login"));
	}

	private String path() {
		return browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
	}

	@Test
	void aVillageOfficerLandsOnTheNeedsOfItsVillage() {
		logIn("13800000004", DEMO_PASSWORD);
		assertThat(path()).isEqualTo("/needs/mine");
		assertThat(find("main h1").getText()).contains("我的需求", "西渡村委会");
		screenshot("landing-village-officer");
	}

	@Test
	void aTownshipManagerLandsOnTheVerificationQueue() {
		logIn("13800000003", DEMO_PASSWORD);
		assertThat(path()).isEqualTo("/needs/queue");
		assertThat(find("main h1").getText()).contains("待审核", "西渡镇");
		screenshot("landing-township-manager");
	}

	@Test
	void aCountyAdminLandsOnTheVerificationQueueOfItsCounty() {
		logIn("13800000002", DEMO_PASSWORD);
		assertThat(path()).isEqualTo("/needs/queue");
		assertThat(find("main h1").getText()).contains("待审核", "衡阳县");
	}

	@Test
	void aCityAdminLandsOnTheCitysOverviewWithItsNeedFigures() {
		logIn("13800000001", DEMO_PASSWORD);
		assertThat(path()).isEqualTo("/regions/430400");
		assertThat(find("main h1").getText()).isEqualTo("衡阳市");
		assertThat(find("#need-figures").getText()).contains("等待帮助", "已被认领", "已送达确认");
		screenshot("landing-city-admin");
	}

	@Test
	void aDonorLoggingInWithAnSmsCodeLandsOnRecommendedNeedsAndItsPledges() {
		logInWithCode("13800000021");
		assertThat(path()).isEqualTo("/pledges/mine");
		assertThat(find("main h1").getText()).isEqualTo("我的认领");
		assertThat(find("#recommend h2").getText()).contains("推荐");
		screenshot("landing-donor");
	}

	@Test
	void aHouseholdLandsOnItsHome() {
		logIn("13800000051", DEMO_PASSWORD);
		assertThat(path()).isEqualTo("/me/household");
		assertThat(find("#hh-hello").getText()).startsWith("您好");
		screenshot("landing-household");
	}

	@Test
	void fundStaffLandOnTheirWorkPage() {
		logIn("13800000031", DEMO_PASSWORD);
		assertThat(path()).isEqualTo("/fund/work");
	}

	@Test
	void thePageThatAskedForTheLoginWinsOverTheLandingPage() {
		open("/campaigns/invitations");
		waiting().until(ExpectedConditions.urlContains("/login"));
		logIn("13800000022", DEMO_PASSWORD);
		assertThat(path()).startsWith("/campaigns/invitations"); // Spring Security marks it "?continue"

		browser.manage().deleteAllCookies();
		open("/households");
		waiting().until(ExpectedConditions.urlContains("/login"));
		logInWithCode("13800000014");
		assertThat(path()).startsWith("/households");
		assertThat(path()).doesNotStartWith("/households/");
	}

	@Test
	void aNewDonorSeesWhatToDoNextAndGoesToTheNeeds() {
		open("/register");
		find("#name").sendKeys("李爱心");
		String phone = newPhone();
		find("#reg-phone").sendKeys(phone);
		find("#register-form button[hx-post]").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-status"), "验证码已发送"));
		find("#reg-code").sendKeys(lastCodeSentTo(phone));
		find("#reg-password").sendKeys("Aixin2026x");
		find("#register-form button[type=submit]").click();
		waiting().until(ExpectedConditions.urlContains("/register/welcome"));
		assertThat(find(".alert.ok").getText()).contains("注册成功");
		assertThat(browser.findElements(By.cssSelector("#welcome-steps li"))).hasSize(3);
		assertThat(find("#welcome-steps").getText()).contains("看看身边谁需要帮助", "认领", "送达，收到感谢");
		assertThat(find(".whoami").getText()).contains("李爱心");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("welcome-new-donor");

		find("#welcome-needs").click();
		waiting().until(d -> path().startsWith("/needs"));
		assertThat(find("main h1").getText()).contains("需求");

		// and the next time, a donor lands on recommended needs and its pledges
		browser.manage().deleteAllCookies();
		logIn(phone, "Aixin2026x");
		assertThat(path()).isEqualTo("/pledges/mine");
	}

	@Test
	void aNewHouseholdIsToldWhatHappensNextAndThenLandsOnItsNeeds() {
		// a registry household of 西渡村委会 without an account
		String idNumber = IdentityNumber.withCheckCharacter("43042119580312" + String.format("%03d", (int) (System.nanoTime() % 1000)));
		jdbc.sql("""
				INSERT INTO household (household_number, region_code, head_name, head_id_hash, head_id_cipher, created_at)
				VALUES (?, '430421100203', '赵新户', ?, ?, now())""")
			.params("LANDING" + System.nanoTime(), personalData.lookupHash(idNumber), personalData.encrypt(idNumber))
			.update();
		open("/register/household");
		find("#h-name").sendKeys("赵新户");
		find("#h-id").sendKeys(idNumber);
		String phone = newPhone();
		find("#h-phone").sendKeys(phone);
		find("#household-form button[hx-post]").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-status"), "验证码已发送"));
		find("#h-code").sendKeys(lastCodeSentTo(phone));
		find("#h-password").sendKeys("Jiating2026");
		find("#household-form button[type=submit]").click();
		waiting().until(ExpectedConditions.urlContains("/register/household/welcome"));
		assertThat(find(".alert.ok").getText()).contains("登记成功");
		assertThat(find("#welcome-steps").getText()).contains("村信息员为您发布需求", "您来确认", "收到后确认、致谢");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("welcome-new-household");

		find("#welcome-login").click();
		waiting().until(ExpectedConditions.urlContains("/login"));
		logIn(phone, "Jiating2026");
		assertThat(path()).isEqualTo("/me/household");
	}
}
