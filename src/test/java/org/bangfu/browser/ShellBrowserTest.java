package org.bangfu.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The web shell in a real browser: home page, region browsing, login and role-aware navigation. */
class ShellBrowserTest extends BrowserTest {

	private List<String> navLabels() {
		return browser.findElements(By.cssSelector("nav.menu a, nav.menu summary, nav.menu button")).stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.toList();
	}

	@Test
	void theHomePageExplainsThePlatformWithLiveCounts() {
		open("/");
		assertThat(browser.getTitle()).contains("衡阳市社会扶贫网");
		assertThat(find(".hero h1").getText()).contains("真实需求");
		assertThat(find("#live-counts").getText()).contains("14", "191", "2785", "县市区", "乡镇街道", "村和社区");
		assertThat(navLabels()).containsExactly("首页", "区域", "需求", "捐赠物资", "帮扶基金", "注册", "登录");
		screenshot("home");
	}

	@Test
	void aVisitorBrowsesFromTheCityToAVillageOfHengyangCounty() {
		open("/");
		browser.findElement(By.partialLinkText("衡阳县")).click();
		assertThat(find("main h1").getText()).isEqualTo("衡阳县");
		screenshot("region-county");

		// the township's tile, not a need card that names it as its place
		browser.findElement(By.cssSelector("#children")).findElement(By.partialLinkText("西渡镇")).click();
		assertThat(find("main h1").getText()).isEqualTo("西渡镇");
		find("input.filter").sendKeys("西渡");
		waiting().until(d -> d.findElements(By.cssSelector("#children a")).size() < 5);
		screenshot("region-township-filtered");

		browser.findElement(By.cssSelector("#children")).findElement(By.partialLinkText("西渡村委会")).click();
		assertThat(find("main h1").getText()).isEqualTo("西渡村委会");
		assertThat(find("nav.crumbs").getText()).contains("衡阳市", "衡阳县", "西渡镇");
		assertThat(find("dl.facts").getText()).contains("430421100203", "村（社区）");
		screenshot("region-village");
	}

	@Test
	void aVillageOfficerLogsInAndSeesTheStaffNavigation() {
		logIn("13800000004", DEMO_PASSWORD);
		assertThat(browser.getCurrentUrl()).endsWith("/needs/mine"); // an officer lands on its needs (LandingPage)
		open("/me");
		assertThat(navLabels()).containsExactly("首页", "区域", "需求", "捐赠物资", "我的辖区", "贫困户", "我的需求", "管理", "我的账户", "退出");
		assertThat(find("#my-roles").getText()).contains("村信息员", "西渡村委会");
		assertThat(find(".whoami").getText()).contains("西渡村信息员", "村信息员 · 西渡村委会");
		screenshot("me-village-officer");

		find("nav.menu details.menu-group summary").click();
		browser.findElement(By.linkText("服务站点")).click();
		assertThat(find("main").getText()).contains("西渡村委会社会扶贫网信息点").doesNotContain("茶市村");

		// on a phone the navigation folds into a menu button
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		assertThat(navLabels()).isEmpty();
		find("label.menu-button").click();
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("我的辖区")));
		assertThat(navLabels()).contains("我的辖区", "退出");
		browser.findElement(By.linkText("我的辖区")).click();
		assertThat(find("main h1").getText()).isEqualTo("西渡村委会");
	}

	@Test
	void aDonorSeesNoStaffNavigationAndCanLogOut() {
		logIn("13800000022", DEMO_PASSWORD);
		open("/me");
		assertThat(navLabels()).containsExactly("首页", "区域", "需求", "捐赠物资", "帮扶基金", "我的认领", "认领邀请", "我的账户", "退出");
		assertThat(find("main").getText()).contains("衡阳湘江农业发展有限公司", "企业", "爱心人士");
		screenshot("me-donor");
		browser.findElement(By.cssSelector("form.logout button")).click();
		waiting().until(d -> d.getCurrentUrl().contains("loggedOut"));
		assertThat(navLabels()).contains("登录");
	}

	@Test
	void aWrongPasswordIsToldInChinese() {
		open("/login");
		find("#phone").sendKeys("13800000004");
		find("#password").sendKeys("not-the-password");
		assertThat(submitAndRead("form.card button[type=submit]", ".alert.error")).isEqualTo("手机号或密码错误。");
		screenshot("login-failed");
	}
}
