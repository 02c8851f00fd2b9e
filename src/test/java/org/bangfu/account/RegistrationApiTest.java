package org.bangfu.account;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.shared.CreditCode;
import org.bangfu.shared.IdentityNumber;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Donors register with phone + SMS code + password; every refusal is clear and changes nothing. */
public class RegistrationApiTest extends ApplicationTest {

	static final String VALID_CREDIT_CODE = CreditCode.withCheckCharacter("91430400MA4L0000" + "1");

	public static final String VALID_CREDIT_CODE_FOR_BROWSER = CreditCode.withCheckCharacter("91430400MA4L0000" + "2");

	private String codeFor(String phone) {
		Answer sent = api().post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"REGISTER\"}", null);
		assertThat(sent.status()).isEqualTo(202);
		return lastCodeSentTo(phone);
	}

	private Answer register(String phone, String code, String password, String type, String name, String id, String credit) {
		return api().post("/api/v1/auth/register", """
				{"phone":"%s","code":"%s","password":"%s","donorType":"%s","name":"%s"%s%s}""".formatted(phone, code, password, type, name,
				id == null ? "" : ",\"idNumber\":\"" + id + "\"", credit == null ? "" : ",\"creditCode\":\"" + credit + "\""), null);
	}

	private long accounts() {
		return jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
	}

	@Test
	void anIndividualRegistersAndLogsIn() {
		String phone = newPhone();
		String id = IdentityNumber.withCheckCharacter("43040519900101123");
		Answer created = register(phone, codeFor(phone), "Aixin2026", "INDIVIDUAL", "王爱心", id.toLowerCase(), null);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("roles").get(0).asString()).isEqualTo("DONOR");
		ApiClient api = api();
		JsonNode me = api.get("/api/v1/me", api.login(phone, "Aixin2026")).json();
		assertThat(me.get("name").asString()).isEqualTo("王爱心");
		assertThat(me.get("donorType").asString()).isEqualTo("INDIVIDUAL");
		assertThat(jdbc.sql("SELECT count(*) FROM account WHERE encode(id_number_cipher, 'escape') LIKE '%' || ? || '%'").param(id.substring(0, 10))
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT action FROM operation_log ORDER BY id DESC LIMIT 1").query(String.class).single()).isEqualTo("register.donor");
	}

	@Test
	void anEnterpriseNeedsAValidCreditCode() {
		String phone = newPhone();
		String code = codeFor(phone);
		long before = accounts();
		Answer missing = register(phone, code, "Qiye2026x", "ENTERPRISE", "衡阳爱心农业有限公司", null, null);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("detail").asString()).isEqualTo("企业注册须填写统一社会信用代码。");
		String broken = VALID_CREDIT_CODE.substring(0, 17) + (VALID_CREDIT_CODE.endsWith("0") ? "1" : "0");
		Answer bad = register(phone, code, "Qiye2026x", "ENTERPRISE", "衡阳爱心农业有限公司", null, broken);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("detail").asString()).contains("统一社会信用代码");
		assertThat(accounts()).isEqualTo(before);
		// the code was not used up by the refusals
		Answer ok = register(phone, code, "Qiye2026x", "ENTERPRISE", "衡阳爱心农业有限公司", null, VALID_CREDIT_CODE);
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.json().get("creditCode").asString()).isEqualTo(VALID_CREDIT_CODE);
	}

	@Test
	void badInputIsRefusedWithAChineseReasonAndNothingChanges() {
		String phone = newPhone();
		String code = codeFor(phone);
		long before = accounts();
		String badId = IdentityNumber.withCheckCharacter("43040519900101123");
		badId = badId.substring(0, 17) + (badId.endsWith("1") ? "2" : "1");
		assertThat(register(phone, code, "Aixin2026", "INDIVIDUAL", "王爱心", badId, null).json().get("detail").asString())
			.isEqualTo("身份证号校验位不正确，请核对。");
		assertThat(register(phone, code, "short1", "INDIVIDUAL", "王爱心", null, null).json().get("detail").asString())
			.isEqualTo("密码长度应为 8 到 64 位。");
		assertThat(register(phone, code, "onlyletters", "INDIVIDUAL", "王爱心", null, null).json().get("detail").asString())
			.isEqualTo("密码须同时包含字母和数字。");
		assertThat(register(phone, code, "Aixin2026", "ROBOT", "王爱心", null, null).status()).isEqualTo(400);
		assertThat(register(phone, code, "Aixin2026", "INDIVIDUAL", "", null, null).status()).isEqualTo(400);
		String wrong = code.equals("000000") ? "111111" : "000000";
		Answer wrongCode = register(phone, wrong, "Aixin2026", "INDIVIDUAL", "王爱心", null, null);
		assertThat(wrongCode.status()).isEqualTo(400);
		assertThat(wrongCode.json().get("detail").asString()).isEqualTo("验证码不正确。");
		assertThat(register("12345", code, "Aixin2026", "INDIVIDUAL", "王爱心", null, null).status()).isEqualTo(400);
		assertThat(accounts()).isEqualTo(before);
	}

	@Test
	void aPhoneRegistersOnlyOnceAndACodeWorksOnlyOnce() {
		String phone = newPhone();
		String code = codeFor(phone);
		assertThat(register(phone, code, "Aixin2026", "INDIVIDUAL", "赵一", null, null).status()).isEqualTo(201);
		Answer again = register(phone, code, "Aixin2026", "INDIVIDUAL", "赵一", null, null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).isEqualTo("该手机号已注册。");
	}
}
