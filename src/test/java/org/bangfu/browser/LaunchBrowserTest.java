package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.need.Launches;
import org.bangfu.need.NeedFixtures;
import org.bangfu.need.PublicationHolds;
import org.bangfu.region.Regions;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The launch ceremony (F24) as the hall sees it: staff see the held needs as 待集中发布; the public launch page first
 * says the launch has not begun and how many needs wait, turns to the launch's figures when the hold is released, and
 * counts a donor's pledge made meanwhile — all on the same page, without reload (htmx polling). Test region: 常宁市
 * 烟洲镇 430482103.
 */
class LaunchBrowserTest extends BrowserTest {

	private static final String TOWNSHIP = "430482103";

	private static final String[] VILLAGES = { "430482103200", "430482103201", "430482103202" };

	@Autowired
	PublicationHolds holds;

	@Autowired
	Launches launches;

	@Autowired
	Regions regions;

	@Autowired
	Accounts accounts;

	@Autowired
	PersonalData personalData;

	private String pageText(String css) {
		return find(css).getText();
	}

	@Test
	void theLaunchPageCountsAPledgeMadeDuringTheCeremonyWithoutReload() {
		ApiClient api = api();
		String poster = api.login("13800000001", DEMO_PASSWORD);
		String verifierPhone = "136" + String.format("%08d", System.nanoTime() % 100_000_000L);
		long verifierId = accounts.create(new Accounts.NewAccount(verifierPhone, "烟洲审核员", DEMO_PASSWORD, null, null, null, null));
		accounts.grant(verifierId, Role.COUNTY_ADMIN, regions.get(RegionCode.parse("430482")), null);
		String verifier = api.login(verifierPhone, DEMO_PASSWORD);
		long campaign = 9_400_000_000L + System.nanoTime() % 1_000_000_000L;
		holds.hold(campaign, regions.get(RegionCode.parse(TOWNSHIP)));

		String[] heads = { "李春花", "王秋生", "赵冬梅" };
		String[] titles = { "石岭村老人过冬缺棉被", "烟洲村独居老人需要棉被", "大泉村一家四口缺冬被" };
		List<Long> needs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			long household = NeedFixtures.household(jdbc, personalData, VILLAGES[i], heads[i], true);
			long id = NeedFixtures.create(api, poster, NeedFixtures.quiltNeed(household, titles[i], 4));
			assertThat(api.post("/api/v1/needs/" + id + "/submit", null, poster).status()).isEqualTo(200);
			NeedFixtures.confirmByForm(api, poster, id);
			assertThat(api.post("/api/v1/needs/" + id + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, verifier).json().get("state").asString()).isEqualTo("VERIFIED");
			needs.add(id);
		}

		// staff in scope see the held need labelled 待集中发布, on its page and in their list
		logIn(verifierPhone, DEMO_PASSWORD);
		open("/needs/" + needs.get(0));
		assertThat(pageText(".need-tags")).contains("待集中发布");
		assertThat(pageText("#need-held")).contains("待集中发布");
		open("/needs/mine?region=" + TOWNSHIP + "&state=VERIFIED");
		assertThat(pageText("main")).contains("待集中发布", titles[1]);
		screenshot("launch-held-staff-list");
		browser.manage().deleteAllCookies();

		// before the release: the public page says so, with the count only
		open("/launches/" + campaign);
		assertThat(pageText("#launch-waiting")).contains("集中发布尚未开始", "3");
		assertThat(pageText("main")).doesNotContain(titles[0]);
		screenshot("launch-before");
		((JavascriptExecutor) browser).executeScript("window.sameLaunchPage = true;");

		// the moment: the page turns by itself
		holds.release(campaign, clock.instant());
		WebDriverWait fifteen = new WebDriverWait(browser, Duration.ofSeconds(15));
		fifteen.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> !d.findElements(By.id("launch-released")).isEmpty());
		assertThat(pageText("#launch-published strong")).isEqualTo("3");
		assertThat(pageText("#launch-pledged strong")).isEqualTo("0");
		assertThat(pageText("#launch-none")).isNotBlank();

		// a donor at the ceremony pledges one need from the phone (through the API)
		String donor = api.login("13800000021", DEMO_PASSWORD);
		ApiClient.Answer pledge = api.postWithHeader("/api/v1/needs/" + needs.get(1) + "/pledges", "{\"quantity\":2}", donor,
				"Idempotency-Key", "launch-" + campaign);
		assertThat(pledge.status()).as(pledge.body()).isEqualTo(201);
		fifteen.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> "1".equals(d.findElement(By.cssSelector("#launch-pledged strong")).getText()));
		assertThat(((JavascriptExecutor) browser).executeScript("return window.sameLaunchPage === true;"))
			.as("the same page, never reloaded").isEqualTo(true);
		String latest = pageText("#launch-latest");
		assertThat(latest).contains(titles[1], "王*生家", "烟洲村委会", "50%");
		assertThat(latest).doesNotContain("王秋生");
		assertThat(pageText("#launch-value")).contains("100 元");
		assertThat(noHorizontalOverflow()).isTrue();
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		screenshot("launch-after");
		assertThat(launches.board(campaign).pledged()).isEqualTo(1);
	}
}
