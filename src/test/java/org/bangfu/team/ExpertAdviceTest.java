package org.bangfu.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.team.TeamFixtures.*;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.PageSession;
import org.bangfu.account.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Experts' advice on a need: routed by field and area, refused outside them, read by the verifier and never by the public. */
class ExpertAdviceTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	@Test
	void adviceIsRoutedByFieldAndAreaAndTheVerifierReadsIt() throws Exception {
		ApiClient api = api();
		String countyPhone = newPhone();
		account(accounts, jdbc, countyPhone, "珠晖县管理中心", "COUNTY_ADMIN", COUNTY);
		String officerPhone = newPhone();
		long officer = account(accounts, jdbc, officerPhone, "王江信息员", "VILLAGE_OFFICER", VILLAGE);
		String managerPhone = newPhone();
		account(accounts, jdbc, managerPhone, "衡州路审核员", "TOWNSHIP_MANAGER", TOWNSHIP);
		String county = api.login(countyPhone, DEMO_PASSWORD);
		String doctorPhone = newPhone(), teacherPhone = newPhone(), farDoctorPhone = newPhone(), donorPhone = newPhone();
		long doctor = account(accounts, jdbc, doctorPhone, "李医生", "DONOR", null);
		account(accounts, jdbc, teacherPhone, "周老师", "DONOR", null);
		account(accounts, jdbc, farDoctorPhone, "茶山坳赵医生", "DONOR", null);
		account(accounts, jdbc, donorPhone, "普通爱心人士", "DONOR", null);
		approved(api, api.login(doctorPhone, DEMO_PASSWORD), county, "EXPERT", COUNTY, "[\"MEDICAL\",\"ELDER_CARE\"]");
		approved(api, api.login(teacherPhone, DEMO_PASSWORD), county, "EXPERT", COUNTY, "[\"SCHOOLING\"]");
		approved(api, api.login(farDoctorPhone, DEMO_PASSWORD), county, "EXPERT", OTHER_TOWNSHIP, "[\"MEDICAL\"]");
		long need = publishedNeed(jdbc, clock.instant(), VILLAGE, "MEDICAL", "中风老人需要轮椅", officer);

		String officerToken = api.login(officerPhone, DEMO_PASSWORD);
		assertThat(api.post("/api/v1/needs/" + need + "/advice-requests", "{\"field\":\"MEDICAL\",\"question\":\"\"}", officerToken).status())
			.isEqualTo(400);
		assertThat(api.post("/api/v1/needs/" + need + "/advice-requests", "{\"field\":\"MEDICAL\",\"question\":\"要什么\"}",
				api.login(OTHER_COUNTY_ADMIN, DEMO_PASSWORD)).status()).isEqualTo(404);
		Answer asked = api.post("/api/v1/needs/" + need + "/advice-requests",
				"{\"field\":\"MEDICAL\",\"question\":\"偏瘫老人适合普通轮椅还是护理型轮椅？\"}", officerToken);
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		long advice = asked.json().get("id").asLong();

		// routed: the medical expert of the county sees it and is told; the teacher and the doctor of another township do not
		String doctorToken = api.login(doctorPhone, DEMO_PASSWORD);
		String teacherToken = api.login(teacherPhone, DEMO_PASSWORD);
		String farToken = api.login(farDoctorPhone, DEMO_PASSWORD);
		assertThat(api.get("/api/v1/teams/advice", doctorToken).body()).contains("护理型轮椅");
		assertThat(api.get("/api/v1/teams/advice", teacherToken).body()).doesNotContain("护理型轮椅");
		assertThat(api.get("/api/v1/teams/advice", farToken).body()).doesNotContain("护理型轮椅");
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE account_id = ? AND message_key = 'team.notice.advice-asked'")
			.param(doctor).query(Long.class).single()).isEqualTo(1);

		Answer outsideField = api.post("/api/v1/teams/advice/" + advice + "/answer", "{\"answer\":\"买最便宜的\"}", teacherToken);
		assertThat(outsideField.status()).isEqualTo(403);
		assertThat(outsideField.body()).contains("不在您的专家领域内");
		Answer outsideArea = api.post("/api/v1/teams/advice/" + advice + "/answer", "{\"answer\":\"买最便宜的\"}", farToken);
		assertThat(outsideArea.status()).isEqualTo(403);
		assertThat(outsideArea.body()).contains("不在您的服务地区内");
		assertThat(api.post("/api/v1/teams/advice/" + advice + "/answer", "{\"answer\":\"买最便宜的\"}", api.login(donorPhone, DEMO_PASSWORD))
			.status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT answer FROM expert_advice WHERE id = ?").param(advice).query(String.class).optional()).isEmpty();

		Answer answered = api.post("/api/v1/teams/advice/" + advice + "/answer", "{\"answer\":\"建议护理型轮椅，带坐便和刹车。\"}", doctorToken);
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(api.post("/api/v1/teams/advice/" + advice + "/answer", "{\"answer\":\"再答一次\"}", doctorToken).status()).isEqualTo(409);

		// the verifier (the township manager) reads it on the need; the public and other counties do not
		Answer onNeed = api.get("/api/v1/needs/" + need + "/advice", api.login(managerPhone, DEMO_PASSWORD));
		assertThat(onNeed.status()).isEqualTo(200);
		assertThat(onNeed.json().get(0).get("answer").asString()).isEqualTo("建议护理型轮椅，带坐便和刹车。");
		assertThat(onNeed.json().get(0).get("answeredBy").asString()).isEqualTo("李医生");
		assertThat(api.get("/api/v1/needs/" + need + "/advice", api.login(donorPhone, DEMO_PASSWORD)).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/needs/" + need + "/advice", api.login(OTHER_COUNTY_ADMIN, DEMO_PASSWORD)).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/needs/" + need + "/advice").status()).isEqualTo(401);

		PageSession verifier = new PageSession(port).login(managerPhone);
		assertThat(verifier.get("/needs/" + need).text()).contains("/teams/needs/" + need + "/advice");
		PageSession.Page fragment = verifier.get("/teams/needs/" + need + "/advice");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.text()).contains("建议护理型轮椅，带坐便和刹车。").contains("偏瘫老人适合普通轮椅还是护理型轮椅？");
		PageSession visitor = new PageSession(port);
		assertThat(visitor.get("/needs/" + need).text()).doesNotContain("/teams/needs/" + need + "/advice").doesNotContain("建议护理型轮椅");
		assertThat(new PageSession(port).login(donorPhone).get("/teams/needs/" + need + "/advice").text()).doesNotContain("建议护理型轮椅");
	}
}
