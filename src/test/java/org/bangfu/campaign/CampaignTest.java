package org.bangfu.campaign;

import org.bangfu.pledge.MatchingFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.bangfu.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Campaigns: staff put needs and donors with budgets together, the allocator proposes, staff review
 * and send invitations, donors accept (a pledge) or decline. Each test works in its own village of
 * 杉桥镇, where no other test puts needs, with the county admin of 衡阳县 as the organiser.
 */
class CampaignTest extends ApplicationTest {

	private static final String COUNTY = "13800000002";

	@Autowired
	Accounts accounts;

	private String village(int n) {
		return MatchingFixtures.emptyVillage(jdbc, n);
	}

	private long need(String village, String category, String title, long[]... lines) {
		return MatchingFixtures.publishedNeed(jdbc, clock.instant(), village, category, title, lines);
	}

	private record Donor(String phone, long id, String token) {
	}

	private Donor donor(ApiClient api, String name, DonorType type) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, type, null, null, null));
		accounts.grant(id, Role.DONOR, null, null);
		return new Donor(phone, id, api.login(phone, DEMO_PASSWORD));
	}

	private long campaign(ApiClient api, String admin, String region, String categories) {
		Answer created = api.post("/api/v1/campaigns", """
				{"name":"爱心企业结对帮扶","regionCode":"%s","categories":%s}""".formatted(region, categories), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private void addDonor(ApiClient api, String admin, long campaign, Donor d, long budgetFen, String categories) {
		Answer added = api.post("/api/v1/campaigns/" + campaign + "/donors", """
				{"phone":"%s","budgetFen":%d,"categories":%s}""".formatted(d.phone(), budgetFen, categories), admin);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
	}

	/** Need id → (donor id → value) of the invitations in a state. */
	private static Map<Long, Map<Long, Long>> invited(JsonNode detail, String state) {
		Map<Long, Map<Long, Long>> out = new HashMap<>();
		detail.get("invitations").forEach(i -> {
			if (i.get("state").asString().equals(state)) {
				out.computeIfAbsent(i.get("needId").asLong(), k -> new HashMap<>()).put(i.get("donorId").asLong(), i.get("valueFen").asLong());
			}
		});
		return out;
	}

	@Test
	void proposalsFundWholeNeedsWithinBudgetsAndCategoriesThenGoOutAsInvitations() {
		ApiClient api = api();
		String v = village(0);
		long surgery = need(v, "MEDICAL", "手术费", new long[] {1, 300_000});
		long wheelchairs = need(v, "MEDICAL", "轮椅", new long[] {5, 50_000});
		long school = need(v, "EDUCATION", "书包和学费", new long[] {2, 20_000}, new long[] {1, 60_000});
		long tooDear = need(v, "MEDICAL", "心脏手术", new long[] {1, 1_000_000});
		String admin = api.login(COUNTY, DEMO_PASSWORD);
		long id = campaign(api, admin, v, "[]");
		Donor hospital = donor(api, "衡阳爱心医药公司", DonorType.ENTERPRISE);
		Donor person = donor(api, "王小明", DonorType.INDIVIDUAL);
		addDonor(api, admin, id, hospital, 350_000, "[\"MEDICAL\"]");
		addDonor(api, admin, id, person, 100_000, "[]");

		Answer allocated = api.post("/api/v1/campaigns/" + id + "/allocate", null, admin);
		assertThat(allocated.status()).as(allocated.body()).isEqualTo(200);
		JsonNode plan = allocated.json();
		Map<Long, Map<Long, Long>> proposed = invited(plan, "PROPOSED");
		// an optimum funds surgery, wheelchairs and school (4,300 of the 4,500 yuan of budgets); the heart surgery fits no budget
		assertThat(proposed).containsOnlyKeys(surgery, wheelchairs, school);
		assertThat(proposed.get(surgery)).as("one unit is not cut").containsExactlyEntriesOf(Map.of(hospital.id(), 300_000L));
		assertThat(proposed.get(school)).as("only the person takes education").containsExactlyEntriesOf(Map.of(person.id(), 80_000L));
		assertThat(proposed.get(wheelchairs).values().stream().mapToLong(Long::longValue).sum()).as("funded whole").isEqualTo(50_000);
		Map<Long, Long> asked = new HashMap<>();
		proposed.values().forEach(m -> m.forEach((donor, fen) -> asked.merge(donor, fen, Long::sum)));
		assertThat(asked.get(hospital.id())).isLessThanOrEqualTo(350_000);
		assertThat(asked.get(person.id())).isLessThanOrEqualTo(100_000);
		assertThat(plan.get("proposedValueFen").asLong()).isEqualTo(430_000);
		assertThat(plan.get("campaign").get("candidateNeeds").asInt()).isEqualTo(4);
		assertThat(plan.get("campaign").get("fractionalBoundFen").asLong()).isEqualTo(450_000);
		assertThat(plan.get("campaign").get("state").asString()).isEqualTo("PROPOSED");
		assertThat(proposed).doesNotContainKey(tooDear);

		assertThat(api.post("/api/v1/campaigns/" + id + "/needs/" + wheelchairs + "/drop", null, admin).status()).isEqualTo(204);
		assertThat(api.post("/api/v1/campaigns/" + id + "/needs/" + wheelchairs + "/drop", null, admin).status()).as("dropped already")
			.isEqualTo(404);
		assertThat(api.post("/api/v1/campaigns/" + id + "/send", "{\"respondDays\":31}", admin).status()).isEqualTo(400);
		Answer sent = api.post("/api/v1/campaigns/" + id + "/send", "{\"respondDays\":3}", admin);
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat(invited(sent.json(), "SENT")).containsOnlyKeys(surgery, school);
		assertThat(invited(sent.json(), "DROPPED")).containsOnlyKeys(wheelchairs);
		assertThat(api.post("/api/v1/campaigns/" + id + "/send", null, admin).status()).as("sent twice").isEqualTo(409);
		assertThat(api.post("/api/v1/campaigns/" + id + "/allocate", null, admin).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/campaigns/" + id + "/donors", "{\"phone\":\"%s\",\"budgetFen\":1}".formatted(person.phone()), admin).status())
			.isEqualTo(409);
		assertThat(api.get("/api/v1/me/notices", hospital.token()).body()).contains("邀请您认领 1 项帮扶需求（约 3000 元）");

		JsonNode mine = api.get("/api/v1/me/invitations", hospital.token()).json();
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("needId").asLong()).isEqualTo(surgery);
		assertThat(mine.get(0).get("items").asString()).isEqualTo("物品0 1 件");
		long invitation = mine.get(0).get("id").asLong();
		assertThat(api.post("/api/v1/invitations/" + invitation + "/accept", null, person.token()).status()).as("someone else's").isEqualTo(404);
		Answer accepted = api.post("/api/v1/invitations/" + invitation + "/accept", null, hospital.token());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		long pledge = accepted.json().get("pledgeId").asLong();
		Answer again = api.post("/api/v1/invitations/" + invitation + "/accept", null, hospital.token());
		assertThat(again.status()).as("a second tap answers the same pledge").isEqualTo(200);
		assertThat(again.json().get("pledgeId").asLong()).isEqualTo(pledge);
		assertThat(jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ?").param(surgery).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT state FROM need WHERE id = ?").param(surgery).query(String.class).single()).isEqualTo("PLEDGED");
		assertThat(api.post("/api/v1/invitations/" + invitation + "/decline", null, hospital.token()).status()).isEqualTo(409);

		long schoolInvitation = api.get("/api/v1/me/invitations", person.token()).json().get(0).get("id").asLong();
		assertThat(api.post("/api/v1/invitations/" + schoolInvitation + "/decline", "{\"reason\":\"本月预算已用完\"}", person.token()).status())
			.isEqualTo(204);
		assertThat(api.post("/api/v1/invitations/" + schoolInvitation + "/accept", null, person.token()).status()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT state FROM need WHERE id = ?").param(school).query(String.class).single()).isEqualTo("PUBLISHED");
		assertThat(api.get("/api/v1/me/notices", admin).body()).contains("已被接受").contains("被婉拒");
		JsonNode progress = api.get("/api/v1/campaigns/" + id, admin).json().get("byState");
		assertThat(progress.get("ACCEPTED").get("valueFen").asLong()).isEqualTo(300_000);
		assertThat(progress.get("DECLINED").get("count").asInt()).isEqualTo(1);
	}

	@Test
	void aNeedSplitBetweenDonorsIsCutIntoWholeUnitsAndEachAcceptanceIsAPledgeOfItsPart() {
		ApiClient api = api();
		String v = village(1);
		long blankets = need(v, "OTHER", "棉被十床", new long[] {10, 100_000});
		long roof = need(v, "OTHER", "修屋顶", new long[] {1, 100_000});
		String admin = api.login(COUNTY, DEMO_PASSWORD);
		long id = campaign(api, admin, v, "[\"OTHER\"]");
		Donor a = donor(api, "甲公司", DonorType.ENTERPRISE);
		Donor b = donor(api, "乙公司", DonorType.ENTERPRISE);
		addDonor(api, admin, id, a, 60_000, "[]");
		addDonor(api, admin, id, b, 40_000, "[]");
		JsonNode plan = api.post("/api/v1/campaigns/" + id + "/allocate", null, admin).json();
		Map<Long, Map<Long, Long>> proposed = invited(plan, "PROPOSED");
		// either need could take both budgets; the roof's single unit cannot be cut, the blankets can: 6 + 4 床
		long funded = proposed.containsKey(blankets) ? blankets : roof;
		assertThat(plan.get("campaign").get("fractionalBoundFen").asLong()).isEqualTo(100_000);
		if (funded == roof) {
			assertThat(proposed).isEmpty(); // the only way to fund the roof is split, so it was left out
			assertThat(plan.get("campaign").get("roundingLossFen").asLong()).isEqualTo(100_000);
			return;
		}
		assertThat(proposed.get(blankets)).containsExactlyInAnyOrderEntriesOf(Map.of(a.id(), 60_000L, b.id(), 40_000L));
		api.post("/api/v1/campaigns/" + id + "/send", null, admin);
		List<Integer> quantities = new ArrayList<>();
		for (Donor d : List.of(a, b)) {
			long invitation = api.get("/api/v1/me/invitations", d.token()).json().get(0).get("id").asLong();
			Answer accepted = api.post("/api/v1/invitations/" + invitation + "/accept", null, d.token());
			assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
			quantities.add(jdbc.sql("SELECT quantity FROM pledge WHERE id = ?").param(accepted.json().get("pledgeId").asLong()).query(Integer.class)
				.single());
		}
		assertThat(quantities).containsExactly(6, 4);
		assertThat(jdbc.sql("SELECT state FROM need WHERE id = ?").param(blankets).query(String.class).single()).isEqualTo("PLEDGED");
	}

	@Test
	void anInvitationOvertakenByAnotherPledgeOrPastItsPeriodIsRefusedAndChangesNothing() {
		ApiClient api = api();
		String v = village(2);
		long rice = need(v, "OTHER", "大米", new long[] {4, 40_000});
		long oil = need(v, "OTHER", "食用油", new long[] {2, 20_000});
		String admin = api.login(COUNTY, DEMO_PASSWORD);
		long id = campaign(api, admin, v, "[]");
		Donor d = donor(api, "丙公司", DonorType.ENTERPRISE);
		addDonor(api, admin, id, d, 100_000, "[]");
		api.post("/api/v1/campaigns/" + id + "/allocate", null, admin);
		api.post("/api/v1/campaigns/" + id + "/send", "{\"respondDays\":2}", admin);
		Map<Long, Long> invitations = new HashMap<>();
		api.get("/api/v1/me/invitations", d.token()).json().forEach(i -> invitations.put(i.get("needId").asLong(), i.get("id").asLong()));
		assertThat(invitations).containsOnlyKeys(rice, oil);

		// another donor takes a bag of rice meanwhile
		Donor other = donor(api, "热心人", DonorType.INDIVIDUAL);
		assertThat(api.post("/api/v1/needs/" + rice + "/pledges", "{\"quantity\":1}", other.token()).status()).isEqualTo(201);
		assertThat(api.get("/api/v1/me/invitations", d.token()).body()).contains("\"stillOpen\":false");
		Answer refused = api.post("/api/v1/invitations/" + invitations.get(rice) + "/accept", null, d.token());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("只剩 3");
		assertThat(jdbc.sql("SELECT state FROM campaign_invitation WHERE id = ?").param(invitations.get(rice)).query(String.class).single())
			.isEqualTo("SENT");
		assertThat(jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ? AND donor_id = ?").params(rice, d.id()).query(Integer.class).single())
			.isZero();

		// a second campaign over the same village leaves out needs still awaiting an answer
		long second = campaign(api, admin, v, "[]");
		addDonor(api, admin, second, donor(api, "丁公司", DonorType.ENTERPRISE), 100_000, "[]");
		assertThat(invited(api.post("/api/v1/campaigns/" + second + "/allocate", null, admin).json(), "PROPOSED")).isEmpty();

		clock.advance(Duration.ofDays(2).plusMinutes(1));
		Answer late = api.post("/api/v1/invitations/" + invitations.get(oil) + "/accept", null, d.token());
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("detail").asString()).contains("已过答复期限");
		assertThat(jdbc.sql("SELECT remaining FROM (SELECT quantity - pledged_quantity AS remaining FROM need_item WHERE need_id = ?) r")
			.param(oil).query(Integer.class).single()).isEqualTo(2);
		// once the period is over, the needs are free for the next campaign
		assertThat(invited(api.post("/api/v1/campaigns/" + second + "/allocate", null, admin).json(), "PROPOSED")).containsKeys(oil);
	}

	@Test
	void onlyCityAndCountyStaffOrganiseAndOnlyInsideTheirScope() {
		ApiClient api = api();
		String v = village(3);
		String admin = api.login(COUNTY, DEMO_PASSWORD);
		String manager = api.login("13800000003", DEMO_PASSWORD);
		String otherCounty = api.login("13800000012", DEMO_PASSWORD);
		String body = "{\"name\":\"活动\",\"regionCode\":\"%s\"}";
		assertThat(api.post("/api/v1/campaigns", body.formatted(v), manager).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/campaigns", body.formatted("430422"), admin).status()).as("another county").isEqualTo(404);
		assertThat(api.post("/api/v1/campaigns", body.formatted("999999"), admin).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/campaigns", "{\"name\":\"活\",\"regionCode\":\"%s\"}".formatted(v), admin).status()).isEqualTo(400);
		long id = campaign(api, admin, v, "[]");
		assertThat(api.get("/api/v1/campaigns/" + id, otherCounty).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/campaigns", otherCounty).body()).doesNotContain("\"id\":" + id + ",");
		assertThat(api.get("/api/v1/campaigns", api.login("13800000001", DEMO_PASSWORD)).body()).as("the city sees it").contains("\"id\":" + id + ",");
		assertThat(api.post("/api/v1/campaigns/" + id + "/allocate", null, admin).json().get("detail").asString()).contains("至少一位捐赠者");

		String donors = "/api/v1/campaigns/" + id + "/donors";
		Answer unknown = api.post(donors, "{\"phone\":\"13999999999\",\"budgetFen\":100}", admin);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("detail").asString()).contains("不是平台上已注册的捐赠者");
		assertThat(api.post(donors, "{\"phone\":\"13800000051\",\"budgetFen\":100}", admin).status()).as("a household").isEqualTo(400);
		assertThat(api.post(donors, "{\"phone\":\"13800000022\",\"budgetFen\":0}", admin).status()).isEqualTo(400);
		assertThat(api.post(donors, "{\"phone\":\"13800000022\",\"budgetFen\":-5}", admin).status()).isEqualTo(400);
		assertThat(api.post(donors, "{\"phone\":\"13800000022\",\"budgetFen\":100,\"regionCodes\":[\"430422\"]}", admin).status())
			.as("outside the campaign").isEqualTo(400);
		assertThat(api.post(donors, "{\"phone\":\"13800000022\",\"budgetFen\":100}", otherCounty).status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM campaign_donor WHERE campaign_id = ?").param(id).query(Integer.class).single()).isZero();
		assertThat(api.post("/api/v1/campaigns/" + id + "/send", null, admin).status()).as("nothing computed yet").isEqualTo(409);
	}

	@Test
	void theDemoSeedHasASentCampaignWithInvitationsForTheDemoEnterprise() {
		ApiClient api = api();
		JsonNode campaigns = api.get("/api/v1/campaigns", api.login("13800000001", DEMO_PASSWORD)).json();
		JsonNode demo = null;
		for (JsonNode c : campaigns) {
			if (c.get("name").asString().equals("衡阳市扶贫日爱心企业结对")) {
				demo = c;
			}
		}
		assertThat(demo).as(campaigns.toString()).isNotNull();
		assertThat(demo.get("state").asString()).isEqualTo("SENT");
		assertThat(api.get("/api/v1/me/invitations", api.login("13800000022", DEMO_PASSWORD)).json()).isNotEmpty();
	}
}
