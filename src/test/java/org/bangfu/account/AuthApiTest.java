package org.bangfu.account;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTest extends ApplicationTest {

	@Test
	void loginGivesABearerTokenThatShowsTheCallerAndItsScopes() {
		ApiClient api = api();
		String token = api.login("13800000004", DEMO_PASSWORD);
		Answer me = api.get("/api/v1/me", token);
		assertThat(me.status()).isEqualTo(200);
		JsonNode body = me.json();
		assertThat(body.get("phone").asString()).isEqualTo("138****0004");
		assertThat(body.get("roles").get(0).asString()).isEqualTo("VILLAGE_OFFICER");
		assertThat(body.get("scopes").get(0).get("regionCode").asString()).isEqualTo("430421100203");
		assertThat(body.get("scopes").get(0).get("regionName").asString()).isEqualTo("西渡村委会");
	}

	@Test
	void thePhoneMayBeWrittenWithSpacesOrCountryCode() {
		assertThat(api().login("+86 138 0000 0001", DEMO_PASSWORD)).isNotBlank();
	}

	@Test
	void aWrongPasswordIs401InChinese() {
		Answer a = api().post("/api/v1/auth/login", "{\"phone\":\"13800000004\",\"password\":\"wrong\"}", null);
		assertThat(a.status()).isEqualTo(401);
		assertThat(a.contentType()).startsWith("application/problem+json");
		assertThat(a.json().get("detail").asString()).isEqualTo("手机号或密码错误。");
		Answer unknown = api().post("/api/v1/auth/login", "{\"phone\":\"13999999999\",\"password\":\"Bangfu@2017\"}", null);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.json().get("detail").asString()).isEqualTo("手机号或密码错误。");
	}

	@Test
	void malformedLoginRequestsAre400() {
		Answer notJson = api().post("/api/v1/auth/login", "{phone:", null);
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().get("detail").asString()).isEqualTo("请求格式不正确，请检查后重试。");
		Answer missing = api().post("/api/v1/auth/login", "{\"phone\":\"13800000004\"}", null);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("detail").asString()).isEqualTo("请填写手机号和密码。");
	}

	@Test
	void withoutATokenOrWithAForgedOneTheApiAnswers401() {
		Answer none = api().get("/api/v1/me");
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.json().get("detail").asString()).isEqualTo("请先登录（需要有效的登录令牌）。");
		assertThat(api().get("/api/v1/me", "forged-token").status()).isEqualTo(401);
	}

	@Test
	void aTokenIsDeadAfterLogout() {
		ApiClient api = api();
		String token = api.login("13800000021", DEMO_PASSWORD);
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/auth/logout", null, token).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	@Test
	void tokensAreStoredOnlyAsHashesAndPhonesOnlyEncrypted() {
		String token = api().login("13800000002", DEMO_PASSWORD);
		assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE encode(token_hash, 'escape') LIKE '%' || ? || '%'")
			.param(token).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM account WHERE encode(phone_cipher, 'escape') LIKE '%13800000002%'")
			.query(Long.class).single()).isZero();
	}
}
