package org.bangfu.browser;

import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.pledge.MatchingFixtures;
import org.bangfu.region.Regions;
import org.bangfu.team.DriveFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registration drive from end to end: a county's staff creates a school's unit on the units page; a phone opens the
 * unit's link (what its QR code encodes), registers with the SMS code and pledges a need of 耒阳市; the unit counts it.
 */
class RegistrationDriveBrowserTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Test
	void aPhoneScansAUnitsLinkRegistersAndPledges() {
		String village = DriveFixtures.village(jdbc);
		long need = MatchingFixtures.publishedNeed(jdbc, clock.instant(), village, "OTHER", "耒阳扫码测试：学生冬衣", new long[] { 4, 40000 });
		String staff = DriveFixtures.staff(accounts, regions, "耒阳市扫码注册专干", Role.COUNTY_ADMIN, DriveFixtures.COUNTY);

		// the county creates the school's unit on its page
		logIn(staff, DEMO_PASSWORD);
		open("/units");
		assertThat(find("main h1").getText()).contains("扫码注册单位", "耒阳市");
		find("#unit-name").sendKeys("耒阳市实验中学");
		new Select(find("#unit-kind")).selectByValue("SCHOOL");
		find("#unit-create").click();
		waiting().until(d -> !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
		long unit = jdbc.sql("SELECT id FROM registration_unit WHERE name = '耒阳市实验中学' ORDER BY id DESC LIMIT 1").query(Long.class).single();
		assertThat(find("#unit-" + unit).getText()).contains("耒阳市实验中学", "学校", "U-" + unit, "已注册 0 人");
		screenshot("drive-units-new");

		// a phone, not signed in, opens the link of the unit's QR code
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/join/U-" + unit);
		assertThat(find("#join-unit").getText()).contains("您正在通过「耒阳市实验中学」注册为爱心人士");
		assertThat(find("#join-steps").getText()).contains("扫码", "填手机号，收验证码", "设置密码，完成注册");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("drive-join");
		find("#join-register").click();
		waiting().until(ExpectedConditions.urlContains("/register?join=U-" + unit));
		assertThat(find("input[name=joinCode]").getAttribute("value")).isEqualTo("U-" + unit);
		find("#name").sendKeys("陈同学家长");
		String phone = newPhone();
		find("#reg-phone").sendKeys(phone);
		find("button[hx-post]").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-status"), "验证码已发送"));
		find("#reg-code").sendKeys(lastCodeSentTo(phone));
		find("#reg-password").sendKeys("Jiazhang2026");
		scrollTo("#register-form button[type=submit]");
		find("#register-form button[type=submit]").click();
		waiting().until(d -> d.getCurrentUrl().contains("/register/welcome"));
		assertThat(find("#welcome-guide").getAttribute("href")).endsWith("/join/guide");
		screenshot("drive-welcome");

		// the guide, then the first pledge
		find("#welcome-guide").click();
		waiting().until(ExpectedConditions.urlContains("/join/guide"));
		assertThat(find("#guide-steps").getText()).contains("扫码", "注册", "找到身边的需求", "认领", "送达", "收到感谢");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("drive-guide");
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/needs/" + need);
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pledge-form")));
		find("#item0").clear();
		find("#item0").sendKeys("2");
		scrollTo("#pledge-submit");
		find("#pledge-submit").click();
		waiting().until(d -> !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
		assertThat(find(".alert.ok").getText()).contains("认领成功");
		screenshot("drive-pledged");

		// the unit counts the registration and the pledge; the public ranking shows the unit
		JsonNode counted = api().get("/api/v1/units/" + unit, api().login(staff, DEMO_PASSWORD)).json();
		assertThat(counted.get("registrations").asLong()).isEqualTo(1);
		assertThat(counted.get("pledges").asLong()).isEqualTo(1);
		open("/units/ranking");
		assertThat(find("#ranking-units").getText()).contains("耒阳市实验中学");
		assertThat(find("#ranking-counties").getText()).contains("耒阳市");
		assertThat(find("main").getText()).doesNotContain("陈同学家长", phone);
		screenshot("drive-ranking");
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		logIn(staff, DEMO_PASSWORD);
		open("/units");
		assertThat(find("#unit-" + unit).getText()).contains("已注册 1 人，带来认领 1 次");
		screenshot("drive-units-counted");

		// the drive ends: its link says so (404) and still offers registering without the unit
		find("#unit-" + unit + " .unit-close").click();
		waiting().until(d -> !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
		assertThat(find("#unit-" + unit).getText()).contains("已结束");
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/join/U-" + unit);
		assertThat(find("#join-missing").getText()).contains("「耒阳市实验中学」的扫码注册活动已经结束");
		assertThat(find("#join-register-plain").getAttribute("href")).endsWith("/register");
		screenshot("drive-join-ended");
		jdbc.sql("UPDATE need SET state = 'WITHDRAWN' WHERE id = ?").param(need).update();
	}
}
