package org.bangfu.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.need.NeedFixtures;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A household's own account: told of every step of its needs (in the app and by SMS, the officer
 * still told too), its home with all its needs and what is on its way, and no donor tools.
 */
class HouseholdHomeTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	@Autowired
	PersonalData personalData;

	@Autowired
	PledgeLapse lapse;

	/** A fresh household of the demo village, with consent, and its own account: the household, the account's phone and a token. */
	record Own(long household, String phone, String token) {
	}

	private Own householdWithAccount(ApiClient api, String head) {
		long household = NeedFixtures.household(jdbc, personalData, NeedFixtures.VILLAGE, head, true);
		String phone = newPhone();
		NeedFixtures.accountFor(api, accounts, household, phone);
		return new Own(household, phone, api.login(phone, DEMO_PASSWORD));
	}

	private String officer(ApiClient api) {
		return api.login(NeedFixtures.OFFICER, DEMO_PASSWORD);
	}

	/** A need the officer posts for the household and submits; verified by the manager when asked. */
	private long postedByOfficer(ApiClient api, long household, String title, int quantity, boolean verify) {
		Answer created = api.post("/api/v1/needs", NeedFixtures.quiltNeed(household, title, quantity), officer(api));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, officer(api)).status()).isEqualTo(200);
		if (verify) {
			NeedFixtures.confirmByForm(api, officer(api), id);
			assertThat(api.post("/api/v1/needs/" + id + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, api.login(NeedFixtures.MANAGER, DEMO_PASSWORD)).status()).isEqualTo(200);
		}
		return id;
	}

	private List<String> notices(ApiClient api, String token) {
		List<String> bodies = new ArrayList<>();
		api.get("/api/v1/me/notices", token).json().forEach(n -> bodies.add(n.get("body").asString()));
		return bodies;
	}

	private List<String> sms(ApiClient api, String phone) {
		List<String> texts = new ArrayList<>();
		api.get("/api/v1/admin/sms-outbox?phone=" + phone, api.login("13800000001", DEMO_PASSWORD)).json()
			.forEach(m -> texts.add(m.get("text").asString()));
		return texts;
	}

	@Test
	void theHouseholdHearsOfEveryStepOfANeedItsOfficerPostedAndActsOnItFromItsHome() {
		ApiClient api = api();
		Own made = householdWithAccount(api, "欧阳春花");
		long household = made.household();
		String phone = made.phone();
		String own = made.token();

		long rejected = postedByOfficer(api, household, "欧阳春花家需要棉被", 2, false);
		api.post("/api/v1/needs/" + rejected + "/reject", "{\"reason\":\"请补充家里现有被褥的情况\"}", api.login(NeedFixtures.MANAGER, DEMO_PASSWORD));
		assertThat(notices(api, own)).anySatisfy(n -> assertThat(n).contains("没有通过审核").contains("请补充家里现有被褥的情况"));

		long need = postedByOfficer(api, household, "欧阳春花家过冬缺棉被", 2, true);
		assertThat(notices(api, own)).anySatisfy(n -> assertThat(n).contains("审核通过").contains("欧阳春花家过冬缺棉被"));

		String donorPhone = newPhone();
		String donor = MatchingFixtures.newDonor(accounts, api, donorPhone);
		String donorName = "爱心人士" + donorPhone.substring(7);
		String masked = org.bangfu.shared.Masking.name(donorName);
		Answer pledged = api.postWithHeader("/api/v1/needs/" + need + "/pledges", "{\"quantity\":2}", donor, "Idempotency-Key", phone);
		assertThat(pledged.status()).as(pledged.body()).isEqualTo(201);
		long pledge = pledged.json().get("id").asLong();
		assertThat(notices(api, own)).anySatisfy(n -> assertThat(n).contains(masked).contains("棉被 2 床").doesNotContain(donorName));
		assertThat(notices(api, officer(api))).as("the officer who posted keeps getting its notices")
			.anySatisfy(n -> assertThat(n).contains("（编号 " + need + "）有爱心人士认领了 2 件"));

		api.post("/api/v1/pledges/" + pledge + "/ship", null, donor);
		assertThat(notices(api, own)).anySatisfy(n -> assertThat(n).contains("已经寄出"));

		// the home: its needs, the rejected one with its reason, and what is on its way from whom
		JsonNode home = api.get("/api/v1/me/household", own).json();
		assertThat(home.get("headName").asString()).isEqualTo("欧阳春花");
		assertThat(home.get("needs")).extracting(n -> n.get("id").asLong()).contains(need, rejected);
		JsonNode coming = home.get("coming").get(0);
		assertThat(coming.get("pledgeId").asLong()).isEqualTo(pledge);
		assertThat(coming.get("donor").asString()).isEqualTo(masked);
		assertThat(coming.get("state").asString()).isEqualTo("IN_TRANSIT");
		assertThat(coming.get("deadline").isNull()).isFalse();
		assertThat(api.get("/api/v1/needs/mine", own).json()).as("我的需求 lists the needs posted on its behalf")
			.extracting(n -> n.get("id").asLong()).contains(need, rejected);

		Answer received = api.postFile("/api/v1/pledges/" + pledge + "/receive", "photo", "r.jpg", "image/jpeg", NeedFixtures.jpeg(640, 480), own);
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		assertThat(notices(api, officer(api))).anySatisfy(n -> assertThat(n).contains("认领（编号 " + pledge + "）已确认收到"));
		assertThat(api.get("/api/v1/me/household", own).json().get("toThank").get(0).get("pledgeId").asLong()).isEqualTo(pledge);
		assertThat(api.post("/api/v1/pledges/" + pledge + "/rating", "{\"stars\":5,\"thanks\":\"被子很暖和\"}", own).status()).isEqualTo(201);
		assertThat(api.get("/api/v1/me/household", own).json().get("toThank")).isEmpty();

		assertThat(sms(api, phone)).as("the same words by SMS to the household's own phone")
			.anySatisfy(t -> assertThat(t).contains("请补充家里现有被褥的情况"))
			.anySatisfy(t -> assertThat(t).contains(masked).contains("认领了您家的需求"))
			.anySatisfy(t -> assertThat(t).contains("已经寄出"));
	}

	@Test
	void aPledgeNearItsDeadlineRemindsTheHouseholdOnceAndItsLapseIsToldToo() {
		ApiClient api = api();
		Own made = householdWithAccount(api, "欧阳秋菊");
		long household = made.household();
		String phone = made.phone();
		String own = made.token();
		long need = postedByOfficer(api, household, "欧阳秋菊家缺棉被", 1, true);
		String donor = MatchingFixtures.newDonor(accounts, api, newPhone());
		assertThat(api.postWithHeader("/api/v1/needs/" + need + "/pledges", "{\"quantity\":1,\"days\":3}", donor, "Idempotency-Key", phone).status())
			.isEqualTo(201);

		clock.advance(Duration.ofDays(1).plusHours(12));
		lapse.remindDue();
		lapse.remindDue();
		assertThat(notices(api, own)).as("reminded once").filteredOn(n -> n.contains("如果已经收到，请拍照")).hasSize(1);
		assertThat(notices(api, officer(api))).anySatisfy(n -> assertThat(n).contains("已送到的，请尽快确认收到"));

		clock.advance(Duration.ofDays(2));
		lapse.lapseDue();
		assertThat(notices(api, own)).anySatisfy(n -> assertThat(n).contains("到期没有送到"));
		assertThat(sms(api, phone)).anySatisfy(t -> assertThat(t).contains("到期没有送到"));
	}

	@Test
	void aHouseholdWithoutAnAccountIsNeverTextedOnItsRegistryPhone() {
		ApiClient api = api();
		long household = NeedFixtures.household(jdbc, personalData, NeedFixtures.VILLAGE, "欧阳冬梅", true);
		String registryPhone = newPhone();
		jdbc.sql("UPDATE household SET phone_cipher = ?, phone_hash = ? WHERE id = ?")
			.params(personalData.encrypt(registryPhone), personalData.lookupHash(registryPhone), household)
			.update();
		long need = postedByOfficer(api, household, "欧阳冬梅家缺棉被", 1, true);
		assertThat(notices(api, officer(api))).anySatisfy(n -> assertThat(n).contains("已审核通过"));
		assertThat(jdbc.sql("SELECT count(*) FROM need WHERE id = ? AND state = 'PUBLISHED'").param(need).query(Long.class).single()).isEqualTo(1);
		assertThat(sms(api, registryPhone)).isEmpty();
	}

	@Test
	void theDonorToolsRefuseAHouseholdAccountAndChangeNothing() {
		ApiClient api = api();
		Own made = householdWithAccount(api, "欧阳夏荷");
		long household = made.household();
		String phone = made.phone();
		String own = made.token();
		long otherHousehold = NeedFixtures.household(jdbc, personalData, NeedFixtures.VILLAGE, "欧阳冬青", true);
		long other = postedByOfficer(api, otherHousehold, "欧阳冬青家缺棉被", 2, true);

		List<Answer> refused = List.of(
				api.postWithHeader("/api/v1/needs/" + other + "/pledges", "{\"quantity\":1}", own, "Idempotency-Key", phone),
				api.put("/api/v1/me/intent", "{\"categories\":[\"OTHER\"],\"budgetFen\":10000}", own),
				api.get("/api/v1/me/intent", own),
				api.get("/api/v1/recommendations", own),
				api.get("/api/v1/me/invitations", own),
				api.get("/api/v1/pledges/mine", own),
				api.post("/api/v1/invitations/1/accept", null, own));
		for (Answer a : refused) {
			assertThat(a.status()).as(a.body()).isEqualTo(403);
			assertThat(a.json().get("detail").asString()).contains("贫困户账户不能使用捐赠功能");
		}
		Answer offer = api.post("/api/v1/offers", """
				{"category":"OTHER","title":"旧棉被十床","itemName":"棉被","unit":"床","quantity":10}""", own);
		assertThat(offer.status()).isEqualTo(403);
		assertThat(offer.json().get("detail").asString()).contains("贫困户");
		assertThat(jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ?").param(other).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM donor_intent WHERE account_id = (SELECT account_id FROM household WHERE id = ?)")
			.param(household).query(Long.class).single()).isZero();
		assertThat(api.get("/api/v1/me/household", api.login("13800000021", DEMO_PASSWORD)).status())
			.as("a donor has no household home").isEqualTo(403);
	}
}
