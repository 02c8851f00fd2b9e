package org.bangfu.browser;

import java.util.concurrent.ThreadLocalRandom;

import org.bangfu.ApiClient;
import org.bangfu.account.Accounts;
import org.bangfu.household.Consent;
import org.bangfu.household.Consents;
import org.bangfu.need.NeedFixtures;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** 祁东县 (430426): a county's media administrator grants with a position, sees its stations' seats, writes and publishes a story. */
class PositionsNewsBrowserTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Consents consents;

	@Autowired
	PersonalData personalData;

	@Test
	void theStationPageShowsItsSeatsAndAPublishedStoryReachesTheHomePage() {
		ApiClient api = api();
		String phone = newPhone();
		String adminName = "祁媒" + ThreadLocalRandom.current().nextInt(1000);
		long adminId = accounts.create(new Accounts.NewAccount(phone, adminName, DEMO_PASSWORD, null, null, null, null));
		assertThat(api.post("/api/v1/grants", """
				{"phone":"%s","role":"COUNTY_ADMIN","regionCode":"430426","position":"MEDIA_ADMINISTRATOR"}""".formatted(phone),
				api.login("13800000001", DEMO_PASSWORD)).status()).isEqualTo(201);

		// the grant form: a township's information manager
		logIn(phone, DEMO_PASSWORD);
		open("/staff");
		find("#grant summary").click();
		find("#g-phone").sendKeys(newPhone());
		find("#g-name").sendKeys("归阳管理");
		new Select(find("#g-role")).selectByValue("TOWNSHIP_MANAGER");
		new Select(find("#g-position")).selectByValue("INFORMATION_MANAGER");
		find("#g-region").sendKeys("430426106");
		assertThat(submitAndRead("#grant-form button[type=submit]", ".alert.ok")).contains("归阳管理");
		assertThat(find("#staff-table").getText()).contains("信息管理员");
		screenshot("staff-positions");

		open("/stations");
		String township = browser.findElement(By.xpath("//tr[td[contains(.,'归阳镇社会扶贫网服务站')]]")).getText();
		assertThat(township).contains("信息管理员：归阳管理", "分管领导：空缺");
		scrollTo("tr:has(td.station-seats li.filled)");
		screenshot("stations-positions");

		// a story of a household that consented to publicity
		String village = jdbc.sql("SELECT min(code) FROM region WHERE parent_code = '430426106'").query(String.class).single();
		String head = "邓" + (char) ('一' + ThreadLocalRandom.current().nextInt(200)) + "华";
		long household = NeedFixtures.household(jdbc, personalData, village, head, true);
		consents.record(accounts.findById(adminId).orElseThrow(), household,
				new Consents.NewConsent(false, false, Consent.Method.WITNESSED, null, "13800000001", true), null, 0);
		open("/news/manage");
		browser.findElement(By.xpath("//label[contains(@class,'choice')][span='帮扶故事']")).click();
		find("#n-title").sendKeys(head + "老人住进了修好的房子");
		find("#n-body").sendKeys(head + "老人独自生活，房子漏雨。归阳镇的爱心企业捐了瓦片和人工，十天修好了屋顶。");
		find("#n-household").sendKeys(String.valueOf(household));
		assertThat(submitAndRead("#news-form button[type=submit]", ".alert.ok")).contains("草稿已保存");
		assertThat(submitAndRead("#news-table form[action*='/publish'] button", ".alert.ok")).contains("已发布");
		screenshot("news-manage");

		browser.manage().deleteAllCookies();
		open("/");
		String masked = head.charAt(0) + "*" + head.charAt(2);
		String latest = find("#news-latest").getText();
		assertThat(latest).contains(masked + "老人住进了修好的房子", "受助户：" + masked).doesNotContain(head);
		scrollTo("#news-latest");
		screenshot("home-story");
		assertThat(noHorizontalOverflow()).isTrue();
		find("#news-latest li a").click();
		assertThat(find("#news-article").getText()).contains(masked + "老人独自生活").doesNotContain(head);
		screenshot("news-story");
	}
}
