package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.bangfu.account.Role;
import org.bangfu.fund.FundFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign invitation for a money line, answered on a phone (issue 14): the donor says what happens if the need ends
 * unfunded, accepts, and reads the reference code to quote on the transfer. In 曲兰镇 (430421108), the fund's township
 * for campaigns.
 */
class CampaignMoneyBrowserTest extends BrowserTest {

	private static final String COUNTY = "13800000002";

	@Autowired
	Accounts accounts;

	@Test
	void aDonorAcceptsAShareOfAnOperationOnAPhoneAndGetsAReferenceCode() {
		ApiClient api = api();
		jdbc.sql("""
				DELETE FROM campaign_invitation WHERE need_id IN (SELECT id FROM need WHERE region_code IN (
				    SELECT code FROM region WHERE parent_code = '430421108'))""").update();
		String village = FundFixtures.emptyVillage(jdbc, "430421108", 2);
		long operation = FundFixtures.moneyNeed(jdbc, clock.instant(), village, "髋关节置换手术费用", 2_500_000, 0);
		String phone = newPhone();
		long donor = accounts.create(new Accounts.NewAccount(phone, "衡阳康复器械有限公司", DEMO_PASSWORD, DonorType.ENTERPRISE, null, null, null));
		accounts.grant(donor, Role.DONOR, null, null);
		String admin = api.login(COUNTY, DEMO_PASSWORD);
		long campaign = api.post("/api/v1/campaigns", """
				{"name":"手术费帮扶","regionCode":"%s","categories":[]}""".formatted(village), admin).json().get("id").asLong();
		assertThat(api.post("/api/v1/campaigns/" + campaign + "/donors", """
				{"phone":"%s","budgetFen":1000000,"categories":[]}""".formatted(phone), admin).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/campaigns/" + campaign + "/allocate", null, admin).status()).isEqualTo(200);
		Answer sent = api.post("/api/v1/campaigns/" + campaign + "/send", "{\"respondDays\":7}", admin);
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		long invitation = jdbc.sql("SELECT id FROM campaign_invitation WHERE campaign_id = ? AND need_id = ?").params(campaign, operation)
			.query(Long.class).single();

		logIn(phone, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/campaigns/invitations");
		assertThat(find("#invitation-" + invitation).getText()).contains("手术费", "10,000 元", "定向捐赠");
		new Select(find("#if-unfunded-" + invitation)).selectByValue("POOL");
		assertThat(noHorizontalOverflow()).as("the money invitation fits a 360 px screen").isTrue();
		screenshot("campaign-money-invitation");
		find("#accept-" + invitation).click();
		waiting().until(d -> !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
		assertThat(find(".alert.ok").getText()).contains("捐赠已登记");
		String code = jdbc.sql("SELECT reference_code FROM fund_gift WHERE donor_id = ? AND need_id = ?").params(donor, operation)
			.query(String.class).single();
		assertThat(find("#invitation-gift-" + invitation).getText()).contains(code);
		assertThat(browser.findElements(By.id("accept-" + invitation))).isEmpty();
		screenshot("campaign-money-accepted");
	}
}
