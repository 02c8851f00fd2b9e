package org.bangfu.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.pledge.MatchingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The fund's pages over HTTP, as a browser sends them (session user, CSRF, redirect-after-POST): the public fund page,
 * ledger and reports without login; giving from a need's money line (a form posted twice is one gift; bad amounts are
 * refused on the page with a 4xx and nothing changed); a donor's own gift, receipt and gift list (another donor's gift
 * is 404); and the disclosure figures of a quarter against sums worked out by hand. Township 430421107 洪市镇.
 */
class FundPagesTest extends ApplicationTest {

	private static final String TOWNSHIP = "430421107";

	private static final String PERSON = "13800000021";

	private static final String COMPANY = "13800000022";

	@Autowired
	WebApplicationContext context;

	@Autowired
	Accounts accounts;

	@Autowired
	Giving giving;

	@Autowired
	GiftArrival arrival;

	@Autowired
	FundLedger ledger;

	@Autowired
	Payees payees;

	@Autowired
	Paying paying;

	@Autowired
	FundReports reports;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	private BangfuUser demo(String phone) {
		return accounts.findByPhone(phone).orElseThrow();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private static String body(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private long giftCount(long need) {
		return jdbc.sql("SELECT count(*) FROM fund_gift WHERE need_id = ?").param(need).query(Long.class).single();
	}

	private MockHttpServletRequestBuilder give(long need, String amount, String ifUnfunded, String key) {
		MockHttpServletRequestBuilder post = post("/fund/needs/" + need + "/gifts").with(csrf()).param("position", "0").param("amount", amount)
			.param("shown", "name");
		if (ifUnfunded != null) {
			post.param("ifUnfunded", ifUnfunded);
		}
		return key == null ? post : post.param("key", key);
	}

	@Test
	void anyoneReadsTheFundItsLedgerAndReportsWithoutLoggingIn() throws Exception {
		String village = FundFixtures.emptyVillage(jdbc, TOWNSHIP, 0);
		long need = FundFixtures.moneyNeed(jdbc, clock.instant(), village, "公开页面测试：手术费", 3_000_000, 0);
		var promised = giving.give(demo(PERSON), need, new Giving.Request(0, 50_000L, IfUnfunded.REFUND, false), null).gift();
		var gift = arrival.received(promised.referenceCode(), 50_000, "测试", clock.instant());

		String fund = body(send(get("/fund")));
		assertThat(fund).contains("衡阳市慈善总会", "公募证字", "4305 0164 6208 0000 0817", "银行存款余额", "基金池", "捐款到账", gift.receiptNumber(),
				"李*心", "/api/v1/fund/ledger/verify", "/fund/ledger", "/fund/reports?period=").doesNotContain("李爱心");
		assertThat(fund).contains(ledger.head().hash());

		String page = body(send(get("/fund/ledger")));
		assertThat(page).contains("哈希链完整", "需求" + need + "第1项", "href=\"/needs/" + need + "\"", "银行存款", "下载账本（JSON）",
				"title=\"" + ledger.head().hash() + "\"").doesNotContain("李爱心");
		assertThat(send(get("/fund/ledger").param("page", "999")).getStatus()).isEqualTo(200);

		String money = body(send(get("/fund/needs/" + need + "/money")));
		assertThat(money).contains("手术费", "已到账", "500 元", "30,000 元", "还差", "29,500 元", "登录后捐款").doesNotContain("<form");
		assertThat(body(send(get("/fund/needs/" + need + "/money").with(user(demo(COMPANY)))))).contains("id=\"give-0\"", "退回给我", "转入基金池",
				"最多 29,500.00 元");
		assertThat(body(send(get("/needs/" + need)))).contains("hx-get=\"/fund/needs/" + need + "/money\"");
		assertThat(send(get("/fund/needs/999999999/money")).getStatus()).isEqualTo(404);

		assertThat(send(get("/fund/reports")).getStatus()).isEqualTo(200);
		MockHttpServletResponse bad = send(get("/fund/reports").param("period", "2026-Q5"));
		assertThat(bad.getStatus()).isEqualTo(400);
		assertThat(body(bad)).contains("报告期“2026-Q5”无效");
		MockHttpServletResponse xlsx = send(get("/fund/reports.xlsx").param("period", "2026"));
		assertThat(xlsx.getStatus()).isEqualTo(200);
		assertThat(xlsx.getContentType()).contains("spreadsheetml");
		assertThat(body(send(get("/fund").param("lang", "en")))).contains("Public ledger", "Bank balance").doesNotContain("??");
	}

	@Test
	void aDonorGivesFromTheNeedPageOnceHowEverOftenTheFormIsSentAndOthersSeeNothingOfIt() throws Exception {
		String village = FundFixtures.emptyVillage(jdbc, TOWNSHIP, 1);
		long need = FundFixtures.moneyNeed(jdbc, clock.instant(), village, "捐款页面测试：手术费", 1_000_000, 0);
		BangfuUser donor = demo(PERSON);

		MockHttpServletResponse first = send(give(need, "1,234.5", "POOL", "key-a").with(user(donor)));
		assertThat(first.getStatus()).isEqualTo(302);
		String at = first.getRedirectedUrl();
		assertThat(at).matches("/fund/gifts/\\d+");
		assertThat(send(give(need, "1,234.5", "POOL", "key-a").with(user(donor))).getRedirectedUrl()).as("the same form again").isEqualTo(at);
		assertThat(giftCount(need)).isEqualTo(1);
		long giftId = Long.parseLong(at.substring(at.lastIndexOf('/') + 1));
		Gift gift = ledgerGift(giftId);
		assertThat(gift.amountFen()).isEqualTo(123_450);
		assertThat(gift.ifUnfunded()).isEqualTo(IfUnfunded.POOL);

		String page = body(send(get(at).with(user(donor))));
		assertThat(page).contains("1,234.50 元", "待转账", gift.referenceCode(), "中国建设银行衡阳市分行营业部", "4305 0164 6208 0000 0817",
				"附言写参考码 " + gift.referenceCode(), "撤回这笔捐款", "李*心", "未筹齐时转入基金池");
		assertThat(send(get(at).with(user(demo(COMPANY)))).getStatus()).as("another donor's gift").isEqualTo(404);
		assertThat(send(get(at)).getStatus()).as("nobody's").isIn(302, 401, 404);
		assertThat(send(get(at + "/receipt").with(user(donor))).getStatus()).as("no receipt before the money").isEqualTo(404);

		// the money arrives: receipt number, receipt page with the amount in capitals
		arrival.received(gift.referenceCode(), 123_450, "测试", clock.instant());
		Gift received = ledgerGift(giftId);
		page = body(send(get(at).with(user(donor))));
		assertThat(page).contains("已到账", received.receiptNumber(), "/fund/gifts/" + giftId + "/receipt").doesNotContain("撤回这笔捐款");
		String receipt = body(send(get(at + "/receipt").with(user(donor))));
		assertThat(receipt).contains("捐赠票据", "衡阳市慈善总会", received.receiptNumber(), "李*心", "¥1,234.50", "壹仟贰佰叁拾肆元伍角整",
				"定向捐赠：捐款页面测试：手术费（需求" + need + "第1项 手术费）");
		assertThat(send(get(at + "/receipt").with(user(demo(COMPANY)))).getStatus()).isEqualTo(404);

		// a company gives too, and cancels; the person's list shows where the money went, payments included
		MockHttpServletResponse other = send(give(need, "100", "REFUND", "key-b").with(user(demo(COMPANY))));
		String otherAt = other.getRedirectedUrl();
		MockHttpServletResponse cancelled = send(post(otherAt + "/cancel").with(csrf()).with(user(demo(COMPANY))));
		assertThat(cancelled.getRedirectedUrl()).isEqualTo(otherAt);
		assertThat(jdbc.sql("SELECT state FROM fund_gift WHERE id = ?").param(Long.parseLong(otherAt.substring(otherAt.lastIndexOf('/') + 1)))
			.query(String.class).single()).isEqualTo("CANCELLED");
		assertThat(send(post(at + "/cancel").with(csrf()).with(user(demo(COMPANY)))).getStatus()).as("not hers to cancel").isEqualTo(404);

		// the company covers the rest; the fund pays the hospital 1,000 yuan (one person may, below the four-eyes amount)
		var rest = giving.give(demo(COMPANY), need, new Giving.Request(0, 876_550L, IfUnfunded.REFUND, false), null).gift();
		arrival.received(rest.referenceCode(), 876_550, "测试", clock.instant());
		BangfuUser clerk = demo("13800000031");
		Payees.Payee hospital = payees.create(clerk, "捐款页面测试医院", PayeeKind.HOSPITAL, "中国工商银行", "1904230109000099999");
		Payment payment = paying.request(clerk, need, 0, hospital.id(), 100_000L, null);
		paying.approve(clerk, payment.id());
		String mine = body(send(get("/fund/gifts/mine").with(user(donor))));
		assertThat(mine).contains("捐款页面测试：手术费", "1,234.50 元", received.receiptNumber(), "已批准付给捐款页面测试医院：1,000.00 元",
				"等待银行付款", "需求现在：");
		paying.paid(clerk, payment.id(), "ICBC20261207001", new java.io.ByteArrayInputStream(MoneyOutTestBase.jpeg()));
		mine = body(send(get("/fund/gifts/mine").with(user(donor))));
		assertThat(mine).contains("已付给捐款页面测试医院：1,000.00 元（第 " + payment.id() + " 号拨付）").doesNotContain("等待银行付款");
		assertThat(body(send(get("/fund/gifts/mine").with(user(demo(COMPANY)))))).doesNotContain(received.receiptNumber());
	}

	private Gift ledgerGift(long id) {
		return context.getBean(Gifts.class).get(id);
	}

	@Test
	void badGiftsAreRefusedOnThePageWithTheirReasonAndNothingChanges() throws Exception {
		String village = FundFixtures.emptyVillage(jdbc, TOWNSHIP, 2);
		long need = FundFixtures.moneyNeed(jdbc, clock.instant(), village, "捐款拒绝测试：手术费", 100_000, 0);
		BangfuUser donor = demo(COMPANY);
		String[][] cases = { { "0", "REFUND", "捐款金额要大于0" }, { "-5", "REFUND", "捐款金额要大于0" }, { "abc", "REFUND", "请填写捐款金额" },
				{ "", "REFUND", "请填写捐款金额" }, { "1000.01", "REFUND", "最多还能捐 1000 元" }, { "1.234", "REFUND", "请填写捐款金额" },
				{ "100", null, "请选择" } };
		for (String[] c : cases) {
			MockHttpServletResponse refused = send(give(need, c[0], c[1], null).with(user(donor)));
			assertThat(refused.getStatus()).as(c[0]).isBetween(400, 499);
			assertThat(body(refused)).as(c[0]).contains(c[2], "id=\"fund-give-error\"", "id=\"give-0\"");
		}
		MockHttpServletResponse anonymous = send(give(need, "100", "REFUND", null));
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(body(anonymous)).contains("请先登录再捐款", "登录后捐款");
		assertThat(send(post("/fund/needs/" + need + "/gifts").param("position", "0").param("amount", "100").param("ifUnfunded", "REFUND")
			.with(user(donor))).getStatus()).as("no CSRF token").isEqualTo(403);
		assertThat(giftCount(need)).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM fund_money_line WHERE need_id = ? AND promised_fen + received_fen > 0").param(need)
			.query(Long.class).single()).isZero();
		assertThat(send(give(999_999_999L, "100", "REFUND", null).with(user(donor))).getStatus()).isEqualTo(404);
	}

	/**
	 * A quarter of 2019 (before any other money on the ledger) with gifts, payments, a refund and a grant posted in it and
	 * one payment after it: the report's figures are the sums worked out here by hand.
	 */
	@Test
	void theQuarterlyReportAddsUpTheLedgerToTheHandComputedFigures() throws Exception {
		Instant inQuarter = ZonedDateTime.of(2019, 5, 10, 10, 0, 0, 0, ReportPeriod.CITY).toInstant();
		clock.advance(Duration.between(clock.instant(), inQuarter));
		ReportPeriod q2 = ReportPeriod.parse("2019-Q2", clock);
		long opening = ledger.balanceBefore(FundAccounts.BANK, q2.from());
		long untouchedBefore = ledger.balanceBefore(FundAccounts.BANK, q2.to());
		assertThat(untouchedBefore).as("nothing else on the ledger in 2019-Q2").isEqualTo(opening);

		String medicalVillage = FundFixtures.emptyVillage(jdbc, TOWNSHIP, 3);
		String schoolVillage = FundFixtures.emptyVillage(jdbc, TOWNSHIP, 4);
		long medical = FundFixtures.moneyNeed(jdbc, clock.instant(), medicalVillage, "报表测试：手术费", 3_000_000, 0);
		long school = MatchingFixtures.publishedNeed(jdbc, clock.instant(), schoolVillage, "EDUCATION", "报表测试：学费", new long[] { 1, 500_000 });
		jdbc.sql("UPDATE need_item SET money = true, name = '学费' WHERE need_id = ?").param(school).update();

		// in: 1,000.00 and 2,000.50 directed, 300.00 to the pool; a fourth gift promised but never paid
		receive(giving.give(demo(PERSON), medical, new Giving.Request(0, 100_000L, IfUnfunded.REFUND, false), null).gift());
		receive(giving.give(demo(COMPANY), medical, new Giving.Request(0, 200_050L, IfUnfunded.POOL, false), null).gift());
		receive(giving.give(demo(PERSON), null, new Giving.Request(null, 30_000L, IfUnfunded.POOL, true), null).gift());
		giving.give(demo(COMPANY), medical, new Giving.Request(0, 9_900L, IfUnfunded.REFUND, false), null);

		// out: 1,500.00 approved from the operation (1,000.00 of it paid), a 200.00 grant to the school fees, then approved
		String hospital = "payee-" + (800_000 + medical);
		String school1 = "payee-" + (800_000 + school);
		ledger.open(hospital, AccountKind.PAYEE);
		ledger.open(school1, AccountKind.PAYEE);
		ledger.open(FundAccounts.need(school, 0), AccountKind.NEED);
		String medicalLine = FundAccounts.need(medical, 0);
		ledger.post(EntryKind.PAYMENT_APPROVED, "手术费", List.of(new LedgerLine(medicalLine, 150_000), new LedgerLine(hospital, -150_000)));
		ledger.post(EntryKind.PAYMENT, "手术费", List.of(new LedgerLine(hospital, 100_000), new LedgerLine(FundAccounts.BANK, -100_000)));
		ledger.post(EntryKind.GRANT, "资助学费", List.of(new LedgerLine(FundAccounts.POOL, 20_000), new LedgerLine(FundAccounts.need(school, 0), -20_000)));
		ledger.post(EntryKind.PAYMENT_APPROVED, "学费", List.of(new LedgerLine(FundAccounts.need(school, 0), 20_000), new LedgerLine(school1, -20_000)));
		ledger.post(EntryKind.REFUND, "退款", List.of(new LedgerLine(medicalLine, 5_000), new LedgerLine(FundAccounts.BANK, -5_000)));
		// after the quarter: the rest paid to the hospital
		clock.advance(Duration.ofDays(60));
		ledger.post(EntryKind.PAYMENT, "手术费", List.of(new LedgerLine(hospital, 50_000), new LedgerLine(FundAccounts.BANK, -50_000)));

		FundReports.Report r = reports.of(q2);
		assertThat(r.receivedFen()).isEqualTo(100_000 + 200_050 + 30_000);
		assertThat(r.giftCount()).isEqualTo(3);
		assertThat(r.receivedToPoolFen()).isEqualTo(30_000);
		assertThat(r.giftsToPool()).isEqualTo(1);
		assertThat(r.receivedDirectedFen()).isEqualTo(300_050);
		assertThat(r.giftsDirected()).isEqualTo(2);
		assertThat(r.approvedFen()).isEqualTo(170_000);
		assertThat(r.paidFen()).isEqualTo(100_000);
		assertThat(r.refundedFen()).isEqualTo(5_000);
		assertThat(r.outFen()).isEqualTo(105_000);
		assertThat(r.byCategory()).containsExactly(new FundReports.Row("MEDICAL", "MEDICAL", 150_000, 1),
				new FundReports.Row("EDUCATION", "EDUCATION", 20_000, 1));
		assertThat(r.byCounty()).containsExactly(new FundReports.Row("430421", "衡阳县", 170_000, 2));
		assertThat(r.grantedFen()).isEqualTo(20_000);
		assertThat(r.grants()).hasSize(1);
		FundReports.GrantRow grant = r.grants().get(0);
		assertThat(grant.needId()).isEqualTo(school);
		assertThat(grant.position()).isZero();
		assertThat(grant.category()).isEqualTo("EDUCATION");
		assertThat(grant.village()).isEqualTo(reports.name(schoolVillage)).doesNotContain("4304");
		assertThat(r.openingBankFen()).isEqualTo(opening);
		assertThat(r.closingBankFen()).isEqualTo(opening + 330_050 - 100_000 - 5_000);

		FundReports.Report year = reports.of(ReportPeriod.parse("2019", clock));
		assertThat(year.paidFen()).isEqualTo(150_000);
		assertThat(year.receivedFen()).isEqualTo(330_050);
		assertThat(year.closingBankFen()).isEqualTo(opening + 330_050 - 150_000 - 5_000);
		// the fund page's year figures, summed in SQL, agree
		ReportPeriod y2019 = ReportPeriod.year(2019);
		assertThat(ledger.sumOn(FundAccounts.BANK, List.of(EntryKind.GIFT_RECEIVED), y2019.from(), y2019.to())).containsExactly(330_050, 3);
		assertThat(ledger.sumOn(FundAccounts.BANK, List.of(EntryKind.PAYMENT, EntryKind.REFUND), y2019.from(), y2019.to()))
			.containsExactly(-155_000, 3);

		// the page and the workbook show the same figures
		clock.reset();
		String page = body(send(get("/fund/reports").param("period", "2019-Q2")));
		assertThat(page).contains("2019-Q2 信息公开", "3,300.50 元", "300 元", "3,000.50 元", "1,700 元", "1,000 元", "50 元", "200 元", "医疗", "教育",
				"衡阳县", grant.village(), "需求" + school + "第1项", "2019-04-01 – 2019-06-30").doesNotContain("李爱心");
		MockHttpServletResponse xlsx = send(get("/fund/reports.xlsx").param("period", "2019-Q2"));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			Sheet summary = book.getSheet("收支概况");
			assertThat(summary.getRow(5).getCell(0).getStringCellValue()).isEqualTo("收到捐款");
			assertThat(summary.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(3300.50);
			assertThat(summary.getRow(5).getCell(2).getNumericCellValue()).isEqualTo(3);
			assertThat(summary.getRow(10).getCell(1).getNumericCellValue()).isEqualTo(1000.00);
			Sheet category = book.getSheet("按类别");
			assertThat(category.getRow(1).getCell(0).getStringCellValue()).isEqualTo("医疗");
			assertThat(category.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1500.00);
			Sheet grants = book.getSheet("基金池资助");
			assertThat(grants.getRow(1).getCell(3).getStringCellValue()).isEqualTo(grant.village());
			assertThat(grants.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(200.00);
		}
	}

	private void receive(Gift gift) {
		arrival.received(gift.referenceCode(), gift.amountFen(), "测试", clock.instant());
	}
}
