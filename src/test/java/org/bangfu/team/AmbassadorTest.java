package org.bangfu.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.PageSession;
import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.bangfu.account.Role;
import org.bangfu.pledge.MatchingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An image ambassador's share link in 常宁市 (430482): visit, registration through it, the reach of the person it brought. */
class AmbassadorTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	String ambassador() {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, "常宁形象大使", DEMO_PASSWORD, DonorType.INDIVIDUAL, null, null, null));
		accounts.grant(id, Role.DONOR, null, null);
		accounts.grant(id, Role.AMBASSADOR, null, null);
		return phone;
	}

	Answer register(String phone, String joinCode) {
		assertThat(api().post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"REGISTER\"}", null).status()).isEqualTo(202);
		String code = lastCodeSentTo(phone);
		return api().post("/api/v1/auth/register", """
				{"phone":"%s","code":"%s","password":"%s","donorType":"INDIVIDUAL","name":"常宁新人","joinCode":"%s"}"""
			.formatted(phone, code, DEMO_PASSWORD, joinCode), null);
	}

	@Test
	void aLinkVisitLeadsToARegistrationAndItsPledgeCounts() throws Exception {
		String amb = ambassador();
		String token = api().login(amb, DEMO_PASSWORD);
		assertThat(api().post("/api/v1/ambassador/links", "{\"name\":\"重阳节推广\",\"target\":\"FUND\"}", api().login("13800000021", DEMO_PASSWORD))
			.status()).as("not an ambassador").isEqualTo(403);
		assertThat(api().post("/api/v1/ambassador/links", "{\"name\":\"重阳节推广\",\"target\":\"somewhere\"}", token).status()).isEqualTo(400);
		Answer created = api().post("/api/v1/ambassador/links", "{\"name\":\"重阳节推广\",\"target\":\"FUND\"}", token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String code = created.json().get("code").asString();
		assertThat(code).matches("A-[a-z2-9]{8}");
		assertThat(created.json().get("url").asString()).endsWith("/a/" + code);

		PageSession visitor = new PageSession(port);
		PageSession.Page followed = visitor.get("/a/" + code);
		assertThat(followed.status()).isEqualTo(302);
		visitor.get("/a/" + code); // the same session: one visit
		new PageSession(port).get("/a/" + code); // another: a second
		assertThat(visitor.get("/register").text()).contains("value=\"" + code + "\"");

		String phone = newPhone();
		Answer registered = register(phone, code);
		assertThat(registered.status()).as(registered.body()).isIn(200, 201);
		long accountId = accounts.findByPhone(phone).orElseThrow().id();
		assertThat(jdbc.sql("SELECT count(*) FROM ambassador_reach WHERE account_id = ?").param(accountId).query(Long.class).single()).isEqualTo(1);

		String village = jdbc.sql("SELECT code FROM region WHERE code LIKE '430482%' AND length(code) = 12 ORDER BY code OFFSET 1 LIMIT 1")
			.query(String.class).single();
		long need = MatchingFixtures.publishedNeed(jdbc, clock.instant(), village, "ELDERLY_CARE", "常宁老人棉被", new long[] { 2, 40000 });
		assertThat(api().post("/api/v1/needs/" + need + "/pledges", "{\"quantity\":1}", api().login(phone, DEMO_PASSWORD)).status()).isEqualTo(201);

		Answer mine = api().get("/api/v1/ambassador/links", token);
		assertThat(mine.status()).isEqualTo(200);
		var reach = mine.json().get(0).get("reach");
		assertThat(reach.get("visits").asLong()).isEqualTo(2);
		assertThat(reach.get("registrations").asLong()).isEqualTo(1);
		assertThat(reach.get("pledges").asLong()).isEqualTo(1);
		assertThat(reach.get("valuePledgedFen").asLong()).isEqualTo(20000);

		PageSession page = new PageSession(port).login(amb);
		String html = page.get("/ambassador").text();
		assertThat(html).contains("重阳节推广").contains("/a/" + code);
		long linkId = created.json().get("id").asLong();
		assertThat(page.get("/ambassador/links/" + linkId + "/qr.png").status()).isEqualTo(200);
		assertThat(new PageSession(port).login("13800000001").get("/ambassadors").text()).contains("常宁形象大使");
	}

	@Test
	void anUnknownOrEndedCodeRefusesTheRegistration() {
		String phone = newPhone();
		Answer refused = register(phone, "A-zzzzzzzz");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("A-zzzzzzzz");
		assertThat(accounts.findByPhone(phone)).as("nothing created").isEmpty();

		String token = api().login(ambassador(), DEMO_PASSWORD);
		Answer created = api().post("/api/v1/ambassador/links", "{\"name\":\"已结束的推广\",\"target\":\"HOME\"}", token);
		assertThat(api().post("/api/v1/ambassador/links/" + created.json().get("id").asLong() + "/end", null, token).status()).isEqualTo(200);
		String other = newPhone();
		assertThat(register(other, created.json().get("code").asString()).status()).isEqualTo(400);
		assertThat(accounts.findByPhone(other)).isEmpty();
	}
}
