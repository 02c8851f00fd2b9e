package org.bangfu.account;

import java.time.Duration;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lockout after wrong passwords, SMS-code login, password change, logging out everywhere. */
class LoginSecurityTest extends ApplicationTest {

	/** A newly registered individual donor's phone (registered through the API with its SMS code). */
	static String registeredDonor(ApplicationTest test, String password) {
		String phone = newPhone();
		ApiClient api = test.api();
		api.post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"REGISTER\"}", null);
		Answer created = api.post("/api/v1/auth/register", """
				{"phone":"%s","code":"%s","password":"%s","donorType":"INDIVIDUAL","name":"测试爱心"}"""
			.formatted(phone, test.lastCodeSentTo(phone), password), null);
		assertThat(created.status()).isEqualTo(201);
		return phone;
	}

	private String registeredDonor(String password) {
		return registeredDonor(this, password);
	}

	static Answer passwordLogin(ApplicationTest test, String phone, String password) {
		return test.api().post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"password\":\"" + password + "\"}", null);
	}

	private Answer passwordLogin(String phone, String password) {
		return passwordLogin(this, phone, password);
	}

	@Test
	void fiveWrongPasswordsLockThePasswordForFifteenMinutesButAnSmsCodeStillWorks() {
		String phone = registeredDonor("Suoding2026");
		for (int i = 0; i < 5; i++) {
			assertThat(passwordLogin(phone, "Wrong2026").status()).isEqualTo(401);
		}
		Answer locked = passwordLogin(phone, "Suoding2026");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.json().get("detail").asString()).startsWith("密码连续输错 5 次");

		clock.advance(Duration.ofMinutes(16));
		assertThat(passwordLogin(phone, "Suoding2026").status()).isEqualTo(200);

		for (int i = 0; i < 5; i++) {
			passwordLogin(phone, "Wrong2026");
		}
		assertThat(passwordLogin(phone, "Suoding2026").status()).isEqualTo(429);
		clock.advance(Duration.ofSeconds(61));
		api().post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"LOGIN\"}", null);
		Answer byCode = api().post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + lastCodeSentTo(phone) + "\"}", null);
		assertThat(byCode.status()).isEqualTo(200);
		assertThat(passwordLogin(phone, "Suoding2026").status()).as("the code login lifted the lock").isEqualTo(200);
	}

	@Test
	void changingThePasswordNeedsTheOldOne() {
		String phone = registeredDonor("Jiumima2026");
		ApiClient api = api();
		String token = api.login(phone, "Jiumima2026");
		Answer noOld = api.put("/api/v1/me/password", "{\"newPassword\":\"Xinmima2026\"}", token);
		assertThat(noOld.status()).isEqualTo(400);
		assertThat(noOld.json().get("detail").asString()).isEqualTo("请输入原密码。");
		assertThat(api.put("/api/v1/me/password", "{\"oldPassword\":\"Wrong2026\",\"newPassword\":\"Xinmima2026\"}", token).json()
			.get("detail").asString()).isEqualTo("原密码不正确。");
		assertThat(api.put("/api/v1/me/password", "{\"oldPassword\":\"Jiumima2026\",\"newPassword\":\"" + phone + "a\"}", token).status())
			.isEqualTo(400);
		assertThat(api.put("/api/v1/me/password", "{\"oldPassword\":\"Jiumima2026\",\"newPassword\":\"Xinmima2026\"}", token).status())
			.isEqualTo(204);
		assertThat(passwordLogin(phone, "Jiumima2026").status()).isEqualTo(401);
		assertThat(passwordLogin(phone, "Xinmima2026").status()).isEqualTo(200);
	}

	@Test
	void loggingOutEverywhereEndsEveryToken() {
		String phone = registeredDonor("Quanbu2026");
		ApiClient api = api();
		String phoneApp = api.login(phone, "Quanbu2026");
		String tablet = api.login(phone, "Quanbu2026");
		assertThat(api.post("/api/v1/auth/logout-all", null, phoneApp).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", phoneApp).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me", tablet).status()).isEqualTo(401);
		assertThat(passwordLogin(phone, "Quanbu2026").status()).isEqualTo(200);
	}

	@Test
	void anExpiredTokenIsRefused() {
		ApiClient api = api();
		String token = api.login("13800000021", DEMO_PASSWORD);
		clock.advance(ApiTokens.LIFETIME.plusMinutes(1));
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
	}
}
