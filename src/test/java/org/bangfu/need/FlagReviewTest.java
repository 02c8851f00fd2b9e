package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.need.NeedFixtures.*;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A flag has consequences (issue 16): a flagged need is published only with the verifier's written reason, a gravely
 * flagged one only after a second approval at a higher level; the decisions are shown to staff in scope and
 * supervisors, never to the public. Region: 蒸湘区 (430408), 呆鹰岭镇 (430408100), 新阳村委会 (430408100200).
 */
class FlagReviewTest extends ApplicationTest {

	static final String XINYANG = "430408100200";

	static final String REASON = "已入户核实：老人独居，棉被确为过冬所需，估价与镇上价格相符。";

	@Autowired
	org.bangfu.shared.PersonalData personalData;

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Autowired
	FlagDecisions decisions;

	@Autowired
	org.springframework.web.context.WebApplicationContext context;

	record Staff(long id, String token) {
	}

	Staff staff(Role role, String region) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, "蒸湘" + role.name(), DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(RegionCode.parse(region)), null);
		return new Staff(id, api().login(phone, DEMO_PASSWORD));
	}

	/** A submitted need of the OTHER category (no photo needed) for a new household of 新阳村, posted by its officer. */
	long submitted(ApiClient api, Staff officer, String itemsJson) {
		long household = household(jdbc, personalData, XINYANG, "蒸湘户" + System.nanoTime() % 1000, true);
		long id = create(api, officer.token(), """
				{"category":"OTHER","title":"老人过冬用品","story":"老人独居，屋里很冷，缺过冬用品。","householdId":%d,"items":[%s]}"""
			.formatted(household, itemsJson));
		Answer submit = api.post("/api/v1/needs/" + id + "/submit", null, officer.token());
		NeedFixtures.confirmByForm(api, officer.token(), id);
		assertThat(submit.status()).as(submit.body()).isEqualTo(200);
		return id;
	}

	/** Unclassified item: severity 2 (a reason). */
	static final String UNCLASSIFIED = """
			{"name":"棉被","quantity":2,"unit":"床","valueFen":10000}""";

	/** A treadmill: a luxury, severity 3 (two levels). */
	static final String TREADMILL = """
			{"kind":"生活用品","name":"跑步机","quantity":1,"unit":"台","valueFen":150000}""";

	static String reason(String text) {
		return "{\"reason\":\"" + text + "\"}";
	}

	String state(long id) {
		return jdbc.sql("SELECT state FROM need WHERE id = ?").param(id).query(String.class).single();
	}

	long approvals(long id) {
		return jdbc.sql("SELECT count(*) FROM need_flag_approval WHERE need_id = ?").param(id).query(Long.class).single();
	}

	@Test
	void aFlaggedNeedIsPublishedOnlyWithAWrittenReason() {
		ApiClient api = api();
		Staff officer = staff(Role.VILLAGE_OFFICER, XINYANG);
		Staff township = staff(Role.TOWNSHIP_MANAGER, "430408100");
		long id = submitted(api, officer, UNCLASSIFIED);

		for (String body : new String[] { null, reason(""), reason("   "), reason("同意") }) {
			Answer refused = api.post("/api/v1/needs/" + id + "/verify", body, township.token());
			assertThat(refused.status()).as(String.valueOf(body)).isEqualTo(400);
			assertThat(refused.json().get("detail").asString()).contains("审核理由").contains("棉被");
		}
		assertThat(state(id)).as("nothing changed").isEqualTo("SUBMITTED");
		assertThat(approvals(id)).isZero();

		JsonNode published = api.post("/api/v1/needs/" + id + "/verify", reason(REASON), township.token()).json();
		assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
		JsonNode decided = published.get("flagDecisions");
		assertThat(decided.size()).isEqualTo(1);
		assertThat(decided.get(0).get("level").asString()).isEqualTo("TOWNSHIP");
		assertThat(decided.get(0).get("reason").asString()).isEqualTo(REASON);
		assertThat(decided.get(0).get("stationName").asString()).isEqualTo("呆鹰岭镇");
		assertThat(decided.get(0).get("published").asBoolean()).isTrue();
		assertThat(decided.get(0).get("flags").get(0).get("rule").asString()).isEqualTo("UNCLASSIFIED");

		// an unflagged need verifies as before, without a body
		long plain = submitted(api, officer, """
				{"kind":"生活用品","name":"棉被","quantity":2,"unit":"床","valueFen":10000}""");
		assertThat(api.post("/api/v1/needs/" + plain + "/verify", null, township.token()).json().get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(approvals(plain)).isZero();
	}

	@Test
	void aGravelyFlaggedNeedWaitsForTheCounty() throws Exception {
		ApiClient api = api();
		Staff officer = staff(Role.VILLAGE_OFFICER, XINYANG);
		Staff township = staff(Role.TOWNSHIP_MANAGER, "430408100");
		Staff otherTownshipManager = staff(Role.TOWNSHIP_MANAGER, "430408100");
		Staff county = staff(Role.COUNTY_ADMIN, "430408");
		Staff supervisor = staff(Role.SUPERVISOR, "430408");
		Staff outsideSupervisor = staff(Role.SUPERVISOR, "430421");
		long id = submitted(api, officer, TREADMILL);

		Answer noReason = api.post("/api/v1/needs/" + id + "/verify", null, township.token());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("detail").asString()).contains("跑步机").contains("上一级");

		JsonNode first = api.post("/api/v1/needs/" + id + "/verify", reason("已入户核实：老人膝盖术后，医生建议在家做康复行走训练。"), township.token()).json();
		assertThat(first.get("state").asString()).as("still waiting, not published").isEqualTo("SUBMITTED");
		assertThat(first.get("flagGate").get("awaiting").asString()).isEqualTo("COUNTY");
		assertThat(first.get("flagGate").get("approvable").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/needs/" + id).status()).as("not public").isEqualTo(404);
		eventsSettled();
		assertThat(noticeCount(officer.id(), "notice.need.escalated")).isEqualTo(1);
		assertThat(noticeCount(county.id(), "notice.need.escalated.next")).as("the county's managers are told").isEqualTo(1);

		// the same person, and another manager of the same level, cannot complete it
		Answer again = api.post("/api/v1/needs/" + id + "/verify", reason("再次确认，确实需要这台跑步机做康复。"), township.token());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("已审核过");
		Answer sameLevel = api.post("/api/v1/needs/" + id + "/verify", reason("同镇另一名管理员也认为确有需要。"), otherTownshipManager.token());
		assertThat(sameLevel.status()).isEqualTo(403);
		assertThat(sameLevel.json().get("detail").asString()).contains("县级复核");
		assertThat(approvals(id)).isEqualTo(1);

		// the county's queue shows it first, marked, with the township's reason; the township's shows it waiting
		String countyQueue = page("/needs/queue?region=430408", county);
		assertThat(countyQueue).contains("待您复核").contains("膝盖术后");
		int firstRow = countyQueue.indexOf("data-need=");
		int secondRow = countyQueue.indexOf("data-need=", firstRow + 1);
		assertThat(countyQueue.substring(firstRow, secondRow < 0 ? countyQueue.length() : secondRow)).as("escalated needs come first").contains("待您复核");
		assertThat(page("/needs/queue?region=430408100", township)).contains("待县级复核");

		JsonNode countyView = api.get("/api/v1/needs/" + id, county.token()).json();
		assertThat(countyView.get("flagGate").get("approvable").asBoolean()).isTrue();
		JsonNode published = api.post("/api/v1/needs/" + id + "/verify", reason("县级复核：电话回访医生，康复训练确需，同意发布。"), county.token()).json();
		assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
		List<String> levels = new ArrayList<>();
		published.get("flagDecisions").forEach(d -> levels.add(d.get("level").asString() + ":" + d.get("published").asBoolean()));
		assertThat(levels).containsExactly("TOWNSHIP:false", "COUNTY:true");

		// decisions: staff in scope and supervisors in scope see them, the public and other supervisors do not
		assertThat(api.get("/api/v1/needs/" + id, supervisor.token()).json().get("flagDecisions").size()).isEqualTo(2);
		assertThat(page("/needs/" + id, supervisor)).contains("审核意见").contains("膝盖术后").contains("电话回访医生");
		assertThat(api.get("/api/v1/needs/" + id).body()).doesNotContain("flagDecisions").doesNotContain("膝盖术后");
		assertThat(api.get("/needs/" + id).body()).doesNotContain("审核意见").doesNotContain("膝盖术后");
		assertThat(api.get("/api/v1/needs/" + id, outsideSupervisor.token()).body()).doesNotContain("flagDecisions");
		assertThat(decisions.of(id)).extracting(FlagDecisions.Decision::regionName).containsExactly("呆鹰岭镇", "蒸湘区");
	}

	@Test
	void anEscalatedNeedCanBeRejectedAndResubmissionClearsTheApprovals() {
		ApiClient api = api();
		Staff officer = staff(Role.VILLAGE_OFFICER, XINYANG);
		Staff township = staff(Role.TOWNSHIP_MANAGER, "430408100");
		Staff county = staff(Role.COUNTY_ADMIN, "430408");
		long id = submitted(api, officer, TREADMILL);
		api.post("/api/v1/needs/" + id + "/verify", reason("已入户核实：老人膝盖术后需要康复训练。"), township.token());

		Answer rejected = api.post("/api/v1/needs/" + id + "/reject", reason("跑步机不是必需品，请改为助行器"), county.token());
		assertThat(rejected.json().get("state").asString()).isEqualTo("REJECTED");
		Answer afterRejection = api.post("/api/v1/needs/" + id + "/verify", reason("乡镇再次审核：仍然认为确有需要。"), township.token());
		assertThat(afterRejection.status()).as("a rejected need is not verified").isEqualTo(409);
		assertThat(approvals(id)).isEqualTo(1);

		// edited and submitted again: the township's approval of the old content no longer counts
		Answer edited = api.put("/api/v1/needs/" + id, """
				{"category":"OTHER","title":"老人康复用品","story":"老人膝盖术后，需要助行器和一台跑步机。","householdId":%d,
				 "items":[%s]}""".formatted(householdOf(id), TREADMILL), officer.token());
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, officer.token()).status()).isEqualTo(200);
		NeedFixtures.confirmByForm(api, officer.token(), id);
		Answer countyFirst = api.post("/api/v1/needs/" + id + "/verify", reason("县级直接审核：同意乡镇原来的意见。"), county.token());
		assertThat(countyFirst.json().get("state").asString()).as("the county's approval is now the first, not the second").isEqualTo("SUBMITTED");
		assertThat(countyFirst.json().get("flagGate").get("awaiting").asString()).as("a county's first approval goes to the city").isEqualTo("CITY");
		JsonNode shown = api.get("/api/v1/needs/" + id, county.token()).json().get("flagDecisions");
		assertThat(shown.size()).isEqualTo(2);
		assertThat(shown.get(0).get("superseded").asBoolean()).isTrue();
		assertThat(shown.get(1).get("superseded").asBoolean()).isFalse();

		// the station below cannot complete what the county approved; the city can, and can also reject at this step
		Answer below = api.post("/api/v1/needs/" + id + "/verify", reason("乡镇补充：已再次入户核实。"), township.token());
		assertThat(below.status()).isEqualTo(403);
		String city = api.login(CITY, DEMO_PASSWORD);
		JsonNode published = api.post("/api/v1/needs/" + id + "/verify", reason("市级复核：康复器具确需，同意发布。"), city).json();
		assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
	}

	org.springframework.test.web.servlet.MockMvc mvc() {
		return org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
			.apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
			.build();
	}

	/** A page as the staff member's browser gets it (session login, not the API's token). */
	String page(String path, Staff who) throws Exception {
		var response = mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(accounts.findById(who.id()).orElseThrow())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void thePageRefusesAShortReasonWithTheFlagsAndKeepsTheText() throws Exception {
		ApiClient api = api();
		Staff officer = staff(Role.VILLAGE_OFFICER, XINYANG);
		Staff township = staff(Role.TOWNSHIP_MANAGER, "430408100");
		long id = submitted(api, officer, UNCLASSIFIED);
		assertThat(page("/needs/" + id, township)).contains("id=\"verify-reason\"").doesNotContain("id=\"need-not-verifier\"");
		org.springframework.test.web.servlet.MvcResult refused = mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/needs/" + id + "/verify")
			.param("reason", "同意")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(accounts.findById(township.id()).orElseThrow())))
			.andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/needs/" + id);
		assertThat((String) refused.getFlashMap().get("error")).contains("审核理由", "至少 8 个字", "棉被");
		assertThat(refused.getFlashMap().get("verifyReason")).isEqualTo("同意");
		assertThat(state(id)).isEqualTo("SUBMITTED");
		assertThat(approvals(id)).isZero();
	}

	@Test
	void theCityOfficeIsCompletedByAnotherCityAdmin() {
		ApiClient api = api();
		Staff officer = staff(Role.VILLAGE_OFFICER, XINYANG);
		Staff city = staff(Role.CITY_ADMIN, "430400");
		Staff otherCity = staff(Role.CITY_ADMIN, "430400");
		long id = submitted(api, officer, TREADMILL);
		JsonNode first = api.post("/api/v1/needs/" + id + "/verify", reason("市办直接审核：已电话核实康复训练确需。"), city.token()).json();
		assertThat(first.get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(first.get("flagGate").get("awaiting").asString()).isEqualTo("CITY");
		Answer twice = api.post("/api/v1/needs/" + id + "/verify", reason("再次审核：确实需要，同意发布。"), city.token());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(state(id)).isEqualTo("SUBMITTED");
		JsonNode published = api.post("/api/v1/needs/" + id + "/verify", reason("市办另一人复核：同意，康复器具确需。"), otherCity.token()).json();
		assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(decisions.of(id)).extracting(FlagDecisions.Decision::level).containsExactly(FlagDecisions.Level.CITY, FlagDecisions.Level.CITY);
	}

	private long householdOf(long id) {
		return jdbc.sql("SELECT household_id FROM need WHERE id = ?").param(id).query(Long.class).single();
	}

	private long noticeCount(long account, String key) {
		return jdbc.sql("SELECT count(*) FROM notice WHERE account_id = ? AND message_key = ?").params(account, key).query(Long.class).single();
	}
}
