package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.account.Accounts;
import org.bangfu.pledge.MatchingFixtures;
import org.bangfu.need.NeedFixtures;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** An elderly household on a 360 px phone: its home, the help on its way, receipt with a photo, thanks. */
class HouseholdBrowserTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	PersonalData personalData;

	@Test
	void aHouseholdSeesItsNeedsAndTheHelpOnItsWayConfirmsItWithAPhotoAndSaysThankYou() throws Exception {
		ApiClient api = new ApiClient(port);
		long household = NeedFixtures.household(jdbc, personalData, NeedFixtures.VILLAGE, "欧阳桂兰", true);
		String phone = newPhone();
		NeedFixtures.accountFor(api, accounts, household, phone);
		String officer = api.login(NeedFixtures.OFFICER, DEMO_PASSWORD);
		String manager = api.login(NeedFixtures.MANAGER, DEMO_PASSWORD);
		long need = api.post("/api/v1/needs", NeedFixtures.quiltNeed(household, "欧阳桂兰老人过冬缺棉被", 3), officer).json().get("id").asLong();
		api.post("/api/v1/needs/" + need + "/submit", null, officer);
		NeedFixtures.confirmByForm(api, officer, need);
		api.post("/api/v1/needs/" + need + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, manager);
		long waiting = api.post("/api/v1/needs", NeedFixtures.quiltNeed(household, "欧阳桂兰家需要一床电热毯", 1), officer).json().get("id").asLong();
		api.post("/api/v1/needs/" + waiting + "/submit", null, officer);
		String donorPhone = newPhone();
		String donor = MatchingFixtures.newDonor(accounts, api, donorPhone);
		String donorName = "爱心人士" + donorPhone.substring(7);
		Answer pledged = api.postWithHeader("/api/v1/needs/" + need + "/pledges", "{\"quantity\":2}", donor, "Idempotency-Key", phone);
		long pledge = pledged.json().get("id").asLong();
		api.post("/api/v1/pledges/" + pledge + "/ship", null, donor);

		logIn(phone, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/me/household");
		assertThat(find("#hh-hello").getText()).contains("欧阳桂兰");
		assertThat(browser.findElements(By.cssSelector("nav.menu a")).stream().map(a -> a.getDomAttribute("href")).toList())
			.as("its home, its needs, notices and account; no donor tools")
			.contains("/me/household", "/needs/mine", "/me/notices", "/me")
			.doesNotContain("/pledges/mine", "/campaigns/invitations", "/offers");
		WebElement coming = find("#hh-coming-" + pledge);
		assertThat(coming.getText()).contains("棉被 2 床", org.bangfu.shared.Masking.name(donorName), "已经寄出", "送到");
		assertThat(browser.getPageSource()).doesNotContain(donorName);
		assertThat(find("#hh-need-" + need).getText()).contains("欧阳桂兰老人过冬缺棉被", "有人帮了一部分", "已有人认领 2 / 3 件");
		assertThat(find("#hh-need-" + waiting).getText()).contains("正在审核");
		assertThat(noHorizontalOverflow()).as("the home fits a 360 px screen").isTrue();
		screenshot("household-home");

		Path photo = Files.createTempDirectory("bangfu-household").resolve("quilts.jpg");
		Files.write(photo, NeedFixtures.jpeg(800, 600));
		find("#hh-photo-" + pledge).sendKeys(photo.toAbsolutePath().toString());
		assertThat(find("#hh-coming-" + pledge + " .hh-photo").getText()).contains("照片拍好了");
		scrollTo("#hh-coming-" + pledge);
		screenshot("household-photo-taken");
		assertThat(submitAndRead("#hh-coming-" + pledge + " button[type=submit]", ".alert.ok")).contains("已确认收到");
		assertThat(browser.findElements(By.id("hh-coming-" + pledge))).isEmpty();
		WebElement thank = find("#hh-thank-" + pledge);
		assertThat(thank.getText()).contains("棉被 2 床", "已收到");
		screenshot("household-received");

		find("label[for='hh-stars-" + pledge + "-5']").click();
		find("#hh-words-" + pledge).sendKeys("被子很暖和，谢谢好心人！");
		WebElement received = find(".alert.ok");
		find("#hh-thank-" + pledge + " button[type=submit]").click();
		waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(received)); // the page after the thanks, not the one before
		assertThat(find(".alert.ok").getText()).contains("谢谢");
		assertThat(browser.findElements(By.id("hh-thank-" + pledge))).isEmpty();
		assertThat(find("#hh-need-" + need).getText()).contains("已收到", "★★★★★");
		assertThat(api.get("/api/v1/needs/" + need + "/thanks").json().get(0).get("thanks").asString()).isEqualTo("被子很暖和，谢谢好心人！");
		screenshot("household-thanked");

		open("/needs/mine");
		assertThat(find("#need-mine").getText()).contains("欧阳桂兰老人过冬缺棉被", "欧阳桂兰家需要一床电热毯");
		screenshot("household-needs");

		open("/me/notices");
		assertThat(find("#notices").getText()).contains("认领了您家的需求", "已经寄出", "审核通过了");
		screenshot("household-notices");

		// another household's need: no pledge form for a household
		long neighbour = NeedFixtures.household(jdbc, personalData, NeedFixtures.VILLAGE, "欧阳松柏", true);
		long theirs = api.post("/api/v1/needs", NeedFixtures.quiltNeed(neighbour, "欧阳松柏家缺棉被", 1), officer).json().get("id").asLong();
		api.post("/api/v1/needs/" + theirs + "/submit", null, officer);
		NeedFixtures.confirmByForm(api, officer, theirs);
		api.post("/api/v1/needs/" + theirs + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, manager);
		open("/needs/" + theirs + "/pledge");
		assertThat(find("#pledging").getText()).contains("认领情况");
		assertThat(browser.findElements(By.id("pledge-form"))).isEmpty();

		open("/pledges/mine");
		assertThat(browser.getPageSource()).contains("贫困户账户不能使用捐赠功能");
		screenshot("household-refused");

		open("/me/household?lang=en");
		assertThat(find("#hh-needs").getText()).contains("Our needs", "Received");
		assertThat(browser.getPageSource()).doesNotContain("??");
	}
}
