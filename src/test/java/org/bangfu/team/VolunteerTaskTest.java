package org.bangfu.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.team.TeamFixtures.*;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Volunteer tasks: sign-ups while the task is ahead and not full, hours confirmed by staff in scope, never by oneself. */
class VolunteerTaskTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	String countyPhone, officerPhone, managerPhone, aPhone, bPhone, donorPhone;

	long a;

	@BeforeEach
	void people() {
		countyPhone = newPhone();
		account(accounts, jdbc, countyPhone, "珠晖县管理中心", "COUNTY_ADMIN", COUNTY);
		officerPhone = newPhone();
		account(accounts, jdbc, officerPhone, "王江信息员", "VILLAGE_OFFICER", VILLAGE);
		managerPhone = newPhone();
		account(accounts, jdbc, managerPhone, "衡州路审核员", "TOWNSHIP_MANAGER", TOWNSHIP);
		aPhone = newPhone();
		a = account(accounts, jdbc, aPhone, "志愿者甲", "DONOR", null);
		bPhone = newPhone();
		account(accounts, jdbc, bPhone, "志愿者乙", "DONOR", null);
		donorPhone = newPhone();
		account(accounts, jdbc, donorPhone, "未申请的人", "DONOR", null);
		ApiClient api = api();
		String county = api.login(countyPhone, DEMO_PASSWORD);
		approved(api, api.login(aPhone, DEMO_PASSWORD), county, "VOLUNTEER", TOWNSHIP, "[]");
		approved(api, api.login(bPhone, DEMO_PASSWORD), county, "VOLUNTEER", COUNTY, "[]");
	}

	private String when(Duration fromNow) {
		return LocalDateTime.ofInstant(clock.instant().plus(fromNow), ZoneId.of("Asia/Shanghai")).withNano(0).toString();
	}

	private long task(ApiClient api, String token, int wanted) {
		Answer t = api.post("/api/v1/teams/tasks", """
				{"kind":"DELIVERY","title":"把认领的床送到王大爷家","description":"村委会集合，两人抬","regionCode":"%s",
				 "startsAt":"%s","estimatedHours":3,"wanted":%d}""".formatted(VILLAGE, when(Duration.ofDays(2)), wanted), token);
		assertThat(t.status()).as(t.body()).isEqualTo(201);
		return t.json().get("id").asLong();
	}

	@Test
	void volunteersSignUpUntilFullAndStaffConfirmTheirHours() {
		ApiClient api = api();
		String officer = api.login(officerPhone, DEMO_PASSWORD);
		String volunteerA = api.login(aPhone, DEMO_PASSWORD);
		String volunteerB = api.login(bPhone, DEMO_PASSWORD);
		long task = task(api, officer, 1);

		// bad tasks: nothing posted
		assertThat(api.post("/api/v1/teams/tasks", """
				{"kind":"DELIVERY","title":"送米","regionCode":"430421100203","startsAt":"%s","estimatedHours":2,"wanted":1}"""
			.formatted(when(Duration.ofDays(1))), officer).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/teams/tasks", """
				{"kind":"DELIVERY","title":"送米","regionCode":"%s","startsAt":"%s","estimatedHours":20,"wanted":1}"""
			.formatted(VILLAGE, when(Duration.ofDays(1))), officer).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/teams/tasks", """
				{"kind":"VISIT","title":"走访","regionCode":"%s","startsAt":"%s","estimatedHours":2,"wanted":1}"""
			.formatted(VILLAGE, when(Duration.ofDays(-1))), officer).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/teams/tasks", """
				{"kind":"VISIT","title":"走访","regionCode":"%s","startsAt":"%s","estimatedHours":2,"wanted":1}"""
			.formatted(VILLAGE, when(Duration.ofDays(1))), volunteerA).status()).isEqualTo(403);

		assertThat(api.get("/api/v1/teams/tasks", volunteerA).body()).contains("把认领的床送到王大爷家");
		Answer signed = api.post("/api/v1/teams/tasks/" + task + "/signups", "{}", volunteerA);
		assertThat(signed.status()).as(signed.body()).isEqualTo(201);
		long signup = signed.json().get("id").asLong();
		Answer twice = api.post("/api/v1/teams/tasks/" + task + "/signups", "{}", volunteerA);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.body()).contains("已报名");
		Answer full = api.post("/api/v1/teams/tasks/" + task + "/signups", "{}", volunteerB);
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.body()).contains("名额已满");
		Answer notVolunteer = api.post("/api/v1/teams/tasks/" + task + "/signups", "{}", api.login(donorPhone, DEMO_PASSWORD));
		assertThat(notVolunteer.status()).isEqualTo(403);
		assertThat(notVolunteer.body()).contains("只有志愿者");

		// hours: not before the task, never one's own
		String hours = "/api/v1/teams/tasks/" + task + "/signups/" + signup + "/hours";
		assertThat(api.post(hours, "{\"hours\":3}", officer).status()).isEqualTo(409);
		clock.advance(Duration.ofDays(3));
		Answer own = api.post(hours, "{\"hours\":3}", volunteerA);
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.body()).contains("不能确认自己的服务时长");
		assertThat(api.post(hours, "{\"hours\":13}", officer).status()).isEqualTo(400);
		assertThat(api.post(hours, "{\"hours\":0.25}", officer).status()).isEqualTo(400);
		assertThat(api.post(hours, "{\"hours\":3}", api.login(OTHER_COUNTY_ADMIN, DEMO_PASSWORD)).status()).isEqualTo(404);
		Answer confirmed = api.post(hours, "{\"hours\":3.5}", officer);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(api.post(hours, "{\"hours\":4}", officer).status()).isEqualTo(409);

		assertThat(api.get("/api/v1/teams/hours", volunteerA).json().get("hours").asDouble()).isEqualTo(3.5);
		Answer countyHours = api.get("/api/v1/teams/volunteer-hours", api.login(countyPhone, DEMO_PASSWORD));
		assertThat(countyHours.status()).isEqualTo(200);
		assertThat(countyHours.body()).contains("志愿者甲").contains("\"accountId\":" + a);
		assertThat(api.get("/api/v1/teams/volunteer-hours", api.login(OTHER_COUNTY_ADMIN, DEMO_PASSWORD)).body()).doesNotContain("志愿者甲");
		// the task has happened: no sign-ups, no withdrawing
		assertThat(api.delete("/api/v1/teams/tasks/" + task + "/signups/mine", volunteerA).status()).isEqualTo(409);
	}

	@Test
	void staffWhoVolunteerCannotConfirmTheirOwnHoursAndVolunteersMayWithdraw() {
		ApiClient api = api();
		String county = api.login(countyPhone, DEMO_PASSWORD);
		// the township manager volunteers too
		approved(api, api.login(managerPhone, DEMO_PASSWORD), county, "VOLUNTEER", TOWNSHIP, "[]");
		String manager = api.login(managerPhone, DEMO_PASSWORD);
		String officer = api.login(officerPhone, DEMO_PASSWORD);
		long task = task(api, officer, 2);
		Answer mine = api.post("/api/v1/teams/tasks/" + task + "/signups", "{}", manager);
		assertThat(mine.status()).as(mine.body()).isEqualTo(201);
		String volunteerB = api.login(bPhone, DEMO_PASSWORD);
		assertThat(api.post("/api/v1/teams/tasks/" + task + "/signups", "{}", volunteerB).status()).isEqualTo(201);
		assertThat(api.delete("/api/v1/teams/tasks/" + task + "/signups/mine", volunteerB).status()).isEqualTo(204);
		assertThat(api.post("/api/v1/teams/tasks/" + task + "/signups", "{}", volunteerB).status()).isEqualTo(201); // a place again

		clock.advance(Duration.ofDays(3));
		Answer self = api.post("/api/v1/teams/tasks/" + task + "/signups/" + mine.json().get("id").asLong() + "/hours", "{\"hours\":2}", manager);
		assertThat(self.status()).isEqualTo(403);
		assertThat(self.body()).contains("不能确认自己的服务时长");
		assertThat(jdbc.sql("SELECT hours FROM volunteer_signup WHERE id = ?").param(mine.json().get("id").asLong())
			.query(java.math.BigDecimal.class).optional()).isEmpty();
		assertThat(api.post("/api/v1/teams/tasks/" + task + "/signups/" + mine.json().get("id").asLong() + "/hours", "{\"hours\":2}", county)
			.status()).isEqualTo(200);
	}
}
