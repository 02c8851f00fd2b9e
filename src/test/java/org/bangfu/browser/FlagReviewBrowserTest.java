package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.ApiClient;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.need.NeedFixtures;
import org.bangfu.region.Regions;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A flag has consequences (issue 16), as the township station and the county center do it: the station writes its
 * reason next to the flags, the need waits for the county, which sees it first in its queue with the station's reason
 * and publishes it with its own. Region: 蒸湘区 (430408), 呆鹰岭镇, 新阳村委会.
 */
class FlagReviewBrowserTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Autowired
	PersonalData personalData;

	private String staff(Role role, String region, String name) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(RegionCode.parse(region)), null);
		return phone;
	}

	@Test
	void theStationWritesItsReasonAndTheCountyApproves() {
		ApiClient api = api();
		String officer = api.login(staff(Role.VILLAGE_OFFICER, "430408100200", "新阳村信息员"), DEMO_PASSWORD);
		String township = staff(Role.TOWNSHIP_MANAGER, "430408100", "呆鹰岭镇管理员");
		String county = staff(Role.COUNTY_ADMIN, "430408", "蒸湘区管理中心");
		long household = NeedFixtures.household(jdbc, personalData, "430408100200", "周德厚", true);
		long id = NeedFixtures.create(api, officer, """
				{"category":"OTHER","title":"周德厚家康复用跑步机","story":"老人膝盖手术后，医生建议每天在家做行走训练。","householdId":%d,
				 "items":[{"kind":"生活用品","name":"跑步机","quantity":1,"unit":"台","valueFen":150000}]}""".formatted(household));
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, officer).status()).isEqualTo(200);
		NeedFixtures.confirmByForm(api, officer, id);

		logIn(township, DEMO_PASSWORD);
		open("/needs/" + id);
		assertThat(find("#need-flags").getText()).contains("跑步机", "上一级复核");
		assertThat(browser.findElements(By.cssSelector("#need-actions #need-verify"))).as("no one-click publish").isEmpty();
		find("#verify-reason").sendKeys("已入户核实：老人膝盖术后，医生开具康复训练建议，家中无其他锻炼条件。");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("flag-review-station-reason");
		find("#need-verify").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "待上级复核"));
		assertThat(find("#need-awaiting-higher").getText()).contains("待县级复核", "医生开具康复训练建议");
		assertThat(browser.findElements(By.id("verify-reason"))).as("the station cannot approve twice").isEmpty();
		assertThat(find("#need-decisions").getText()).contains("乡镇 · 呆鹰岭镇", "通过，提交上级复核");
		open("/needs/queue?region=430408100");
		assertThat(find("li[data-need='" + id + "']").getText()).contains("已提交，待县级复核", "医生开具康复训练建议");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("flag-review-station-queue");

		browser.manage().deleteAllCookies();
		logIn(county, DEMO_PASSWORD);
		open("/needs/queue?region=430408");
		assertThat(find("#queue li").getText()).as("the county's queue shows it first").contains("待您复核", "呆鹰岭镇：已入户核实");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("flag-review-county-queue");
		open("/needs/" + id);
		assertThat(find("#need-awaiting-higher").getText()).contains("医生开具康复训练建议");
		find("#verify-reason").sendKeys("县级复核：已电话回访主治医生，康复训练确需，同意发布。");
		find("#need-verify").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "已审核通过并发布"));
		assertThat(find("#need-decisions").getText()).contains("乡镇 · 呆鹰岭镇", "县级 · 蒸湘区", "通过并发布", "电话回访主治医生");
		assertThat(noHorizontalOverflow()).isTrue();
		scrollTo("#need-decisions");
		screenshot("flag-review-county-published");

		browser.manage().deleteAllCookies();
		open("/needs/" + id);
		assertThat(browser.findElements(By.id("need-decisions"))).as("the public does not see the decisions").isEmpty();
	}
}
