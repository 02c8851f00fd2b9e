package org.bangfu.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.team.TeamFixtures.*;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.account.Accounts;
import org.bangfu.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** A volunteer on a 360 px phone applies, is approved by the county (through the API), and signs up for a task. */
class TeamBrowserTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Test
	void aVolunteerAppliesOnAPhoneAndSignsUpForATask() {
		String phone = newPhone();
		long volunteer = account(accounts, jdbc, phone, "珠晖热心人", "DONOR", null);
		String countyPhone = newPhone();
		account(accounts, jdbc, countyPhone, "珠晖县管理中心", "COUNTY_ADMIN", COUNTY);
		String officerPhone = newPhone();
		account(accounts, jdbc, officerPhone, "王江信息员", "VILLAGE_OFFICER", VILLAGE);

		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		logIn(phone, DEMO_PASSWORD);
		open("/me");
		find("#join-team").click();
		find("#role-VOLUNTEER").click();
		new Select(find("#area")).selectByValue(TOWNSHIP);
		find("#skills").sendKeys("会开三轮车，能搬重物");
		find("#availability").sendKeys("周末全天");
		screenshot("team-apply-form");
		find("#apply-submit").click();
		assertThat(find("#team-notice").getText()).contains("申请已提交");
		assertThat(find("#my-applications").getText()).contains("衡州路街道").contains("待审批");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("team-apply-sent");
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));

		ApiClient api = api();
		String county = api.login(countyPhone, DEMO_PASSWORD);
		long id = api.get("/api/v1/teams/applications", county).json().findValues("id").stream()
			.filter(n -> jdbc.sql("SELECT account_id FROM team_application WHERE id = ?").param(n.asLong()).query(Long.class).single() == volunteer)
			.findFirst().orElseThrow().asLong();
		assertThat(api.post("/api/v1/teams/applications/" + id + "/approve", "{}", county).status()).isEqualTo(200);
		String when = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(2)), ZoneId.of("Asia/Shanghai")).withNano(0).toString();
		Answer task = api.post("/api/v1/teams/tasks", """
				{"kind":"DELIVERY","title":"把认领的床送到王大爷家","description":"上午九点村委会集合","regionCode":"%s","startsAt":"%s",
				 "estimatedHours":2.5,"wanted":3}""".formatted(VILLAGE, when), api.login(officerPhone, DEMO_PASSWORD));
		assertThat(task.status()).as(task.body()).isEqualTo(201);
		long taskId = task.json().get("id").asLong();

		open("/teams/apply");
		assertThat(find("#my-applications").getText()).contains("已批准");
		find("#to-tasks").click();
		assertThat(find("#task-" + taskId).getText()).contains("把认领的床送到王大爷家").contains("0 / 3 人");
		find("#sign-up-" + taskId).click();
		assertThat(find("#team-notice").getText()).contains("报名成功");
		assertThat(find("#task-" + taskId).getText()).contains("已报名").contains("1 / 3 人");
		assertThat(find("#my-hours").getText()).contains("0 小时");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("team-task-signed-up");
		assertThat(browser.findElements(By.cssSelector("#main-menu a[href='/teams/tasks']"))).isNotEmpty();
	}

	/** The verifier reads the expert's answer on the need's page; the officer's task page with hours to confirm. */
	@Test
	void theVerifierSeesTheAdviceOnTheNeedAndTheOfficerConfirmsHours() {
		ApiClient api = api();
		String countyPhone = newPhone();
		account(accounts, jdbc, countyPhone, "珠晖县管理中心", "COUNTY_ADMIN", COUNTY);
		String officerPhone = newPhone();
		long officer = account(accounts, jdbc, officerPhone, "王江信息员", "VILLAGE_OFFICER", VILLAGE);
		String managerPhone = newPhone();
		account(accounts, jdbc, managerPhone, "衡州路审核员", "TOWNSHIP_MANAGER", TOWNSHIP);
		String doctorPhone = newPhone();
		account(accounts, jdbc, doctorPhone, "李医生", "DONOR", null);
		String county = api.login(countyPhone, DEMO_PASSWORD);
		approved(api, api.login(doctorPhone, DEMO_PASSWORD), county, "EXPERT", COUNTY, "[\"MEDICAL\"]");
		long need = publishedNeed(jdbc, clock.instant(), VILLAGE, "MEDICAL", "偏瘫老人需要轮椅", officer);
		String officerToken = api.login(officerPhone, DEMO_PASSWORD);
		long advice = api.post("/api/v1/needs/" + need + "/advice-requests", "{\"field\":\"MEDICAL\",\"question\":\"适合哪种轮椅？\"}",
				officerToken).json().get("id").asLong();
		assertThat(api.post("/api/v1/teams/advice/" + advice + "/answer", "{\"answer\":\"护理型轮椅，带刹车和坐便。\"}",
				api.login(doctorPhone, DEMO_PASSWORD)).status()).isEqualTo(200);

		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		logIn(managerPhone, DEMO_PASSWORD);
		open("/needs/" + need);
		assertThat(waiting().until(d -> d.findElement(By.cssSelector("#team-advice .advice-answer"))).getText()).contains("护理型轮椅");
		scrollTo("#team-advice");
		screenshot("team-need-advice");
		assertThat(noHorizontalOverflow()).isTrue();

		// a task two days ahead, a volunteer signed up; three days later the officer confirms the hours on the page
		String volunteerPhone = newPhone();
		account(accounts, jdbc, volunteerPhone, "志愿者丙", "DONOR", null);
		String volunteer = api.login(volunteerPhone, DEMO_PASSWORD);
		approved(api, volunteer, county, "VOLUNTEER", COUNTY, "[]");
		String when = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(2)), ZoneId.of("Asia/Shanghai")).withNano(0).toString();
		long task = api.post("/api/v1/teams/tasks", """
				{"kind":"VISIT","title":"走访独居老人","regionCode":"%s","startsAt":"%s","estimatedHours":2,"wanted":2,"needId":%d}"""
			.formatted(VILLAGE, when, need), officerToken).json().get("id").asLong();
		long signup = api.post("/api/v1/teams/tasks/" + task + "/signups", "{}", volunteer).json().get("id").asLong();
		clock.advance(Duration.ofDays(3));

		browser.manage().deleteAllCookies();
		logIn(officerPhone, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/teams/tasks");
		assertThat(find("#task-form").isDisplayed()).isTrue();
		find("#hours-" + signup).sendKeys("2.5");
		find("#hours-" + signup).submit();
		assertThat(find("#team-notice").getText()).contains("时长已确认");
		assertThat(find("#scope-tasks").getText()).contains("志愿者丙").contains("2.5 h");
		assertThat(find("#volunteer-hours").getText()).contains("志愿者丙");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("team-officer-tasks");
		assertThat(api.get("/api/v1/teams/hours", volunteer).json().get("hours").asDouble()).isEqualTo(2.5);
	}
}
