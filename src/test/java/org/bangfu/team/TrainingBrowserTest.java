package org.bangfu.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.browser.BrowserTest;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A village officer of 开云镇 (衡山县, 430423) on a 360 px phone: the reminder on its work page, a step of the guide, a
 * failed then a passed quiz; the county's status page on a desktop then shows the officer trained.
 */
class TrainingBrowserTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	private String staff(Role role, String region, String name) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(RegionCode.parse(region)), null);
		return phone;
	}

	private void answer(Map<String, String> answers) {
		answers.forEach((q, o) -> ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].click();",
				find("input[name='" + q + "'][value='" + o + "']")));
		find("#training-submit").click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#training-result, #training-error")));
	}

	@Test
	void anOfficerReadsAStepOnAPhoneAndPassesTheQuizAndTheCountySeesIt() {
		String village = jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code LIMIT 1").param(TrainingTest.TOWNSHIP)
			.query(String.class).single();
		String officer = staff(Role.VILLAGE_OFFICER, village, "开云培训信息员");
		String county = staff(Role.COUNTY_ADMIN, TrainingTest.COUNTY, "衡山县管理中心培训");

		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		logIn(officer, DEMO_PASSWORD);
		assertThat(browser.getCurrentUrl()).endsWith("/needs/mine");
		assertThat(find("#training-reminder").getText()).contains("还没有完成上岗培训");
		screenshot("training-reminder");
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		find("#training-reminder a").click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("training-steps")));
		assertThat(find("#training-steps").getText()).contains("收集需求", "取得同意", "发布需求", "本户确认", "审核", "安排配送");
		assertThat(find("#training-not-done").getText()).contains("80%");
		screenshot("training-guide");

		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		find("#training-steps li[data-step='1'] a").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("training-step-title"), "收集需求"));
		assertThat(find("#training-who").getText()).contains("村信息员");
		assertThat(find("#training-text").getText()).contains("入户走访", "跑步机", "价值上限");
		assertThat(find("#training-links").getText()).contains("贫困户名册", "需求品类规则与上限");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("training-step-1");
		find("#training-next").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("training-step-title"), "取得同意"));
		assertThat(find("#training-text").getText()).contains("签字确认书照片", "第二名工作人员见证");

		open("/training/quiz");
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		assertThat(noHorizontalOverflow()).isTrue();
		answer(TrainingTest.sevenRight());
		assertThat(find("#training-result").getText()).contains("未及格", "70", "答错的题");
		assertThat(browser.findElements(By.id("training-done"))).isEmpty();
		answer(TrainingTest.RIGHT);
		assertThat(find("#training-result").getText()).contains("及格", "100");
		assertThat(find("#training-done").getText()).contains("完成培训");
		screenshot("training-quiz-passed");
		open("/needs/mine");
		assertThat(browser.findElements(By.id("training-reminder"))).as("no reminder once trained").isEmpty();

		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		logIn(county, DEMO_PASSWORD);
		open("/training/status?region=" + TrainingTest.COUNTY);
		assertThat(find("main h1").getText()).contains("培训情况", "衡山县");
		assertThat(find("#training-groups").getText()).contains("开云镇");
		String row = browser.findElements(By.cssSelector("#training-people tr")).stream().map(e -> e.getText())
			.filter(t -> t.contains("开云培训信息员")).findFirst().orElseThrow();
		assertThat(row).contains("村信息员").doesNotContain("未培训").containsPattern("\\d{4}-\\d{2}-\\d{2}");
		assertThat(find("#training-people").getText()).contains("衡山县管理中心培训", "未培训");
		screenshot("training-status");
	}
}
