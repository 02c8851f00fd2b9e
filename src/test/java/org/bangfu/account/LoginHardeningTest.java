package org.bangfu.account;

import org.bangfu.shared.web.FailureStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.shared.BadInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Logins as an attacker tries them (issue 12): many at once on one account, one password sprayed over
 * many accounts from one address, probing which phones are registered, and what a stolen password is
 * worth once its owner has changed it.
 */
class LoginHardeningTest extends ApplicationTest {

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

	@Autowired
	java.time.Clock testClock;

	private String registeredDonor(String password) {
		return LoginSecurityTest.registeredDonor(this, password);
	}

	private Answer passwordLogin(String phone, String password) {
		return LoginSecurityTest.passwordLogin(this, phone, password);
	}

	/** Runs the calls all at once, from as many threads, and answers their results. */
	private static <T> List<T> atOnce(int n, Callable<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aHundredSimultaneousWrongPasswordsGetFiveChecks() throws Exception {
		String phone = registeredDonor("Bingfa2026");
		List<Integer> statuses = atOnce(100, () -> passwordLogin(phone, "Wrong2026").status());
		assertThat(statuses.stream().filter(s -> s == 401).count()).as("passwords checked").isEqualTo(5);
		assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(95);
		assertThat(passwordLogin(phone, "Bingfa2026").status()).as("the right password while locked").isEqualTo(429);
	}

	@Test
	void fortySimultaneousWrongCodesGetFiveChecks() throws Exception {
		String phone = registeredDonor("Duanxin2026");
		clock.advance(java.time.Duration.ofSeconds(61));
		assertThat(api().post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"LOGIN\"}", null).status()).isEqualTo(202);
		String right = lastCodeSentTo(phone);
		String wrong = right.equals("000000") ? "111111" : "000000";
		List<String> details = atOnce(40, () -> api().post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + wrong + "\"}", null)
			.json().get("detail").asString());
		assertThat(details.stream().filter(d -> d.equals("验证码不正确。")).count()).as("codes compared").isEqualTo(5);
		assertThat(api().post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + right + "\"}", null).status())
			.as("the right code after five tries").isEqualTo(400);
	}

	@Test
	void oneAddressSprayingAPasswordOverManyAccountsIsSlowed(@Autowired Accounts accounts, @Autowired org.bangfu.shared.PersonalData personalData) {
		LoginThrottle throttle = new LoginThrottle(jdbcClient, testClock, 5, 3);
		String address = "203.0.113." + (System.nanoTime() % 200 + 1);
		for (int i = 0; i < 3; i++) {
			throttle.attempt("spray-" + i + "-" + address, address);
		}
		assertThatThrownBy(() -> throttle.attempt("spray-3-" + address, address)).isInstanceOfSatisfying(BadInputException.class, e -> {
			assertThat(FailureStatus.of(e).value()).isEqualTo(429);
			assertThat(e.messageKey()).isEqualTo("auth.login.address-locked");
		});
		throttle.attempt("spray-4", "203.0.113.250");
		clock.advance(LoginThrottle.WINDOW.plusMinutes(1));
		throttle.attempt("spray-5-" + address, address);
	}

	@Test
	void nobodyLearnsWhichPhonesAreRegistered() {
		String registered = registeredDonor("Meiju2026");
		String unknown = newPhone();
		for (int i = 0; i < 5; i++) {
			Answer wrongPassword = passwordLogin(registered, "Wrong2026");
			Answer unknownPhone = passwordLogin(unknown, "Wrong2026");
			assertThat(unknownPhone.status()).isEqualTo(wrongPassword.status()).isEqualTo(401);
			assertThat(unknownPhone.json().get("detail").asString()).isEqualTo(wrongPassword.json().get("detail").asString());
		}
		Answer locked = passwordLogin(registered, "Wrong2026");
		Answer lockedUnknown = passwordLogin(unknown, "Wrong2026");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(lockedUnknown.status()).isEqualTo(429);
		assertThat(lockedUnknown.json().get("detail").asString()).isEqualTo(locked.json().get("detail").asString());

		clock.advance(java.time.Duration.ofSeconds(61));
		Answer codeForUnknown = api().post("/api/v1/auth/sms-codes", "{\"phone\":\"" + unknown + "\",\"purpose\":\"LOGIN\"}", null);
		Answer codeForRegistered = api().post("/api/v1/auth/sms-codes", "{\"phone\":\"" + registered + "\",\"purpose\":\"LOGIN\"}", null);
		assertThat(codeForUnknown.status()).isEqualTo(202);
		assertThat(codeForUnknown.body()).isEqualTo(codeForRegistered.body());
		String admin = api().login("13800000001", DEMO_PASSWORD);
		assertThat(api().get("/api/v1/admin/sms-outbox?phone=" + unknown, admin).json().size()).as("nothing is sent to an unknown phone").isZero();
		Answer again = api().post("/api/v1/auth/sms-codes", "{\"phone\":\"" + unknown + "\",\"purpose\":\"LOGIN\"}", null);
		assertThat(again.status()).as("the per-phone limit holds alike").isEqualTo(429);
		assertThat(api().post("/api/v1/auth/login", "{\"phone\":\"" + unknown + "\",\"code\":\"123456\"}", null).json().get("detail").asString())
			.isIn("验证码不正确。", "验证码输错次数过多，请重新获取。");
	}

	@Test
	void changingThePasswordEndsEveryOtherSessionAndToken() {
		String phone = registeredDonor("Jiu2026mima");
		ApiClient api = api();
		String thief = api.login(phone, "Jiu2026mima");
		String owner = api.login(phone, "Jiu2026mima");
		assertThat(api.put("/api/v1/me/password", "{\"oldPassword\":\"Jiu2026mima\",\"newPassword\":\"Xin2026mima\"}", owner).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", thief).status()).as("the other token").isEqualTo(401);
		assertThat(api.get("/api/v1/me", owner).status()).as("the token that changed it").isEqualTo(200);
	}

	@Test
	void aSecondEnterpriseCannotUseACreditCodeAlreadyRegistered() {
		String code = org.bangfu.shared.CreditCode.withCheckCharacter("91430400MA4L0009" + "3");
		Answer first = registerEnterprise(code);
		assertThat(first.status()).isEqualTo(201);
		Answer second = registerEnterprise(code);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("detail").asString()).startsWith("该统一社会信用代码已有账户注册");
	}

	private Answer registerEnterprise(String creditCode) {
		String phone = newPhone();
		api().post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"REGISTER\"}", null);
		return api().post("/api/v1/auth/register", """
				{"phone":"%s","code":"%s","password":"Qiye2026ab","donorType":"ENTERPRISE","name":"衡阳某某有限公司","creditCode":"%s"}"""
			.formatted(phone, lastCodeSentTo(phone), creditCode), null);
	}
}
