package org.bangfu.account;

import org.bangfu.shared.web.FailureStatus;
import java.time.Duration;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.shared.BadInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SMS codes: sent through the outbox, limited, single use, expiring, with few tries. */
class SmsCodesTest extends ApplicationTest {

	@Autowired
	SmsCodes codes;

	@Autowired
	Accounts accounts;

	@Autowired
	org.bangfu.shared.PersonalData personalData;

	@Autowired
	org.bangfu.notify.Sms sms;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	private Answer requestCode(String phone, String purpose) {
		return api().post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"" + purpose + "\"}", null);
	}

	@Test
	void aCodeIsSentAndReadableInTheOutbox() {
		String phone = newPhone();
		Answer a = requestCode(phone, "REGISTER");
		assertThat(a.status()).isEqualTo(202);
		assertThat(a.json().get("expiresIn").asInt()).isEqualTo(300);
		assertThat(lastCodeSentTo(phone)).matches("\\d{6}");
		assertThat(jdbc.sql("SELECT status FROM sms_message ORDER BY id DESC LIMIT 1").query(String.class).single()).isEqualTo("SENT");
	}

	@Test
	void oneCodeAMinuteAndTenADayPerPhone() {
		String phone = newPhone();
		assertThat(requestCode(phone, "REGISTER").status()).isEqualTo(202);
		Answer again = requestCode(phone, "REGISTER");
		assertThat(again.status()).isEqualTo(429);
		assertThat(again.json().get("detail").asString()).startsWith("发送太频繁，请").endsWith("秒后再试。");
		for (int i = 2; i <= 10; i++) {
			clock.advance(Duration.ofSeconds(61));
			assertThat(requestCode(phone, "REGISTER").status()).as("code %d", i).isEqualTo(202);
		}
		clock.advance(Duration.ofSeconds(61));
		Answer eleventh = requestCode(phone, "REGISTER");
		assertThat(eleventh.status()).isEqualTo(429);
		assertThat(eleventh.json().get("detail").asString()).contains("上限");
		clock.advance(Duration.ofHours(24));
		assertThat(requestCode(phone, "REGISTER").status()).isEqualTo(202);
	}

	@Test
	void manyPhonesFromOneAddressAreLimitedPerAddress() {
		// the production defaults (the tests' configuration lifts them, as every test sends from 127.0.0.1)
		SmsCodes limited = new SmsCodes(jdbc, accounts, personalData, sms, clock, transactions, 10, 100);
		String ip = "198.51.100." + (System.nanoTime() % 200 + 1);
		for (int i = 0; i < 10; i++) {
			limited.send(newPhone(), SmsCodes.Purpose.REGISTER, ip);
		}
		assertThatThrownBy(() -> limited.send(newPhone(), SmsCodes.Purpose.REGISTER, ip))
			.isInstanceOfSatisfying(BadInputException.class, e -> {
				assertThat(FailureStatus.of(e).value()).isEqualTo(429);
				assertThat(e.messageKey()).isEqualTo("sms.ip-limit");
			});
	}

	@Test
	void aCodeIsSingleUseAndExpiresAfterFiveMinutes() {
		String phone = newPhone();
		requestCode(phone, "REGISTER");
		String code = lastCodeSentTo(phone);
		codes.consume(phone, SmsCodes.Purpose.REGISTER, code);
		assertThatThrownBy(() -> codes.consume(phone, SmsCodes.Purpose.REGISTER, code)).extracting("messageKey").isEqualTo("sms.code.used");

		clock.advance(Duration.ofSeconds(61));
		requestCode(phone, "REGISTER");
		String second = lastCodeSentTo(phone);
		clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThatThrownBy(() -> codes.consume(phone, SmsCodes.Purpose.REGISTER, second)).extracting("messageKey").isEqualTo("sms.code.expired");
	}

	@Test
	void fiveWrongTriesBurnTheCode() {
		String phone = newPhone();
		requestCode(phone, "REGISTER");
		String code = lastCodeSentTo(phone);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> codes.consume(phone, SmsCodes.Purpose.REGISTER, wrong)).extracting("messageKey").isEqualTo("sms.code.wrong");
		}
		assertThatThrownBy(() -> codes.consume(phone, SmsCodes.Purpose.REGISTER, code)).extracting("messageKey").isEqualTo("sms.code.too-many-tries");
	}

	@Test
	void badRequestsForCodesAreRefusedClearly() {
		ApiClient api = api();
		Answer malformed = api.post("/api/v1/auth/sms-codes", "{\"phone\":\"1380000\",\"purpose\":\"REGISTER\"}", null);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("detail").asString()).isEqualTo("手机号格式不正确，应为 11 位中国大陆手机号。");
		Answer taken = requestCode("13800000021", "REGISTER");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("detail").asString()).isEqualTo("该手机号已注册。");
		assertThat(requestCode(newPhone(), "LOGIN").status()).as("answered like a registered phone (LoginHardeningTest)").isEqualTo(202);
		assertThat(requestCode(newPhone(), "HACK").status()).isEqualTo(400);
	}

	@Test
	void theOutboxIsForTheCityOfficeOnly() {
		ApiClient api = api();
		assertThat(api.get("/api/v1/admin/sms-outbox").status()).isEqualTo(401);
		assertThat(api.get("/api/v1/admin/sms-outbox", api.login("13800000002", DEMO_PASSWORD)).status()).isEqualTo(403);
		Answer city = api.get("/api/v1/admin/sms-outbox", api.login("13800000001", DEMO_PASSWORD));
		assertThat(city.status()).isEqualTo(200);
		assertThat(city.body()).doesNotContainPattern("\"phone\":\"1\\d{10}\"").contains("****");
	}
}
