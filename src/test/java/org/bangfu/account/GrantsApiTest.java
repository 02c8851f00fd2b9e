package org.bangfu.account;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Top-down grants within scope, the staff directory, and the authorisation matrix of issue 3. */
class GrantsApiTest extends ApplicationTest {

	static final String XIDU_VILLAGE = "430421100203";

	static final String CHASHI_VILLAGE = "430422103231";

	/** A region outside the whole city, for the city admin's "outside" case. */
	static final String ZHUZHOU_VILLAGE = "430202001001";

	@BeforeEach
	void zhuzhouExists() {
		jdbc.sql("""
				INSERT INTO region (code, name, level, parent_code, prefix) VALUES
				('430200', '株洲市', 'CITY', '430000', '4302'), ('430202', '荷塘区', 'COUNTY', '430200', '430202'),
				('430202001', '月塘街道', 'TOWNSHIP', '430202', '430202001'),
				('430202001001', '月塘社区居委会', 'VILLAGE', '430202001', '430202001001')
				ON CONFLICT (code) DO NOTHING""").update();
	}

	private Answer grant(String token, String phone, String role, String region, String name) {
		return api().post("/api/v1/grants", """
				{"phone":"%s","role":"%s","regionCode":"%s","name":"%s"}""".formatted(phone, role, region, name), token);
	}

	@Test
	void aCountyAdminGrantsAVillageOfficerWhoLogsInWithAnSmsCode() {
		ApiClient api = api();
		String county = api.login("13800000002", DEMO_PASSWORD);
		String phone = newPhone();
		Answer granted = grant(county, phone, "VILLAGE_OFFICER", "430421100013", "刘新官");
		assertThat(granted.status()).isEqualTo(201);
		assertThat(granted.json().get("regionName").asString()).isEqualTo("壕塘社区居委会");
		assertThat(granted.json().get("phone").asString()).contains("****");
		assertThat(api.get("/api/v1/admin/sms-outbox?phone=" + phone, api.login("13800000001", DEMO_PASSWORD)).json().get(0).get("text").asString())
			.contains("村信息员", "壕塘社区居委会", "验证码登录");

		assertThat(api.post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"LOGIN\"}", null).status()).isEqualTo(202);
		Answer login = api.post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + lastCodeSentTo(phone) + "\"}", null);
		assertThat(login.status()).isEqualTo(200);
		String officer = login.json().get("token").asString();
		JsonNode me = api.get("/api/v1/me", officer).json();
		assertThat(me.get("scopes").get(0).get("role").asString()).isEqualTo("VILLAGE_OFFICER");
		assertThat(me.get("hasPassword").asBoolean()).isFalse();
		assertThat(api.post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"password\":\"anything1\"}", null).status()).isEqualTo(401);

		// revoked: the very next request of the officer's token no longer carries the role
		long grantId = granted.json().get("grantId").asLong();
		assertThat(api.delete("/api/v1/grants/" + grantId, api.login("13800000012", DEMO_PASSWORD)).status()).as("another county").isEqualTo(404);
		assertThat(api.delete("/api/v1/grants/" + grantId, county).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", officer).json().get("roles").size()).isZero();
		assertThat(api.delete("/api/v1/grants/" + grantId, county).status()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT action FROM operation_log WHERE target = ? ORDER BY id").param("account:" + me.get("id").asLong())
			.query(String.class).list()).containsExactly("grant.create", "grant.revoke");
	}

	@Test
	void forgedRolesLevelsAndScopesAreRefused() {
		ApiClient api = api();
		String county = api.login("13800000002", DEMO_PASSWORD);
		Answer above = grant(county, newPhone(), "COUNTY_ADMIN", "430421", "某人");
		assertThat(above.status()).isEqualTo(403);
		assertThat(above.json().get("detail").asString()).isEqualTo("您无权授予或撤销该角色。");
		assertThat(grant(county, newPhone(), "CITY_ADMIN", "430421", "某人").status()).isEqualTo(403);
		Answer unknown = grant(county, newPhone(), "SUPERUSER", "430421", "某人");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("detail").asString()).isEqualTo("角色“SUPERUSER”不存在。");
		Answer level = grant(county, newPhone(), "VILLAGE_OFFICER", "430421100", "某人");
		assertThat(level.status()).isEqualTo(400);
		assertThat(level.json().get("detail").asString()).isEqualTo("“村信息员”只能授予在村（社区）一级的区划上。");
		Answer beside = grant(county, newPhone(), "VILLAGE_OFFICER", CHASHI_VILLAGE, "某人");
		assertThat(beside.status()).isEqualTo(404);
		assertThat(grant(county, newPhone(), "VILLAGE_OFFICER", XIDU_VILLAGE, "").status()).as("a new account needs a name").isEqualTo(400);
		assertThat(grant(county, "13800000004", "VILLAGE_OFFICER", XIDU_VILLAGE, "").status()).as("already held").isEqualTo(409);
		String donor = api.login("13800000021", DEMO_PASSWORD);
		assertThat(grant(donor, newPhone(), "VILLAGE_OFFICER", XIDU_VILLAGE, "某人").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/grants", donor).status()).isEqualTo(403);
	}

	/**
	 * Every staff role against a target inside and outside its scope, for a read (the staff
	 * directory), a write (granting a village officer) and the operation log.
	 */
	@Test
	void authorisationMatrix() {
		ApiClient api = api();
		record Case(String phone, String role, String outside, int readIn, int writeIn, int logIn) {
		}
		List<Case> cases = List.of(
				new Case("13800000001", "CITY_ADMIN", ZHUZHOU_VILLAGE, 200, 201, 200),
				new Case("13800000002", "COUNTY_ADMIN", CHASHI_VILLAGE, 200, 201, 200),
				new Case("13800000003", "TOWNSHIP_MANAGER", CHASHI_VILLAGE, 200, 403, 403),
				new Case("13800000004", "VILLAGE_OFFICER", CHASHI_VILLAGE, 200, 403, 403));
		List<String> seen = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		for (Case c : cases) {
			String token = api.login(c.phone(), DEMO_PASSWORD);
			seen.add(c.role() + " read in " + api.get("/api/v1/grants?region=" + XIDU_VILLAGE, token).status());
			seen.add(c.role() + " read out " + api.get("/api/v1/grants?region=" + c.outside(), token).status());
			seen.add(c.role() + " write in " + grant(token, newPhone(), "VILLAGE_OFFICER", XIDU_VILLAGE, "矩阵" + c.role()).status());
			seen.add(c.role() + " write out " + grant(token, newPhone(), "VILLAGE_OFFICER", c.outside(), "矩阵").status());
			seen.add(c.role() + " log in " + api.get("/api/v1/admin/operation-log?region=" + XIDU_VILLAGE, token).status());
			seen.add(c.role() + " log out " + api.get("/api/v1/admin/operation-log?region=" + c.outside(), token).status());
			expected.addAll(List.of(c.role() + " read in " + c.readIn(), c.role() + " read out 404", c.role() + " write in " + c.writeIn(),
					c.role() + " write out 404", c.role() + " log in " + c.logIn(),
					c.role() + " log out " + (c.logIn() == 200 ? 404 : 403)));
		}
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@Test
	void theDirectoryListsOnlyTheScopesStaffWithMaskedPhones() {
		ApiClient api = api();
		JsonNode hengnan = api.get("/api/v1/grants", api.login("13800000012", DEMO_PASSWORD)).json();
		List<String> regions = new ArrayList<>();
		hengnan.forEach(m -> regions.add(m.get("regionCode").asString()));
		assertThat(regions).isNotEmpty().allMatch(r -> r.startsWith("430422"));
		hengnan.forEach(m -> assertThat(m.get("phone").asString()).matches("1\\d\\d\\*{4}\\d{4}"));
	}
}
