package org.bangfu.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.team.TeamFixtures.*;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Applying to a team, and the county's decision: approval grants the role over the area, rejection tells why. */
class TeamApplicationTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	String donorPhone, countyPhone, managerPhone;

	long donor;

	@BeforeEach
	void people() {
		donorPhone = newPhone();
		donor = account(accounts, jdbc, donorPhone, "珠晖爱心人士", "DONOR", null);
		countyPhone = newPhone();
		account(accounts, jdbc, countyPhone, "珠晖县管理中心", "COUNTY_ADMIN", COUNTY);
		managerPhone = newPhone();
		account(accounts, jdbc, managerPhone, "衡州路审核员", "TOWNSHIP_MANAGER", TOWNSHIP);
	}

	@Test
	void theCountyApprovesAndTheRoleIsGrantedOverTheArea() {
		ApiClient api = api();
		String me = api.login(donorPhone, DEMO_PASSWORD);
		String county = api.login(countyPhone, DEMO_PASSWORD);
		// not a volunteer yet: no tasks
		assertThat(api.get("/api/v1/teams/tasks", me).status()).isEqualTo(403);

		long id = apply(api, me, "VOLUNTEER", TOWNSHIP, "[]");
		Answer again = api.post("/api/v1/teams/applications", """
				{"role":"VOLUNTEER","area":"430405","skills":"再申请一次","availability":"周末"}""", me);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("等待审批");

		// another county's admin does not see it; a township manager in scope may not decide it
		assertThat(api.post("/api/v1/teams/applications/" + id + "/approve", "{}", api.login(OTHER_COUNTY_ADMIN, DEMO_PASSWORD)).status())
			.isEqualTo(404);
		assertThat(api.post("/api/v1/teams/applications/" + id + "/approve", "{}", api.login(managerPhone, DEMO_PASSWORD)).status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/teams/applications", api.login(OTHER_COUNTY_ADMIN, DEMO_PASSWORD)).body()).doesNotContain("珠晖爱心人士");

		Answer queue = api.get("/api/v1/teams/applications", county);
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).contains("\"id\":" + id).contains("衡州路街道");
		Answer own = api.get("/api/v1/teams/applications", me);
		assertThat(own.json().get(0).get("state").asString()).isEqualTo("PENDING");

		Answer approved = api.post("/api/v1/teams/applications/" + id + "/approve", "{}", county);
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
		assertThat(api.post("/api/v1/teams/applications/" + id + "/approve", "{}", county).status()).isEqualTo(409);

		// the role is held over the area: the volunteer sees tasks now
		assertThat(jdbc.sql("SELECT count(*) FROM role_grant WHERE account_id = ? AND role = 'VOLUNTEER' AND region_code = ? AND revoked_at IS NULL")
			.params(donor, TOWNSHIP).query(Long.class).single()).isEqualTo(1);
		assertThat(api.get("/api/v1/teams/tasks", me).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE account_id = ? AND message_key = 'team.notice.approved.VOLUNTEER'")
			.param(donor).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'team.approve' AND target = ?")
			.param("account:" + donor).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRejectionNeedsAReasonAndTellsTheApplicant() {
		ApiClient api = api();
		String me = api.login(donorPhone, DEMO_PASSWORD);
		String county = api.login(countyPhone, DEMO_PASSWORD);
		Answer noField = api.post("/api/v1/teams/applications", """
				{"role":"EXPERT","area":"430405","skills":"主治医师","availability":"周末"}""", me);
		assertThat(noField.status()).isEqualTo(400);
		assertThat(noField.body()).contains("至少选择一个领域");
		assertThat(api.post("/api/v1/teams/applications", """
				{"role":"SUPERVISOR","area":"430405","skills":"x","availability":"y"}""", me).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/teams/applications", """
				{"role":"VOLUNTEER","area":"430421","skills":"x","availability":"y"}""", me).status()).isEqualTo(201); // another county: its own queue
		assertThat(api.post("/api/v1/teams/applications", """
				{"role":"AMBASSADOR","area":"110000","skills":"x","availability":"y"}""", me).status()).isEqualTo(400);

		long id = apply(api, me, "EXPERT", COUNTY, "[\"MEDICAL\",\"ELDER_CARE\"]");
		Answer noReason = api.post("/api/v1/teams/applications/" + id + "/reject", "{\"reason\":\" \"}", county);
		assertThat(noReason.status()).isEqualTo(400);
		Answer rejected = api.post("/api/v1/teams/applications/" + id + "/reject", "{\"reason\":\"请补充执业证书\"}", county);
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		assertThat(rejected.json().get("state").asString()).isEqualTo("REJECTED");
		assertThat(rejected.json().get("reason").asString()).isEqualTo("请补充执业证书");
		assertThat(jdbc.sql("SELECT count(*) FROM role_grant WHERE account_id = ? AND role = 'EXPERT'").param(donor).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE account_id = ? AND message_key = 'team.notice.rejected'")
			.param(donor).query(Long.class).single()).isEqualTo(1);
		// decided: a new application may follow
		apply(api, me, "EXPERT", COUNTY, "[\"MEDICAL\"]");
	}
}
