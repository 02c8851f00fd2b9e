package org.bangfu.household;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.shared.IdentityNumber;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Households register themselves against the registry, or their officer registers them and they claim it later. */
class HouseholdAccountsTest extends ApplicationTest {

	private long householdId(String head) {
		return jdbc.sql("SELECT id FROM household WHERE head_name = ?").param(head).query(Long.class).single();
	}

	private Answer selfRegister(String phone, String name, String id) {
		api().post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"REGISTER\"}", null);
		return api().post("/api/v1/auth/register-household", """
				{"phone":"%s","code":"%s","password":"Jiating2026","name":"%s","idNumber":"%s"}"""
			.formatted(phone, lastCodeSentTo(phone), name, id), null);
	}

	@Test
	void aHouseholdRegistersItselfWithItsHeadsIdNumberAndName() {
		String id = IdentityNumber.withCheckCharacter("43042119620704002");
		Answer notInRegistry = selfRegister(newPhone(), "李桂花", id);
		assertThat(notInRegistry.status()).isEqualTo(400);
		assertThat(notInRegistry.json().get("detail").asString()).startsWith("在建档立卡名册中找不到该户主");

		String phone = newPhone();
		assertThat(selfRegister(phone, "李桂英", id).status()).isEqualTo(201);
		ApiClient api = api();
		JsonNode me = api.get("/api/v1/me", api.login(phone, "Jiating2026")).json();
		assertThat(me.get("scopes").get(0).get("role").asString()).isEqualTo("HOUSEHOLD");
		assertThat(me.get("scopes").get(0).get("regionCode").asString()).isEqualTo("430421100203");
		assertThat(selfRegister(newPhone(), "李桂英", id).status()).isEqualTo(409);
	}

	@Test
	void theOfficerRegistersAHouseholdWhichLaterClaimsItWithItsOwnPhone() {
		ApiClient api = api();
		long wang = householdId("王春生");
		Answer other = api.post("/api/v1/households/" + wang + "/account", "{}", api.login("13800000014", DEMO_PASSWORD));
		assertThat(other.status()).as("the officer of another village").isEqualTo(404);
		String officer = api.login("13800000004", DEMO_PASSWORD);
		Answer proxied = api.post("/api/v1/households/" + wang + "/account", "{}", officer);
		assertThat(proxied.status()).isEqualTo(201);
		assertThat(proxied.json().get("accountId").isNull()).isFalse();
		assertThat(proxied.json().get("maskedHeadId").asString()).matches("4304\\*{10}\\d{3}[\\dX]");
		assertThat(api.post("/api/v1/households/" + wang + "/account", "{}", officer).status()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT registered_by FROM account WHERE id = ?").param(proxied.json().get("accountId").asLong())
			.query(Long.class).single()).isEqualTo(api.get("/api/v1/me", officer).json().get("id").asLong());

		String phone = newPhone();
		Answer claimed = selfRegister(phone, "王春生", IdentityNumber.withCheckCharacter("43042119750118003"));
		assertThat(claimed.status()).isEqualTo(201);
		assertThat(claimed.json().get("accountId").asLong()).isEqualTo(proxied.json().get("accountId").asLong());
		assertThat(api.get("/api/v1/me", api.login(phone, "Jiating2026")).json().get("roles").get(0).asString()).isEqualTo("HOUSEHOLD");
	}

	@Test
	void staffSeeTheirScopesHouseholdsMaskedAndOthersNone() {
		ApiClient api = api();
		JsonNode list = api.get("/api/v1/households", api.login("13800000004", DEMO_PASSWORD)).json();
		assertThat(list.size()).isGreaterThanOrEqualTo(4);
		list.forEach(h -> {
			assertThat(h.get("regionCode").asString()).isEqualTo("430421100203");
			assertThat(h.get("maskedHeadId").asString()).contains("**********");
		});
		assertThat(api.get("/api/v1/households?region=430422103231", api.login("13800000004", DEMO_PASSWORD)).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/households", api.login("13800000021", DEMO_PASSWORD)).status()).isEqualTo(403);
	}
}
