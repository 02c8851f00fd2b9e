package org.bangfu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bangfu.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The issue 17 demo accounts' menus fit (one row on a desktop, nothing wider than a phone) and their pages show the seed:
 * the volunteer's hours, the expert's answered request, the ambassador's link, the county's training status.
 */
class DemoTeamsBrowserTest extends BrowserTest {

	@SuppressWarnings("unchecked")
	private long menuRows() {
		return ((List<Long>) ((JavascriptExecutor) browser).executeScript("""
				return Array.from(document.querySelectorAll('#main-menu > a, #main-menu > details > summary, #main-menu > form button'))
				  .filter(e => e.offsetParent !== null).map(e => Math.round(e.getBoundingClientRect().top));""")).stream().distinct().count();
	}

	private void pageFits(String phone, String path, String shot, String... shows) {
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		logIn(phone, DEMO_PASSWORD);
		open(path);
		assertThat(menuRows()).as(phone + "'s menu at " + DESKTOP_WIDTH + " px").isEqualTo(1);
		assertThat(find("main").getText()).contains(shows);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open(path);
		assertThat(noHorizontalOverflow()).as(phone + " " + path + " at " + PHONE_WIDTH + " px").isTrue();
		screenshot(shot);
	}

	@Test
	void theTeamAccountsMenusFitAndTheirPagesShowTheSeed() {
		pageFits(DemoTeams.VOLUNTEER, "/teams/tasks", "demo-volunteer-tasks", "2.5", "助行器");
		pageFits(DemoTeams.EXPERT, "/teams/advice", "demo-expert-advice", "康复科评估");
		pageFits(DemoTeams.AMBASSADOR, "/ambassador", "demo-ambassador-links", "衡阳县扫码献爱心");
		pageFits("13800000002", "/training/status", "demo-training-status", "西渡村信息员", "未培训");
		pageFits("13800000002", "/stations", "demo-stations", "媒体管理员", "空缺");
	}
}
