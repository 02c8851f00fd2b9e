package org.bangfu.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration and grants as people do them, in the browser, with codes read from the SMS outbox. */
class AccountsBrowserTest extends BrowserTest {

	private void requestCodeAndWait() {
		find("button[hx-post]").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-status"), "验证码已发送"));
	}

	@Test
	void aDonorRegistersWithTheCodeFromTheOutbox() {
		open("/register");
		browser.findElement(By.xpath("//label[contains(@class,'choice')][span='企业']")).click();
		find("#name").sendKeys("衡阳爱心商贸有限公司");
		find("#creditCode").sendKeys(org.bangfu.account.RegistrationApiTest.VALID_CREDIT_CODE_FOR_BROWSER);
		String phone = newPhone();
		find("#reg-phone").sendKeys(phone);
		requestCodeAndWait();
		screenshot("register-donor");
		find("#reg-code").sendKeys(lastCodeSentTo(phone));
		find("#reg-password").sendKeys("Shangmao2026");
		find("#register-form button[type=submit]").click();
		waiting().until(d -> d.getCurrentUrl().contains("/register/welcome"));
		assertThat(find(".alert.ok").getText()).contains("注册成功");
		open("/me");
		assertThat(find("main").getText()).contains("衡阳爱心商贸有限公司", "企业", "爱心人士");
		screenshot("me-new-donor");
	}

	@Test
	void aWrongCodeIsToldAndTheFormKeepsWhatWasTyped() {
		open("/register");
		find("#name").sendKeys("张热心");
		String phone = newPhone();
		find("#reg-phone").sendKeys(phone);
		requestCodeAndWait();
		String code = lastCodeSentTo(phone);
		find("#reg-code").sendKeys(code.equals("000000") ? "111111" : "000000");
		find("#reg-password").sendKeys("Rexin2026");
		assertThat(submitAndRead("#register-form button[type=submit]", ".alert.error")).isEqualTo("验证码不正确。");
		assertThat(find("#name").getAttribute("value")).isEqualTo("张热心");
		assertThat(find("#reg-phone").getAttribute("value")).isEqualTo(phone);
		screenshot("register-wrong-code");
	}

	@Test
	void aCountyAdminGrantsAVillageOfficerWhoThenLogsInWithAnSmsCode() {
		logIn("13800000002", DEMO_PASSWORD);
		find("nav.menu details.menu-group summary").click(); // 管理
		browser.findElement(By.linkText("工作人员")).click();
		assertThat(find("main h1").getText()).contains("衡阳县");
		find("#grant summary").click();
		String phone = newPhone();
		find("#g-phone").sendKeys(phone);
		find("#g-name").sendKeys("罗新信息员");
		new Select(find("#g-role")).selectByVisibleText("村信息员");
		find("#g-region").sendKeys("430421100014");
		screenshot("staff-grant-form");
		assertThat(submitAndRead("#grant-form button[type=submit]", ".alert.ok")).contains("罗新信息员", "村信息员", "春风社区居委会");
		assertThat(find("#staff-table").getText()).contains("罗新信息员");
		screenshot("staff-directory");
		find("form.logout button").click();
		// the logout's own navigation first: started late, it would replace the login page opened next
		waiting().until(ExpectedConditions.urlContains("loggedOut"));

		open("/login");
		find("#sms-phone").sendKeys(phone);
		requestCodeAndWait();
		find("#sms-code").sendKeys(lastCodeSentTo(phone));
		find("#sms-login button[type=submit]").click();
		waiting().until(d -> d.getCurrentUrl().endsWith("/needs/mine")); // an officer lands on its needs (LandingPage)
		open("/me");
		assertThat(find("#my-roles").getText()).contains("村信息员", "春风社区居委会");
		assertThat(find("main").getText()).contains("设置密码");
		screenshot("me-invited-officer");
	}

	@Test
	void aVillageOfficerRegistersAHouseholdOnItsBehalf() {
		logIn("13800000004", DEMO_PASSWORD);
		browser.findElement(By.linkText("贫困户")).click();
		assertThat(find("#households").getText()).contains("刘冬梅");
		screenshot("households");
		browser.findElement(By.xpath("//li[contains(@class,'household')][.//strong='刘冬梅']//button")).click();
		assertThat(find(".alert.ok").getText()).contains("已代为注册");
		assertThat(browser.findElement(By.xpath("//li[contains(@class,'household')][.//strong='刘冬梅']")).getText()).contains("已注册");
	}
}
