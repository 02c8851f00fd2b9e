package org.bangfu.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.bangfu.shared.CreditCode;
import org.bangfu.shared.RegionCode;
import org.bangfu.pledge.MatchingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Social organisations in 常宁市 (430482): registration, the county's decision, membership and collective help. */
class OrganisationsTest extends ApplicationTest {

	static final String COUNTY = "430482";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	/** A new account with the DONOR role, named 爱心 and four digits; answers its id and token. */
	record Donor(long id, String phone, String token) {
	}

	Donor donor(String name) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, DonorType.INDIVIDUAL, null, null, null));
		accounts.grant(id, Role.DONOR, null, null);
		return new Donor(id, phone, api().login(phone, DEMO_PASSWORD));
	}

	/** The county admin of 常宁市 (made once). */
	String countyAdmin() {
		String phone = "13900482001";
		if (accounts.findByPhone(phone).isEmpty()) {
			long id = accounts.create(new Accounts.NewAccount(phone, "常宁管理中心", DEMO_PASSWORD, null, null, null, null));
			accounts.grant(id, Role.COUNTY_ADMIN, regions.get(RegionCode.parse(COUNTY)), null);
		}
		return api().login(phone, DEMO_PASSWORD);
	}

	static String creditCode() {
		StringBuilder sb = new StringBuilder("51" + COUNTY);
		String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		for (int i = 0; i < 9; i++) {
			sb.append(chars.charAt(RANDOM.nextInt(chars.length())));
		}
		return CreditCode.withCheckCharacter(sb.toString());
	}

	static String form(String name, String credit) {
		return """
				{"name":"%s","kind":"ALLIANCE","regionCode":"%s","creditCode":"%s","contact":"王先生 0734-7221234","introduction":"常宁市爱心企业和个人自愿组成的社会扶贫联盟。"}"""
			.formatted(name, COUNTY, credit);
	}

	long register(Donor founder, String name) {
		Answer a = api().post("/api/v1/organisations", form(name, creditCode()), founder.token());
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	long approved(Donor founder, String name) {
		long id = register(founder, name);
		assertThat(api().post("/api/v1/organisations/" + id + "/approve", null, countyAdmin()).status()).isEqualTo(200);
		return id;
	}

	/** A published need in a village of 常宁市 worth 300 yuan a piece, three pieces. */
	long need(String title) {
		String village = jdbc.sql("SELECT code FROM region WHERE code LIKE '430482%' AND length(code) = 12 ORDER BY code LIMIT 1")
			.query(String.class).single();
		return MatchingFixtures.publishedNeed(jdbc, clock.instant(), village, "ELDERLY_CARE", title, new long[] { 3, 90000 });
	}

	void pledge(Donor d, long need) {
		Answer a = api().post("/api/v1/needs/" + need + "/pledges", "{\"quantity\":1}", d.token());
		assertThat(a.status()).as(a.body()).isEqualTo(201);
	}

	@Test
	void badCreditCodeIsRefusedAndDuplicateConflicts() {
		Donor founder = donor("联盟发起人");
		ApiClient api = api();
		String good = creditCode();
		String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		Answer refused = api.post("/api/v1/organisations", form("常宁爱心联盟", bad), founder.token());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("校验位");
		assertThat(jdbc.sql("SELECT count(*) FROM social_organisation WHERE credit_code = ?").param(bad).query(Long.class).single()).isZero();

		assertThat(api.post("/api/v1/organisations", form("常宁爱心联盟", good), founder.token()).status()).isEqualTo(201);
		Answer again = api.post("/api/v1/organisations", form("另一个联盟", good.toLowerCase()), donor("另一人").token());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("已登记");
	}

	@Test
	void ownCountyApprovesAndAnotherCountySeesNothing() {
		Donor founder = donor("协会发起人");
		long id = register(founder, "常宁助学协会");
		String otherCounty = api().login("13800000002", DEMO_PASSWORD); // 衡阳县
		assertThat(api().post("/api/v1/organisations/" + id + "/approve", null, otherCounty).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/organisations/" + id, otherCounty).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/organisations/" + id).status()).as("pending: not public").isEqualTo(404);
		assertThat(api().post("/api/v1/organisations/" + id + "/approve", null, founder.token()).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/organisations/" + id + "/reject", "{\"reason\":\"不\"}", countyAdmin()).status()).isEqualTo(400);
		assertThat(api().post("/api/v1/organisations/" + id + "/approve", null, countyAdmin()).status()).isEqualTo(200);
		assertThat(api().post("/api/v1/organisations/" + id + "/approve", null, countyAdmin()).status()).isEqualTo(409);
		assertThat(api().get("/api/v1/organisations/" + id).json().get("state").asString()).isEqualTo("APPROVED");

		long rejected = register(donor("另一发起人"), "常宁某协会");
		assertThat(api().post("/api/v1/organisations/" + rejected + "/reject", "{\"reason\":\"信用代码与登记证书不符\"}", api().login("13800000001",
				DEMO_PASSWORD)).status()).as("the city decides too").isEqualTo(200);
	}

	@Test
	void membersJoinAreAcceptedAndLeave() {
		Donor founder = donor("联盟会长");
		long pending = register(founder, "待审联盟");
		Donor member = donor("新成员");
		assertThat(api().post("/api/v1/organisations/" + pending + "/members", null, member.token()).status()).isEqualTo(404);
		Answer refused = api().post("/api/v1/organisations/" + pending + "/members", "{\"phone\":\"" + member.phone() + "\"}", founder.token());
		assertThat(refused.status()).as("a pending organisation takes no members").isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("审核后");

		long id = approved(founder, "常宁互助联盟");
		Answer applied = api().post("/api/v1/organisations/" + id + "/members", null, member.token());
		assertThat(applied.status()).isEqualTo(201);
		long m = applied.json().get("id").asLong();
		assertThat(api().post("/api/v1/organisations/" + id + "/members", null, member.token()).status()).isEqualTo(409);
		assertThat(api().post("/api/v1/organisations/" + id + "/members/" + m + "/accept", null, member.token()).status()).as("not its own")
			.isEqualTo(403);
		assertThat(api().post("/api/v1/organisations/" + id + "/members/" + m + "/accept", null, founder.token()).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/organisations/" + id).json().get("members").asLong()).isEqualTo(2);

		Donor invited = donor("受邀人");
		Answer inv = api().post("/api/v1/organisations/" + id + "/members", "{\"phone\":\"" + invited.phone() + "\"}", founder.token());
		assertThat(inv.status()).isEqualTo(201);
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE account_id = ? AND message_key = 'notice.org.invited'").param(invited.id())
			.query(Long.class).single()).as("the invited person is told").isEqualTo(1);
		assertThat(api().post("/api/v1/organisations/" + id + "/members", "{\"phone\":\"" + invited.phone() + "\"}", member.token()).status())
			.as("members do not invite").isEqualTo(403);
		assertThat(api().post("/api/v1/organisations/" + id + "/members/" + inv.json().get("id").asLong() + "/accept", null, invited.token())
			.status()).isEqualTo(200);
		assertThat(api().get("/api/v1/organisations/" + id).json().get("members").asLong()).isEqualTo(3);

		assertThat(api().post("/api/v1/organisations/" + id + "/members/" + m + "/leave", null, member.token()).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/organisations/" + id).json().get("members").asLong()).isEqualTo(2);
		long founderRow = jdbc.sql("SELECT id FROM organisation_member WHERE organisation_id = ? AND account_id = ?").params(id, founder.id())
			.query(Long.class).single();
		assertThat(api().post("/api/v1/organisations/" + id + "/members/" + founderRow + "/leave", null, founder.token()).status())
			.as("the only administrator").isEqualTo(409);
	}

	@Test
	void membersHelpWhileMembersCountsForTheOrganisationAndTheMember() {
		Donor founder = donor("联盟理事");
		long id = approved(founder, "常宁帮扶联盟");
		Donor member = donor("张大明");
		long need = need("常宁老人冬衣");
		pledge(member, need); // before joining: not the organisation's
		long m = api().post("/api/v1/organisations/" + id + "/members", null, member.token()).json().get("id").asLong();
		api().post("/api/v1/organisations/" + id + "/members/" + m + "/accept", null, founder.token());
		pledge(member, need);

		Answer page = api().get("/api/v1/organisations/" + id);
		assertThat(page.status()).isEqualTo(200);
		var help = page.json().get("help");
		assertThat(help.get("pledges").asLong()).isEqualTo(1);
		assertThat(help.get("valuePledgedFen").asLong()).isEqualTo(30000);
		assertThat(page.body()).doesNotContain("张大明").doesNotContain(member.phone()).doesNotContain("0734-7221234").contains("张*明");

		Answer members = api().get("/api/v1/organisations/" + id + "/members", founder.token());
		assertThat(members.status()).isEqualTo(200);
		for (var row : members.json()) {
			long expected = row.get("accountId").asLong() == member.id() ? 1 : 0;
			assertThat(row.get("help").get("pledges").asLong()).isEqualTo(expected);
		}
		assertThat(api().get("/api/v1/organisations/" + id + "/members", member.token()).status()).as("not an administrator").isEqualTo(404);

		// money that arrived through the fund counts; a promise not yet paid does not
		gift(member, 50000, "RECEIVED");
		gift(member, 70000, "PROMISED");
		var withGift = api().get("/api/v1/organisations/" + id).json().get("help");
		assertThat(withGift.get("gifts").asLong()).isEqualTo(1);
		assertThat(withGift.get("giftFen").asLong()).isEqualTo(50000);

		// after leaving: the member's new pledge is its own, not the organisation's
		assertThat(api().post("/api/v1/organisations/" + id + "/members/" + m + "/leave", null, member.token()).status()).isEqualTo(200);
		pledge(member, need);
		assertThat(api().get("/api/v1/organisations/" + id).json().get("help").get("pledges").asLong()).isEqualTo(1);
	}

	private void gift(Donor d, long fen, String state) {
		jdbc.sql("""
				INSERT INTO fund_gift (reference_code, donor_id, shown_as, amount_fen, if_unfunded, state, created_at)
				VALUES (?, ?, '爱心人士', ?, 'POOL', ?, now())""")
			.params("T" + System.nanoTime() % 1_000_000_000L, d.id(), fen, state)
			.update();
	}

	@Test
	void thePublicPageShowsTheFiguresAndNoPersonalData() throws Exception {
		Donor founder = donor("页面理事");
		long id = approved(founder, "常宁公开联盟");
		Donor member = donor("李小红");
		long m = api().post("/api/v1/organisations/" + id + "/members", null, member.token()).json().get("id").asLong();
		api().post("/api/v1/organisations/" + id + "/members/" + m + "/accept", null, founder.token());
		pledge(member, need("常宁公开页需求"));
		String html = new org.bangfu.PageSession(port).get("/organisations/" + id).text();
		assertThat(html).contains("常宁公开联盟").contains("常宁市").contains("300").contains("李*红")
			.doesNotContain("李小红").doesNotContain(member.phone()).doesNotContain("0734-7221234");
		assertThat(new org.bangfu.PageSession(port).get("/organisations").text()).contains("常宁公开联盟");
		org.bangfu.PageSession admin = new org.bangfu.PageSession(port).login(founder.phone());
		assertThat(admin.get("/organisations/" + id + "/members").text()).contains("李小红");
		assertThat(admin.get("/organisations/new").text()).contains("统一社会信用代码").contains("常宁市");
		long pending = register(donor("待审页面"), "常宁待审协会");
		assertThat(new org.bangfu.PageSession(port).login("13900482001").get("/organisations/review").text()).contains("常宁待审协会");
		assertThat(new org.bangfu.PageSession(port).get("/organisations/" + pending).status()).isEqualTo(404);
	}
}
