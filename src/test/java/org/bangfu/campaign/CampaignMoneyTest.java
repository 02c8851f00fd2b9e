package org.bangfu.campaign;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.bangfu.fund.FundFixtures;
import org.bangfu.fund.Gift;
import org.bangfu.fund.GiftState;
import org.bangfu.fund.Gifts;
import org.bangfu.fund.MoneyLines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Campaigns over needs with money lines (issue 14): the plan splits a money line between donors in any fen amounts,
 * never more than what no gift holds yet, and accepting such an invitation is a gift through the fund. Works in
 * 曲兰镇 (430421108), the fund's township for campaigns, with the county admin of 衡阳县 as the organiser.
 */
class CampaignMoneyTest extends ApplicationTest {

	private static final String COUNTY = "13800000002";

	private static final String TOWNSHIP = "430421108";

	@Autowired
	Accounts accounts;

	@Autowired
	Gifts gifts;

	@Autowired
	MoneyLines moneyLines;

	private record Donor(String phone, long id, String token) {
	}

	private String village(int n) {
		// invitations hold their gifts: clear them before the fixture removes the village's gifts
		jdbc.sql("""
				DELETE FROM campaign_invitation WHERE need_id IN (SELECT id FROM need WHERE region_code IN (
				    SELECT code FROM region WHERE parent_code = ?))""").param(TOWNSHIP).update();
		return FundFixtures.emptyVillage(jdbc, TOWNSHIP, n);
	}

	private Donor donor(ApiClient api, String name) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, DonorType.ENTERPRISE, null, null, null));
		accounts.grant(id, Role.DONOR, null, null);
		return new Donor(phone, id, api.login(phone, DEMO_PASSWORD));
	}

	private long campaign(ApiClient api, String admin, String region, Map<Donor, Long> budgets) {
		Answer created = api.post("/api/v1/campaigns", """
				{"name":"手术费众筹帮扶","regionCode":"%s","categories":[]}""".formatted(region), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		budgets.forEach((d, fen) -> {
			Answer added = api.post("/api/v1/campaigns/" + id + "/donors", """
					{"phone":"%s","budgetFen":%d,"categories":[]}""".formatted(d.phone(), fen), admin);
			assertThat(added.status()).as(added.body()).isEqualTo(201);
		});
		return id;
	}

	/** The money invitations of a need in a state: donor id → fen. */
	private static Map<Long, Long> money(JsonNode detail, long needId, String state) {
		Map<Long, Long> out = new HashMap<>();
		detail.get("invitations").forEach(i -> {
			if (i.get("needId").asLong() == needId && i.get("state").asString().equals(state) && !i.get("moneyPosition").isNull()) {
				assertThat(i.get("moneyPosition").asInt()).isZero();
				assertThat(i.get("items").isEmpty()).isTrue();
				out.merge(i.get("donorId").asLong(), i.get("valueFen").asLong(), Long::sum);
			}
		});
		return out;
	}

	@Test
	void aMoneyLineIsSplitBetweenDonorsUpToWhatNoGiftHoldsYet() {
		ApiClient api = api();
		String v = village(0);
		long operation = FundFixtures.moneyNeed(jdbc, clock.instant(), v, "心脏手术费用", 3_000_000, 0);
		long blankets = org.bangfu.pledge.MatchingFixtures.publishedNeed(jdbc, clock.instant(), v, "MEDICAL", "冬季棉被", new long[] { 6, 60_000 });
		Donor early = donor(api, "衡阳早到爱心公司");
		// 2,000 yuan of the 30,000 are already promised through the fund
		Answer given = api.post("/api/v1/needs/" + operation + "/gifts", """
				{"itemId":0,"amountFen":200000,"ifUnfunded":"REFUND"}""", early.token());
		assertThat(given.status()).as(given.body()).isIn(200, 201);
		Donor a = donor(api, "衡阳爱心医药公司");
		Donor b = donor(api, "衡阳建设集团");
		Donor c = donor(api, "衡阳纺织厂");
		String admin = api.login(COUNTY, DEMO_PASSWORD);
		long id = campaign(api, admin, v, Map.of(a, 1_500_000L, b, 1_200_000L, c, 600_000L));

		Answer allocated = api.post("/api/v1/campaigns/" + id + "/allocate", null, admin);
		assertThat(allocated.status()).as(allocated.body()).isEqualTo(200);
		JsonNode plan = allocated.json();

		Map<Long, Long> split = money(plan, operation, "PROPOSED");
		assertThat(split).as("the line is shared").hasSizeGreaterThan(1);
		long invited = split.values().stream().mapToLong(Long::longValue).sum();
		assertThat(invited).as("never more than what no gift holds").isLessThanOrEqualTo(2_800_000);
		// 33,000 yuan of budgets for 28,000 open of the line and 600 of blankets: everything is met, nothing lost to units
		assertThat(invited).isEqualTo(2_800_000);
		assertThat(plan.get("proposedValueFen").asLong()).isEqualTo(2_800_000 + 60_000);
		assertThat(plan.get("campaign").get("fractionalBoundFen").asLong()).isEqualTo(2_860_000);
		assertThat(plan.get("campaign").get("roundingLossFen").asLong()).isZero();
		Map<Long, Long> asked = new HashMap<>();
		plan.get("donors").forEach(d -> asked.put(d.get("donorId").asLong(), d.get("askedFen").asLong()));
		assertThat(asked.get(a.id())).isLessThanOrEqualTo(1_500_000);
		assertThat(asked.get(b.id())).isLessThanOrEqualTo(1_200_000);
		assertThat(asked.get(c.id())).isLessThanOrEqualTo(600_000);
		assertThat(plan.get("invitations").findValues("needId").stream().map(JsonNode::asLong)).contains(blankets);
	}

	@Test
	void acceptingAMoneyInvitationMakesAPromisedGiftWithAReferenceCode() {
		ApiClient api = api();
		String v = village(1);
		long operation = FundFixtures.moneyNeed(jdbc, clock.instant(), v, "白内障手术费用", 1_000_000, 0);
		Donor a = donor(api, "衡阳眼科器械公司");
		Donor b = donor(api, "衡阳爱心商会");
		String admin = api.login(COUNTY, DEMO_PASSWORD);
		long id = campaign(api, admin, v, Map.of(a, 700_000L, b, 500_000L));
		assertThat(api.post("/api/v1/campaigns/" + id + "/allocate", null, admin).status()).isEqualTo(200);
		Answer sent = api.post("/api/v1/campaigns/" + id + "/send", "{\"respondDays\":7}", admin);
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		Map<Long, Long> split = money(sent.json(), operation, "SENT");
		assertThat(split).containsOnlyKeys(a.id(), b.id());
		assertThat(split.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000_000);

		JsonNode mine = api.get("/api/v1/me/invitations", a.token()).json();
		JsonNode invitation = mine.get(0);
		assertThat(invitation.get("money").asBoolean()).isTrue();
		assertThat(invitation.get("items").asString()).isEqualTo("手术费");
		assertThat(invitation.get("stillOpen").asBoolean()).isTrue();
		long invitationId = invitation.get("id").asLong();

		Answer noChoice = api.post("/api/v1/invitations/" + invitationId + "/accept", null, a.token());
		assertThat(noChoice.status()).as("the donor must say what happens if the need ends unfunded").isEqualTo(400);
		assertThat(noChoice.body()).contains("退回");
		Answer accepted = api.post("/api/v1/invitations/" + invitationId + "/accept", "{\"ifUnfunded\":\"POOL\"}", a.token());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		assertThat(accepted.json().get("pledgeId").isNull()).isTrue();
		String code = accepted.json().get("referenceCode").asString();
		assertThat(code).isNotBlank();
		Gift gift = gifts.get(accepted.json().get("giftId").asLong());
		assertThat(gift.state()).isEqualTo(GiftState.PROMISED);
		assertThat(gift.referenceCode()).isEqualTo(code);
		assertThat(gift.donorId()).isEqualTo(a.id());
		assertThat(gift.needId()).isEqualTo(operation);
		assertThat(gift.position()).isZero();
		assertThat(gift.amountFen()).isEqualTo(split.get(a.id()));
		assertThat(moneyLines.ofNeed(operation)).singleElement()
			.satisfies(l -> assertThat(l.promisedFen()).isEqualTo(split.get(a.id())));

		Answer again = api.post("/api/v1/invitations/" + invitationId + "/accept", "{\"ifUnfunded\":\"POOL\"}", a.token());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("giftId").asLong()).isEqualTo(gift.id());
		assertThat(api.get("/api/v1/me/invitations", a.token()).json().get(0).get("referenceCode").asString()).isEqualTo(code);
		assertThat(moneyLines.ofNeed(operation).get(0).promisedFen()).as("given once").isEqualTo(split.get(a.id()));
		assertThat(api.get("/api/v1/campaigns/" + id, admin).json().get("invitations").findValues("giftId").stream()
			.filter(n -> !n.isNull()).map(JsonNode::asLong).toList()).isEqualTo(List.of(gift.id()));

		// someone else takes the rest of the line meanwhile: b's invitation can no longer be accepted, nothing changes
		Donor other = donor(api, "路过的爱心人士公司");
		Answer took = api.post("/api/v1/needs/" + operation + "/gifts", """
				{"itemId":0,"amountFen":%d,"ifUnfunded":"REFUND"}""".formatted(split.get(b.id())), other.token());
		assertThat(took.status()).as(took.body()).isIn(200, 201);
		JsonNode bInvitation = api.get("/api/v1/me/invitations", b.token()).json().get(0);
		assertThat(bInvitation.get("stillOpen").asBoolean()).isFalse();
		Answer refused = api.post("/api/v1/invitations/" + bInvitation.get("id").asLong() + "/accept", "{\"ifUnfunded\":\"REFUND\"}", b.token());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(api.get("/api/v1/me/invitations", b.token()).json().get(0).get("state").asString()).isEqualTo("SENT");
	}
}
