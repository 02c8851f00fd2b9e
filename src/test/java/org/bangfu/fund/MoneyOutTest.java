package org.bangfu.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.bangfu.ApiClient;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Money out (issue 14): the fund's pledge of a covered line, payments with four eyes and proof, grants, a need ending, goods. */
class MoneyOutTest extends MoneyOutTestBase {

	@Autowired
	Regions regions;

	private long need(int village, long moneyFen) {
		String code = FundFixtures.emptyVillage(jdbc, TOWNSHIP, village);
		return FundFixtures.moneyNeed(jdbc, clock.instant(), code, "手术费众筹" + village, moneyFen, 0);
	}

	/** A line covered by two donors' gifts: the fund has pledged it. */
	private long coveredNeed(int village, long moneyFen) {
		long id = need(village, moneyFen);
		given(donor(), id, moneyFen / 3, IfUnfunded.REFUND);
		given(donor(), id, moneyFen - moneyFen / 3, IfUnfunded.POOL);
		return id;
	}

	@Test
	void aCoveredLineIsPledgedByTheFundAndTheNeedIsPledged() {
		long id = need(0, 300_000);
		given(donor(), id, 100_000, IfUnfunded.REFUND);
		assertThat(needState(id)).as("partly raised: not pledged yet").isEqualTo("PUBLISHED");
		given(donor(), id, 200_000, IfUnfunded.POOL);
		Long pledge = lines.ofNeed(id).get(0).pledgeId();
		assertThat(pledge).isNotNull();
		assertThat(jdbc.sql("SELECT donor_id FROM pledge WHERE id = ?").param(pledge).query(Long.class).single()).isEqualTo(fundAccount.id());
		assertThat(jdbc.sql("SELECT name FROM account WHERE id = ?").param(fundAccount.id()).query(String.class).single()).isEqualTo("衡阳市社会扶贫帮扶基金");
		assertThat(needState(id)).isEqualTo("PLEDGED");
		assertThat(line(id)).isEqualTo(300_000);
	}

	@Test
	void aboveTheThresholdASecondPersonApprovesAndNobodyTwice() {
		long id = coveredNeed(1, 2_000_000); // 20,000 yuan, above the demo's 10,000
		long payee = hospital().id();
		ApiClient api = api();
		String a = api.login("13800000031", DEMO_PASSWORD);
		String b = api.login("13800000032", DEMO_PASSWORD);
		ApiClient.Answer asked = api.post("/api/v1/fund/payments",
				"{\"needId\":" + id + ",\"itemId\":0,\"payeeId\":" + payee + ",\"amountFen\":2000000}", a);
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		long payment = asked.json().get("id").asLong();
		ApiClient.Answer own = api.post("/api/v1/fund/payments/" + payment + "/approve", null, a);
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.body()).contains("另一名基金工作人员");
		assertThat(line(id)).as("nothing moved").isEqualTo(2_000_000);
		assertThat(api.post("/api/v1/fund/payments/" + payment + "/approve", null, b).status()).isEqualTo(200);
		ApiClient.Answer twice = api.post("/api/v1/fund/payments/" + payment + "/approve", null, b);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.body()).contains("不能重复批准");
		assertThat(line(id)).isZero();
		assertThat(ledger.balance(FundAccounts.payee(payee))).isEqualTo(2_000_000);
		assertThat(api.get("/api/v1/fund/payments?state=APPROVED", a).body()).contains("\"id\":" + payment);
		// someone who is not fund staff
		String donor = api.login("13800000021", DEMO_PASSWORD);
		assertThat(api.post("/api/v1/fund/payments/" + payment + "/approve", null, donor).status()).isEqualTo(403);
	}

	@Test
	void atOrBelowTheThresholdOnePersonSuffices() {
		long id = coveredNeed(2, 50_000);
		Payment p = paying.request(staffA(), id, 0, hospital().id(), 50_000L, null);
		assertThat(paying.approve(staffA(), p.id()).state()).isEqualTo(PaymentState.APPROVED);
	}

	@Test
	void aPaymentLargerThanRaisedIsRefusedWithNothingChanged() {
		long id = coveredNeed(3, 100_000);
		long payee = hospital().id();
		long before = entries();
		long bank = ledger.balance(FundAccounts.BANK);
		assertThatThrownBy(() -> paying.request(staffA(), id, 0, payee, 100_001L, null)).isInstanceOf(ConflictException.class)
			.hasMessage("fund.payment.more-than-line");
		assertThatThrownBy(() -> paying.request(staffA(), id, 0, payee, 0L, null)).isInstanceOf(BadInputException.class);
		// the ledger stands behind it: approving a second payment when the first took the line's money is refused (409)
		Payment first = paying.request(staffA(), id, 0, payee, 60_000L, null);
		Payment second = paying.request(staffA(), id, 0, payee, 60_000L, null);
		paying.approve(staffB(), first.id());
		long mid = entries();
		assertThatThrownBy(() -> paying.approve(staffB(), second.id())).isInstanceOf(ConflictException.class)
			.hasMessage("fund.ledger.balance-negative");
		assertThat(entries()).isEqualTo(mid);
		assertThat(mid).isEqualTo(before + 1);
		assertThat(ledger.balance(FundAccounts.BANK)).isEqualTo(bank);
		assertThat(jdbc.sql("SELECT state FROM fund_payment WHERE id = ?").param(second.id()).query(String.class).single()).isEqualTo("REQUESTED");
		// a line not covered is not paid
		long open = need(4, 90_000);
		given(donor(), open, 10_000, IfUnfunded.POOL);
		assertThatThrownBy(() -> paying.request(staffA(), open, 0, payee, 5_000L, null)).isInstanceOf(ConflictException.class)
			.hasMessage("fund.payment.line-not-covered");
	}

	@Test
	void payingAHouseholdsOwnAccountNeedsAReasonAndIsLogged() {
		long id = coveredNeed(5, 40_000);
		Payees.Payee household = payees.create(staffA(), "王小明", PayeeKind.HOUSEHOLD, "农村信用社", "6230 1234 5678 9012");
		assertThat(household.publicName()).isEqualTo("王*明");
		assertThat(household.publicAccountNumber()).isEqualTo("************9012");
		assertThatThrownBy(() -> paying.request(staffA(), id, 0, household.id(), 40_000L, " ")).isInstanceOf(BadInputException.class)
			.hasMessage("fund.payment.household-reason-required");
		Payment p = paying.request(staffA(), id, 0, household.id(), 40_000L, "当地医院已结清，垫付的医药费直接还给本人");
		assertThat(p.householdReason()).startsWith("当地医院已结清");
		assertThat(jdbc.sql("SELECT detail FROM operation_log WHERE action = 'fund.payment.household-account' AND target = ?")
			.param("payment:" + p.id()).query(String.class).single()).contains("当地医院已结清");
		paying.approve(staffB(), p.id());
		ApiClient.Answer shown = api().get("/api/v1/needs/" + id + "/payments");
		assertThat(shown.status()).as("public").isEqualTo(200);
		assertThat(shown.body()).contains("王*明", "************9012").doesNotContain("王小明", "6230 1234");
	}

	@Test
	void paidShipsTheFundsPledgeAndTheHouseholdsConfirmationCompletesTheNeed() throws Exception {
		long id = coveredNeed(6, 120_000);
		String village = jdbc.sql("SELECT region_code FROM need WHERE id = ?").param(id).query(String.class).single();
		long payee = hospital().id();
		Payment p = paying.request(staffA(), id, 0, payee, 120_000L, null);
		paying.approve(staffB(), p.id());
		long bank = ledger.balance(FundAccounts.BANK);
		ApiClient api = api();
		String a = api.login("13800000031", DEMO_PASSWORD);
		assertThat(api.postFile("/api/v1/fund/payments/" + p.id() + "/paid", "proof", "x.txt", "text/plain", "hello".getBytes(), a).status())
			.as("no transaction number").isEqualTo(400);
		ApiClient.Answer wrong = api.postFile("/api/v1/fund/payments/" + p.id() + "/paid?transactionNumber=TX2026120701", "proof", "x.txt",
				"text/plain", "hello".getBytes(), a);
		assertThat(wrong.status()).as(wrong.body()).isEqualTo(415);
		byte[] huge = new byte[11 * 1024 * 1024];
		System.arraycopy(pdf(), 0, huge, 0, pdf().length);
		assertThat(api.postFile("/api/v1/fund/payments/" + p.id() + "/paid?transactionNumber=TX2026120701", "proof", "big.pdf", "application/pdf",
				huge, a).status()).as("too large").isEqualTo(413);
		ApiClient.Answer photo = api.postFile("/api/v1/fund/payments/" + p.id() + "/paid?transactionNumber=TX2026120701", "proof", "r.jpg",
				"image/jpeg", jpeg(), a);
		assertThat(photo.status()).as("a photo of the bank slip is accepted too; this payment is now paid").isEqualTo(200);
		assertThat(api.postFile("/api/v1/fund/payments/" + p.id() + "/paid?transactionNumber=TX2026120701", "proof", "r.pdf", "application/pdf",
				pdf(), a).status()).as("paid twice").isEqualTo(409);
		assertThat(needState(id)).isEqualTo("DELIVERED");
		ApiClient.Answer paid = api.get("/api/v1/fund/payments?state=PAID", a);
		assertThat(paid.status()).isEqualTo(200);
		assertThat(paid.body()).contains("\"id\":" + p.id());
		assertThat(ledger.balance(FundAccounts.BANK)).isEqualTo(bank - 120_000);
		assertThat(ledger.balance(FundAccounts.payee(payee))).isZero();
		long pledge = lines.ofNeed(id).get(0).pledgeId();
		assertThat(jdbc.sql("SELECT state FROM pledge WHERE id = ?").param(pledge).query(String.class).single()).isEqualTo("IN_TRANSIT");
		assertThat(needState(id)).isEqualTo("DELIVERED");
		ApiClient.Answer proof = api.get("/api/v1/fund/payments/" + p.id() + "/proof", a);
		assertThat(proof.status()).isEqualTo(200);
		assertThat(proof.contentType()).startsWith("image/jpeg");

		// the village officer confirms on the household's behalf, with a photo, on the existing pledge API
		String phone = newPhone();
		long officer = accounts.create(new org.bangfu.account.Accounts.NewAccount(phone, "测试村信息员", DEMO_PASSWORD, null, null, null, null));
		accounts.grant(officer, Role.VILLAGE_OFFICER, regions.get(RegionCode.parse(village)), null);
		String token = api.login(phone, DEMO_PASSWORD);
		ApiClient.Answer received = api.postFile("/api/v1/pledges/" + pledge + "/receive", "photo", "r.jpg", "image/jpeg", jpeg(), token);
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		assertThat(needState(id)).isEqualTo("CONFIRMED");
	}

	@Test
	void theFundGrantsFromItsPoolAndAGrantThatCoversPledgesTheLine() {
		given(donor(), null, 50_000, IfUnfunded.POOL);
		long id = need(7, 80_000);
		given(donor(), id, 30_000, IfUnfunded.REFUND);
		long pool = ledger.balance(FundAccounts.POOL);
		assertThatThrownBy(() -> grants.grant(staffA(), id, 0, 50_001L)).isInstanceOf(ConflictException.class)
			.hasMessage("fund.grant.more-than-open");
		assertThatThrownBy(() -> grants.grant(donor(), id, 0, 100L)).isInstanceOf(NotPermittedException.class);
		Grants.Grant g = grants.grant(staffA(), id, 0, 50_000L);
		assertThat(g.grantedBy()).isEqualTo(staffA().id());
		assertThat(ledger.balance(FundAccounts.POOL)).isEqualTo(pool - 50_000);
		assertThat(line(id)).isEqualTo(80_000);
		assertThat(lines.ofNeed(id).get(0).receivedFen()).isEqualTo(80_000);
		assertThat(lines.ofNeed(id).get(0).pledgeId()).isNotNull();
		assertThat(needState(id)).isEqualTo("PLEDGED");
		assertThat(grants.ofLine(id, 0)).hasSize(1);
	}

	@Test
	void aNeedThatEndsUnfundedHandsItsGiftsBackAsTheDonorsChose() {
		long id = need(8, 100_000);
		Gift pooled = given(donor(), id, 20_000, IfUnfunded.POOL);
		Gift refund = given(donor(), id, 30_000, IfUnfunded.REFUND);
		BangfuUser late = donor();
		Gift promised = promise(late, id, 10_000, IfUnfunded.POOL);
		long pool = ledger.balance(FundAccounts.POOL);
		expire(id);
		assertThat(gift(pooled.id()).state()).isEqualTo(GiftState.POOLED);
		assertThat(gift(refund.id()).state()).isEqualTo(GiftState.REFUND_DUE);
		assertThat(gift(promised.id()).state()).isEqualTo(GiftState.LAPSED);
		assertThat(lines.ofNeed(id).get(0).promisedFen()).isZero();
		assertThat(ledger.balance(FundAccounts.POOL)).isEqualTo(pool + 20_000);
		assertThat(line(id)).as("the refund due stays on the line").isEqualTo(30_000);

		ApiClient api = api();
		String b = api.login("13800000032", DEMO_PASSWORD);
		assertThat(api.post("/api/v1/fund/gifts/" + refund.id() + "/refunded", null, b).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/fund/gifts/" + refund.id() + "/refunded", null, b).status()).isEqualTo(409);
		assertThat(gift(refund.id()).state()).isEqualTo(GiftState.REFUNDED);
		assertThat(line(id)).isZero();

		// the promised gift's money comes after all: taken in with a receipt, and into the pool as its donor chose
		Gift arrived = arrival.received(promised.referenceCode(), 10_000, "test", clock.instant());
		assertThat(arrived.state()).isEqualTo(GiftState.POOLED);
		assertThat(arrived.receiptNumber()).isNotNull();
		assertThat(line(id)).isZero();
		assertThat(ledger.balance(FundAccounts.POOL)).isEqualTo(pool + 30_000);
	}

	@Test
	void goodsAreRecordedAtTheirDeclaredValueAndHandedOnOnce() {
		long goodsBefore = ledger.balanceOrZero(FundAccounts.GOODS);
		GoodsGifts.GoodsGift g = goods.record(staffA(), null, "衡阳某电器公司", "电饭锅 20 台", 400_000L);
		assertThat(g.receiptNumber()).startsWith("HYCS");
		assertThat(ledger.balance(FundAccounts.GOODS)).isEqualTo(goodsBefore + 400_000);
		goods.grant(staffB(), g.id(), "金兰镇敬老院");
		assertThat(ledger.balance(FundAccounts.GOODS)).isEqualTo(goodsBefore);
		assertThatThrownBy(() -> goods.grant(staffB(), g.id(), "再转一次")).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> goods.record(staffA(), null, "某人", "空", 0L)).isInstanceOf(BadInputException.class);
		assertThat(ledgerSum()).isZero();
	}

	@Test
	void fundStaffLandOnTheirWorkPageAndApproveAndPayOnThePaymentPage() throws Exception {
		long id = coveredNeed(9, 1_500_000);
		Payment p = paying.request(staffA(), id, 0, hospital().id(), 1_500_000L, null);
		var cookies = new java.net.CookieManager();
		var http = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
		String base = "http://localhost:" + port;
		String login = get(http, base + "/login").body();
		var loggedIn = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("phone=13800000032&password=" + DEMO_PASSWORD + "&_csrf=" + csrf(login)))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.headers().firstValue("Location").orElse("")).endsWith("/fund/work");
		var work = get(http, base + "/fund/work");
		assertThat(work.statusCode()).isEqualTo(200);
		assertThat(work.body()).contains("基金工作台", "/fund/payments/" + p.id(), "须另一名工作人员批准");
		var page = get(http, base + "/fund/payments/" + p.id());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("approve-form");
		var approved = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/fund/payments/" + p.id() + "/approve"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(page.body())))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(approved.statusCode()).isEqualTo(302);
		var after = get(http, base + "/fund/payments/" + p.id());
		assertThat(after.body()).contains("paid-form", "已批准");
		var added = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/fund/payees"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=" + java.net.URLEncoder.encode("金兰镇中心小学", java.nio.charset.StandardCharsets.UTF_8)
					+ "&kind=SCHOOL&bank=" + java.net.URLEncoder.encode("农业银行", java.nio.charset.StandardCharsets.UTF_8)
					+ "&accountNumber=6228480000001234&_csrf=" + csrf(work.body())))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(get(http, base + "/fund/work").body()).contains("金兰镇中心小学", "已添加收款方");
		long goodsBefore = jdbc.sql("SELECT count(*) FROM fund_goods_gift").query(Long.class).single();
		for (String value : new String[] { "abc", "800" }) {
			var goods = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/fund/goods"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("shownAs=" + java.net.URLEncoder.encode("爱心人士", java.nio.charset.StandardCharsets.UTF_8)
						+ "&description=" + java.net.URLEncoder.encode("棉被 20 床", java.nio.charset.StandardCharsets.UTF_8) + "&valueYuan=" + value
						+ "&_csrf=" + csrf(work.body())))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(goods.statusCode()).isEqualTo(302);
			assertThat(get(http, base + "/fund/work").body()).contains("abc".equals(value) ? "金额要大于0" : "已登记捐赠物资并开具票据");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM fund_goods_gift").query(Long.class).single()).as("the bad value recorded nothing").isEqualTo(goodsBefore + 1);
	}

	private static java.net.http.HttpResponse<String> get(java.net.http.HttpClient http, String url) throws Exception {
		return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String html) {
		var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private Gift gift(long id) {
		return tx.execute(s -> giftsRepo.get(id));
	}

	@Autowired
	Gifts giftsRepo;

}
