package org.bangfu.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.fieldwork.FieldFixtures.*;

import java.net.http.HttpResponse;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The pack an officer syncs before going out, and the session's key for its drafts (issue 18). Region 430476 only. */
class OfflinePackTest extends ApplicationTest {

	@Autowired
	PersonalData personalData;

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Test
	void thePackHoldsTheOfficersHouseholdsAsItSeesThemOnlineAndTheRules() {
		ApiClient api = api();
		String officer = api.login(staff(accounts, regions, "包村干部甲", Role.VILLAGE_OFFICER, VILLAGE), DEMO_PASSWORD);
		long mine = household(jdbc, personalData, VILLAGE, "刘桂英", true);
		long without = household(jdbc, personalData, VILLAGE, "陈建华", false);
		long elsewhere = household(jdbc, personalData, OTHER_VILLAGE, "王秀兰", true);

		ApiClient.Answer pack = api.get("/api/v1/offline/pack", officer);
		assertThat(pack.status()).as(pack.body()).isEqualTo(200);
		JsonNode p = pack.json();
		assertThat(p.get("generatedAt").asString()).isNotBlank();
		assertThat(p.get("regions").get(0).get("code").asString()).isEqualTo(VILLAGE);
		assertThat(p.get("regions").get(0).get("name").asString()).isEqualTo("银光社区居委会");
		assertThat(p.get("households").valueStream().map(h -> h.get("id").asLong())).contains(mine, without).doesNotContain(elsewhere);
		assertThat(p.get("households").valueStream().map(h -> h.get("regionCode").asString())).containsOnly(VILLAGE);

		// the head's name exactly as the officer's household list online shows it; no ID number, phone or poverty cause at all
		JsonNode online = api.get("/api/v1/households?region=" + VILLAGE, officer).json();
		JsonNode onlineMine = online.valueStream().filter(h -> h.get("id").asLong() == mine).findFirst().orElseThrow();
		JsonNode entry = entry(api, officer, mine);
		assertThat(entry.get("headName").asString()).isEqualTo(onlineMine.get("headName").asString());
		assertThat(entry.get("memberCount").asInt()).isEqualTo(onlineMine.get("memberCount").asInt());
		assertThat(entry.get("regionName").asString()).isEqualTo("银光社区居委会");
		assertThat(entry.toString()).doesNotContain("maskedHeadId", "maskedPhone", "povertyCause", "430421");
		assertThat(entry.get("consents").valueStream().map(c -> c.get("kind").asString())).contains("POST_ON_BEHALF", "PUBLISH_PHOTOS");
		assertThat(entry.get("consents").get(0).get("validUntil").isNull()).isTrue();
		assertThat(entry.get("postingConsent").asBoolean()).isTrue();
		assertThat(entry(api, officer, without).get("postingConsent").asBoolean()).isFalse();
		assertThat(entry(api, officer, without).get("consents")).isEmpty();

		// the rules the need form checks, and the categories of a household's need with their Chinese names
		assertThat(p.get("categoryRules").valueStream().map(r -> r.get("category").asString())).contains("MEDICAL", "OTHER");
		JsonNode other = p.get("categoryRules").valueStream().filter(r -> r.get("category").asString().equals("OTHER")).findFirst().orElseThrow();
		assertThat(other.get("maxItemValueFen").asLong()).isEqualTo(200000);
		assertThat(other.get("itemKinds").valueStream().map(JsonNode::asString)).contains("生活用品");
		assertThat(p.get("categories").valueStream().map(c -> c.get("label").asString())).contains("医疗", "其他");
		assertThat(p.get("categories").valueStream().map(c -> c.get("code").asString())).doesNotContain("VILLAGE", "PRODUCT_SALES");
	}

	@Test
	void theVersionChangesWithTheHouseholdAndItsConsents() {
		ApiClient api = api();
		String officer = api.login(staff(accounts, regions, "包村干部乙", Role.VILLAGE_OFFICER, VILLAGE), DEMO_PASSWORD);
		long h = household(jdbc, personalData, VILLAGE, "赵德明", true);
		String first = entry(api, officer, h).get("version").asString();
		assertThat(entry(api, officer, h).get("version").asString()).isEqualTo(first);

		jdbc.sql("UPDATE household SET member_count = 4 WHERE id = ?").param(h).update();
		String second = entry(api, officer, h).get("version").asString();
		assertThat(second).isNotEqualTo(first);

		long consent = jdbc.sql("SELECT id FROM consent WHERE household_id = ?").param(h).query(Long.class).single();
		assertThat(api.post("/api/v1/households/" + h + "/consents/" + consent + "/revoke", null, officer).status()).isEqualTo(204);
		JsonNode after = entry(api, officer, h);
		assertThat(after.get("version").asString()).isNotEqualTo(second);
		assertThat(after.get("postingConsent").asBoolean()).isFalse();
	}

	@Test
	void aTownshipManagerGetsItsVillagesAndNobodyElseGetsAPack() {
		ApiClient api = api();
		String manager = api.login(staff(accounts, regions, "街道管理员", Role.TOWNSHIP_MANAGER, TOWNSHIP), DEMO_PASSWORD);
		long a = household(jdbc, personalData, VILLAGE, "李春花", true);
		long b = household(jdbc, personalData, OTHER_VILLAGE, "周国强", true);
		JsonNode p = api.get("/api/v1/offline/pack", manager).json();
		assertThat(p.get("households").valueStream().map(h -> h.get("id").asLong())).contains(a, b);
		assertThat(p.get("regions").valueStream().map(r -> r.get("code").asString())).contains(TOWNSHIP, VILLAGE, OTHER_VILLAGE);

		ApiClient.Answer donor = api.get("/api/v1/offline/pack", api.login(DONOR, DEMO_PASSWORD));
		assertThat(donor.status()).isEqualTo(403);
		assertThat(donor.json().get("detail").asString()).contains("村信息员");
		String county = api.login(staff(accounts, regions, "园区中心", Role.COUNTY_ADMIN, "430476"), DEMO_PASSWORD);
		assertThat(api.get("/api/v1/offline/pack", county).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/offline/key", null, county).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/offline/pack").status()).isEqualTo(401);
	}

	@Test
	void theKeyIsTheSessionsAndGoesWithIt() throws Exception {
		String phone = staff(accounts, regions, "包村干部丙", Role.VILLAGE_OFFICER, VILLAGE);
		Browser phoneA = new Browser(port).login(phone);
		String csrf = phoneA.csrf();
		HttpResponse<String> first = phoneA.post("/api/v1/offline/key", csrf);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		JsonNode key = json(first.body());
		assertThat(java.util.Base64.getDecoder().decode(key.get("key").asString())).hasSize(32);
		assertThat(key.get("keyId").asString()).isNotBlank();
		// the same key for the session, every call
		JsonNode again = json(phoneA.post("/api/v1/offline/key", csrf).body());
		assertThat(again.get("key").asString()).isEqualTo(key.get("key").asString());
		assertThat(again.get("keyId").asString()).isEqualTo(key.get("keyId").asString());
		// the pack through the same session, not cached
		HttpResponse<String> pack = phoneA.get("/api/v1/offline/pack");
		assertThat(pack.statusCode()).isEqualTo(200);
		assertThat(pack.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		// a page session's POST needs the page's CSRF token
		assertThat(phoneA.post("/api/v1/offline/key", null).statusCode()).isEqualTo(403);

		// another session of the same officer: another key
		Browser phoneB = new Browser(port).login(phone);
		JsonNode other = json(phoneB.post("/api/v1/offline/key", phoneB.csrf()).body());
		assertThat(other.get("key").asString()).isNotEqualTo(key.get("key").asString());

		// logout ends the session and its key: the old session gets nothing, a new login a new key
		phoneA.logout();
		assertThat(phoneA.post("/api/v1/offline/key", csrf).statusCode()).isIn(401, 403);
		phoneA.login(phone);
		JsonNode fresh = json(phoneA.post("/api/v1/offline/key", phoneA.csrf()).body());
		assertThat(fresh.get("key").asString()).isNotEqualTo(key.get("key").asString());

		// a donor's session gets no key
		Browser donor = new Browser(port).login(DONOR);
		assertThat(donor.post("/api/v1/offline/key", donor.csrf()).statusCode()).isEqualTo(403);
	}
}
