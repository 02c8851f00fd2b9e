package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.bangfu.account.Role;
import org.bangfu.pledge.MatchingFixtures;
import org.bangfu.region.Regions;
import org.bangfu.shared.CreditCode;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A social organisation of 常宁市 after a member pledged: its public page on a 360 px phone and a desktop; and an
 * ambassador's page with a link, its QR code and the reach of a visit. Screenshots under target/screenshots/org-*.
 */
class OrganisationBrowserTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	private String account(String name, Role... roles) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, DonorType.INDIVIDUAL, null, null, null));
		for (Role r : roles) {
			accounts.grant(id, r, r.isStaff() ? regions.get(RegionCode.parse("430482")) : null, null);
		}
		return phone;
	}

	@Test
	void thePublicPageOfAnOrganisationAfterHelpAndTheAmbassadorsPage() {
		var api = api();
		String founder = account("常宁联盟会长", Role.DONOR);
		String member = account("王春花", Role.DONOR);
		String admin = account("常宁审核员", Role.COUNTY_ADMIN);
		String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder first17 = new StringBuilder("51430482");
		SecureRandom random = new SecureRandom();
		for (int i = 0; i < 9; i++) {
			first17.append(chars.charAt(random.nextInt(chars.length())));
		}
		String founderToken = api.login(founder, DEMO_PASSWORD);
		long id = api.post("/api/v1/organisations", """
				{"name":"常宁市社会扶贫联盟","kind":"ALLIANCE","regionCode":"430482","creditCode":"%s","contact":"会长 0734-7220000",
				 "introduction":"由常宁市爱心企业、商会和个人自愿组成，结对帮扶常宁的困难家庭，认领需求、送货上门。"}"""
			.formatted(CreditCode.withCheckCharacter(first17.toString())), founderToken).json().get("id").asLong();
		assertThat(api.post("/api/v1/organisations/" + id + "/approve", null, api.login(admin, DEMO_PASSWORD)).status()).isEqualTo(200);
		String memberToken = api.login(member, DEMO_PASSWORD);
		long m = api.post("/api/v1/organisations/" + id + "/members", null, memberToken).json().get("id").asLong();
		api.post("/api/v1/organisations/" + id + "/members/" + m + "/accept", null, founderToken);
		String village = jdbc.sql("SELECT code FROM region WHERE code LIKE '430482%' AND length(code) = 12 ORDER BY code OFFSET 2 LIMIT 1")
			.query(String.class).single();
		long need = MatchingFixtures.publishedNeed(jdbc, clock.instant(), village, "ELDERLY_CARE", "常宁独居老人冬衣", new long[] { 4, 120000 });
		assertThat(api.post("/api/v1/needs/" + need + "/pledges", "{\"quantity\":2}", memberToken).status()).isEqualTo(201);

		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/organisations/" + id);
		assertThat(find("#org-name").getText()).isEqualTo("常宁市社会扶贫联盟");
		assertThat(find("#org-pledges").getText()).isEqualTo("1");
		assertThat(find("#org-pledged").getText()).contains("600");
		assertThat(find("#org-recent").getText()).contains("王*花").doesNotContain("王春花");
		assertThat(browser.getPageSource()).doesNotContain("0734-7220000");
		assertThat(noHorizontalOverflow()).as("fits a 360 px screen").isTrue();
		screenshot("org-page");

		String ambassador = account("常宁形象大使", Role.DONOR, Role.AMBASSADOR);
		String code = api.post("/api/v1/ambassador/links", "{\"name\":\"常宁冬衣推广\",\"target\":\"NEED:" + need + "\"}",
				api.login(ambassador, DEMO_PASSWORD)).json().get("code").asString();
		open("/a/" + code);
		assertThat(browser.getCurrentUrl()).endsWith("/needs/" + need);
		browser.manage().deleteAllCookies();
		logIn(ambassador, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/ambassador");
		assertThat(find("#amb-links").getText()).contains("常宁冬衣推广", "/a/" + code);
		assertThat(find(".amb-visits").getText()).isEqualTo("1");
		assertThat(noHorizontalOverflow()).as("fits a 360 px screen").isTrue();
		screenshot("org-ambassador");
	}
}
