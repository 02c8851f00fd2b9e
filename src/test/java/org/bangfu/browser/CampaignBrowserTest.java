package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.ApiClient;
import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.bangfu.account.Role;
import org.bangfu.pledge.MatchingFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign from the county centre's desk to a donor's phone: the county admin creates it for a
 * township, adds an enterprise with its budget, computes the plan, leaves one need out and sends the
 * invitations; the enterprise's contact accepts on a phone and the pledge is made.
 */
class CampaignBrowserTest extends BrowserTest {

	private static final String COUNTY = "13800000002";

	@Autowired
	Accounts accounts;

	@Test
	void theCountyPlansAndSendsAndTheDonorAcceptsOnAPhone() {
		ApiClient api = api();
		String village = MatchingFixtures.emptyVillage(jdbc, 4);
		long wheelchair = MatchingFixtures.publishedNeed(jdbc, clock.instant(), village, "MEDICAL", "独居老人需要一台轮椅", new long[] {1, 200_000});
		long medicine = MatchingFixtures.publishedNeed(jdbc, clock.instant(), village, "MEDICAL", "慢性病人需要一年的降压药", new long[] {12, 36_000});
		long uniforms = MatchingFixtures.publishedNeed(jdbc, clock.instant(), village, "EDUCATION", "两个孩子需要校服", new long[] {2, 30_000});
		String villageName = jdbc.sql("SELECT name FROM region WHERE code = ?").param(village).query(String.class).single();
		String phone = newPhone();
		long donor = accounts.create(new Accounts.NewAccount(phone, "衡阳仁和医药连锁有限公司", DEMO_PASSWORD, DonorType.ENTERPRISE, null, null, null));
		accounts.grant(donor, Role.DONOR, null, null);

		logIn(COUNTY, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		open("/campaigns");
		find("#campaign-name").sendKeys("杉桥镇医疗帮扶对接会");
		new Select(find("#campaign-region")).selectByValue("430421103");
		find("#campaign-new input[value=MEDICAL]").findElement(By.xpath("..")).click();
		find("#campaign-create").click();
		waiting().until(d -> d.getCurrentUrl().matches(".*/campaigns/\\d+$"));
		assertThat(find(".alert.ok").getText()).contains("活动已创建");
		long campaign = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/campaigns/", ""));

		// a budget in yuan that is not an amount comes back with a clear message
		find("#donor-phone").sendKeys(phone);
		find("#donor-budget").sendKeys("三千");
		find("#donor-save").click();
		waiting().until(d -> !d.findElements(By.cssSelector(".alert.error")).isEmpty());
		assertThat(find(".alert.error").getText()).contains("预算");
		if (!find("#donor-form").isDisplayed()) {
			find("#donor-add summary").click();
		}
		find("#donor-phone").clear();
		find("#donor-phone").sendKeys(phone);
		find("#donor-budget").clear();
		find("#donor-budget").sendKeys("3,000");
		new Select(find("#donor-region")).selectByValue(village);
		find("#donor-save").click();
		waiting().until(d -> !d.findElements(By.cssSelector("#donor-table")).isEmpty());
		assertThat(find("#donor-table").getText()).contains("衡阳仁和医药连锁有限公司", "3,000 元", villageName);

		find("#allocate").click();
		waiting().until(d -> !d.findElements(By.id("proposals")).isEmpty());
		assertThat(find("#plan-figures").getText()).contains("方案满足");
		assertThat(find("#proposal-" + wheelchair).getText()).contains("独居老人需要一台轮椅", "衡阳仁和医药连锁有限公司", "2,000 元");
		assertThat(find("#proposal-" + medicine).getText()).contains("物品0 12 件", "360 元");
		assertThat(browser.findElements(By.id("proposal-" + uniforms))).as("education is not in the campaign").isEmpty();
		screenshot("campaign-plan");

		find("#drop-" + medicine).click();
		waiting().until(d -> d.findElements(By.id("proposal-" + medicine)).isEmpty());
		find("#respond-days").clear();
		find("#respond-days").sendKeys("5");
		find("#send-invitations").click();
		waiting().until(d -> !d.findElements(By.id("answer-figures")).isEmpty());
		assertThat(find("#campaign-state").getText()).isEqualTo("邀请已发出");
		assertThat(browser.findElements(By.id("allocate"))).as("a sent plan does not change").isEmpty();
		screenshot("campaign-sent");

		// the donor, on a phone
		logIn(phone, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/campaigns/invitations");
		long invitation = jdbc.sql("SELECT id FROM campaign_invitation WHERE campaign_id = ? AND need_id = ?").params(campaign, wheelchair)
			.query(Long.class).single();
		assertThat(find("#invitation-" + invitation).getText()).contains("独居老人需要一台轮椅", "杉桥镇医疗帮扶对接会", "2,000 元", "请于");
		assertThat(noHorizontalOverflow()).as("the invitations fit a 360 px screen").isTrue();
		screenshot("campaign-invitations");
		find("#accept-" + invitation).click();
		waiting().until(d -> !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
		assertThat(find(".alert.ok").getText()).contains("认领已生成");
		assertThat(browser.findElements(By.id("accept-" + invitation))).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ? AND donor_id = ?").params(wheelchair, donor).query(Integer.class).single())
			.isEqualTo(1);
		open("/pledges/mine");
		assertThat(find("#pledge-mine").getText()).contains("独居老人需要一台轮椅");
		assertThat(api.get("/api/v1/needs/" + wheelchair).json().get("state").asString()).isEqualTo("PLEDGED");
	}
}
