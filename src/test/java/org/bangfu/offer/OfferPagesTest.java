package org.bangfu.offer;

import org.bangfu.pledge.Recommendations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.FlashMap;

/**
 * The offer pages over HTTP, as a browser sends them (session user, CSRF, redirect-after-POST with
 * the flash): the public list, the new-offer form's refusals, who may ask for an offer, accepting
 * (once, however often it is tapped), and the donor's recommendations on the home page.
 */
class OfferPagesTest extends ApplicationTest {

	private static final String DONOR = "13800000022";

	private static final String PERSON = "13800000021";

	private static final String OFFICER = "13800000004";

	private static final String OTHER_OFFICER = "13800000014";

	private static final String MANAGER = "13800000003";

	@Autowired
	WebApplicationContext context;

	@Autowired
	Accounts accounts;

	@Autowired
	Offers offers;

	@Autowired
	Recommendations recommendations;

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

	/** What the browser shows after a redirect-after-POST: the page it is sent to, with the flash. */
	private String follow(MvcResult posted, BangfuUser as) throws Exception {
		assertThat(posted.getResponse().getStatus()).as(posted.getResponse().getContentAsString()).isEqualTo(302);
		FlashMap flash = posted.getFlashMap();
		String target = posted.getResponse().getRedirectedUrl().replaceAll("#.*", "");
		MockHttpServletRequestBuilder next = get(target).flashAttrs(flash);
		return body(send(as == null ? next : next.with(user(as))));
	}

	private long offer(String phone, String category, String title, int quantity, List<String> regions) {
		boolean school = "EDUCATION".equals(category);
		return offers.create(demo(phone), new Offers.NewOffer(org.bangfu.need.NeedCategory.valueOf(category), title, "测试用的捐赠。",
				school ? "书包" : "棉被", school ? "学习用品" : "生活用品", school ? "个" : "床", quantity, regions));
	}

	private long offerCount() {
		return jdbc.sql("SELECT count(*) FROM offer").query(Long.class).single();
	}

	@Test
	void anyoneSeesTheOpenOffersWithDonorsMaskedAndTheFormNeedsALogin() throws Exception {
		long company = offer(DONOR, "OTHER", "公开列表里的棉被 " + System.nanoTime() % 10000, 10, List.of("430421"));
		long person = offer(PERSON, "EDUCATION", "公开列表里的书包 " + System.nanoTime() % 10000, 5, List.of());
		String title = offers.get(company).title();

		String list = body(send(get("/offers")));
		assertThat(list).contains(title, offers.get(person).title(), "衡阳湘江农业发展有限公司", "李*心", "送往：衡阳县", "送往：不限地区")
			.doesNotContain("李爱心")
			.doesNotContain("id=\"offer-new\"");
		assertThat(body(send(get("/offers").param("category", "EDUCATION")))).contains(offers.get(person).title()).doesNotContain(title);
		assertThat(body(send(get("/offers").param("category", "nonsense")))).as("an unknown category is no filter").contains(title);

		assertThat(body(send(get("/offers").param("lang", "en")))).contains("Offered goods", "To: anywhere").doesNotContain("??");
		assertThat(body(send(get("/offers/" + company).param("lang", "en")))).contains("Log in to ask", "10 床 (of 10 床)", "衡阳县").doesNotContain("??");

		String page = body(send(get("/offers/" + company)));
		assertThat(page).contains(title, "还剩", "10 床", "衡阳县", "登录后申请").doesNotContain("收到的申请");
		assertThat(send(get("/offers/999999999")).getStatus()).isEqualTo(404);
		assertThat(send(get("/offers/new")).getRedirectedUrl()).endsWith("/login");
		assertThat(send(get("/offers/mine")).getRedirectedUrl()).endsWith("/login");
		assertThat(send(post("/offers").with(csrf()).param("title", "未登录的捐赠")).getRedirectedUrl()).endsWith("/login");

		assertThat(body(send(get("/offers").with(user(demo(PERSON)))))).as("a donor may offer").contains("id=\"offer-new\"");
		assertThat(body(send(get("/offers").with(user(demo(OFFICER)))))).as("an officer asks instead").doesNotContain("id=\"offer-new\"")
			.contains("offer-ask-hint");
		assertThat(send(get("/offers/new").with(user(demo("13800000051")))).getStatus()).as("a household does not offer").isEqualTo(403);
	}

	@Test
	void theDemoHasOffersOneOfThemAskedFor() throws Exception {
		long quilts = jdbc.sql("SELECT id FROM offer WHERE title = '捐赠新棉被 30 床'").query(Long.class).single();
		assertThat(body(send(get("/offers/" + quilts).with(user(demo(DONOR)))))).contains("收到的申请（1）", "周*兰家需要过冬棉被", "同意，捐 2 床");
		assertThat(body(send(get("/offers/" + quilts).with(user(demo(OTHER_OFFICER)))))).contains("周秀兰家需要过冬棉被", "等待捐赠者同意");
	}

	@Test
	void theNewOfferFormRefusesBadInputInChineseKeepsWhatWasTypedAndCreatesNothing() throws Exception {
		BangfuUser donor = demo(DONOR);
		String form = body(send(get("/offers/new").with(user(donor))));
		assertThat(form).contains("我要捐赠", "衡阳县", "衡南县", "name=\"key\"");
		long before = offerCount();

		MvcResult refused = mvc.perform(post("/offers").with(user(donor)).with(csrf()).param("category", "OTHER").param("title", "新棉被二十床")
			.param("itemName", "棉被").param("kind", "生活用品").param("unit", "床").param("quantity", "二十").param("county", "430421").param("key", "k-" + System.nanoTime()))
			.andReturn();
		assertThat(posted(refused)).endsWith("/offers/new");
		String shown = follow(refused, donor);
		assertThat(shown).contains("数量须为 1 到 1000000 的整数", "value=\"新棉被二十床\"", "value=\"二十\"");
		assertThat(shown).as("the county stays chosen and its townships offered").contains("<option value=\"430421\" selected=\"selected\"", "西渡镇");

		assertThat(follow(mvc.perform(post("/offers").with(user(donor)).with(csrf()).param("category", "OTHER").param("title", "棉被")
			.param("itemName", "棉被").param("kind", "生活用品").param("unit", "床").param("quantity", "3")).andReturn(), donor)).contains("标题须为 4 到 60 个字");
		assertThat(follow(mvc.perform(post("/offers").with(user(donor)).with(csrf()).param("title", "新棉被二十床")
			.param("itemName", "棉被").param("kind", "生活用品").param("unit", "床").param("quantity", "3")).andReturn(), donor)).contains("请选择捐赠对应的需求类别");
		assertThat(follow(mvc.perform(post("/offers").with(user(donor)).with(csrf()).param("category", "OTHER").param("title", "新棉被二十床")
			.param("itemName", "棉被").param("kind", "生活用品").param("unit", "床").param("quantity", "3").param("county", "430422").param("township", "430421100"))
			.andReturn(), donor)).contains("所选乡镇不在所选县市区内");
		assertThat(follow(mvc.perform(post("/offers").with(user(donor)).with(csrf()).param("category", "OTHER").param("title", "新棉被二十床")
			.param("itemName", "棉被").param("kind", "生活用品").param("unit", "床").param("quantity", "3").param("county", "999999")).andReturn(), donor))
			.contains("没有这个区划代码");
		assertThat(offerCount()).as("nothing refused was created").isEqualTo(before);

		// the same form sent twice (a double tap): one offer, and both answers lead to it
		String key = "k-" + System.nanoTime();
		MockHttpServletRequestBuilder good = post("/offers").with(user(donor)).with(csrf()).param("category", "OTHER")
			.param("title", "新棉被二十床 " + key).param("itemName", "棉被").param("kind", "生活用品").param("unit", "床").param("quantity", "２０")
			.param("county", "430421").param("township", "430421100").param("key", key);
		String first = posted(mvc.perform(good).andReturn());
		String second = posted(mvc.perform(good).andReturn());
		assertThat(first).matches(".*/offers/\\d+").isEqualTo(second);
		assertThat(offerCount()).isEqualTo(before + 1);
		Offers.Offer made = offers.get(Long.parseLong(first.replaceAll(".*/", "")));
		assertThat(made.quantity()).as("full-width digits, as a Chinese keyboard types them").isEqualTo(20);
		assertThat(made.regionPrefixes()).containsExactly("430421100");
		assertThat(follow(mvc.perform(good).andReturn(), donor)).contains("捐赠已发布", "衡阳县 · 西渡镇");
	}

	private static String posted(MvcResult result) {
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	@Test
	void onlyStaffInScopeAndInsideTheOffersAreaCanAskForIt() throws Exception {
		long need = publishedBlankets(3);
		String needTitle = jdbc.sql("SELECT title FROM need WHERE id = ?").param(need).query(String.class).single();
		long elsewhere = offer(DONOR, "OTHER", "只送衡南县的棉被", 10, List.of("430422"));
		long here = offer(DONOR, "OTHER", "只送西渡镇的棉被", 10, List.of("430421100"));
		long education = offer(DONOR, "EDUCATION", "西渡镇的书包", 10, List.of("430421100"));
		BangfuUser officer = demo(OFFICER);

		// the officer of the need's village: the need is offered under the right offer only
		assertThat(body(send(get("/offers/" + here).with(user(officer))))).contains("我想要", "candidate-" + need, needTitle);
		assertThat(body(send(get("/offers/" + elsewhere).with(user(officer))))).doesNotContain("candidate-" + need).contains("want-none");
		assertThat(body(send(get("/offers/" + education).with(user(officer))))).doesNotContain("candidate-" + need).contains("want-none");
		// their township manager reaches it too; the officer of another county does not see it
		assertThat(body(send(get("/offers/" + here).with(user(demo(MANAGER)))))).contains("candidate-" + need);
		BangfuUser stranger = demo(OTHER_OFFICER);
		assertThat(body(send(get("/offers/" + here).with(user(stranger))))).doesNotContain("candidate-" + need).doesNotContain(needTitle);
		// a household's own account: its own needs only
		long own = publishedBlankets("4304211002030001", "张大山", 2);
		BangfuUser household = demo("13800000051");
		assertThat(body(send(get("/offers/" + here).with(user(household))))).contains("candidate-" + own).doesNotContain("candidate-" + need);
		assertThat(send(post("/offers/" + here + "/requests").with(user(household)).with(csrf()).param("needId", String.valueOf(need))
			.param("position", "0").param("quantity", "1")).getStatus()).as("another household's need").isEqualTo(404);

		// asking anyway, past the page: refused, and nothing asked
		String refused = follow(mvc.perform(post("/offers/" + elsewhere + "/requests").with(user(officer)).with(csrf())
			.param("needId", String.valueOf(need)).param("position", "0").param("quantity", "1")).andReturn(), officer);
		assertThat(refused).contains("这条捐赠不送到该需求所在的地区");
		assertThat(send(post("/offers/" + here + "/requests").with(user(stranger)).with(csrf()).param("needId", String.valueOf(need))
			.param("position", "0").param("quantity", "1")).getStatus()).as("out of scope: as if it did not exist").isEqualTo(404);
		assertThat(send(post("/offers/" + here + "/requests").with(user(demo(PERSON))).with(csrf()).param("needId", String.valueOf(need))
			.param("position", "0").param("quantity", "1")).getStatus()).as("a donor asks for nobody").isEqualTo(404);
		assertThat(follow(mvc.perform(post("/offers/" + here + "/requests").with(user(officer)).with(csrf()).param("needId", String.valueOf(need))
			.param("position", "0").param("quantity", "多")).andReturn(), officer)).contains("认领数量须为正整数");
		assertThat(follow(mvc.perform(post("/offers/" + here + "/requests").with(user(officer)).with(csrf()).param("needId", String.valueOf(need))
			.param("position", "0").param("quantity", "4")).andReturn(), officer)).contains("最多只能申请 3");
		assertThat(jdbc.sql("SELECT count(*) FROM offer_request WHERE need_id = ?").param(need).query(Long.class).single()).isZero();
	}

	@Test
	void theDonorAcceptsOnceHoweverOftenTheButtonIsTapped() throws Exception {
		long need = publishedBlankets(3);
		long offerId = offer(DONOR, "OTHER", "送给西渡村的棉被", 10, List.of("430421"));
		BangfuUser officer = demo(OFFICER);
		BangfuUser donor = demo(DONOR);

		MockHttpServletRequestBuilder ask = post("/offers/" + offerId + "/requests").with(user(officer)).with(csrf())
			.param("needId", String.valueOf(need)).param("position", "0").param("quantity", "2");
		assertThat(follow(mvc.perform(ask).andReturn(), officer)).contains("已申请 2 床", "等待捐赠者同意");
		assertThat(follow(mvc.perform(ask).andReturn(), officer)).as("a second tap of 我想要 is no error").contains("已申请 2 床")
			.doesNotContain("offer-error");
		long requestId = jdbc.sql("SELECT id FROM offer_request WHERE need_id = ?").param(need).query(Long.class).single();

		String page = body(send(get("/offers/" + offerId).with(user(donor))));
		assertThat(page).contains("收到的申请（1）", "accept-" + requestId, "同意，捐 2 床", "西渡村委会", "/needs/" + need);
		assertThat(card(body(send(get("/offers/mine").with(user(donor)))), "mine-" + offerId)).contains("送给西渡村的棉被", "1 条申请等您处理");
		assertThat(send(post("/offers/requests/" + requestId + "/accept").with(user(demo(PERSON))).with(csrf())).getStatus())
			.as("another donor's request").isEqualTo(404);

		// a double tap: both requests at once; one pledge, the offer shrinks once, both answers say it worked
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcResult>> taps = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			taps.add(pool.submit(() -> {
				start.await();
				return mvc.perform(post("/offers/requests/" + requestId + "/accept").with(user(donor)).with(csrf())).andReturn();
			}));
		}
		start.countDown();
		List<String> shown = new ArrayList<>();
		for (Future<MvcResult> tap : taps) {
			shown.add(follow(tap.get(), donor));
		}
		pool.shutdown();
		long pledges = jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ? AND donor_id = ?").params(need, donor.id()).query(Long.class).single();
		assertThat(pledges).isEqualTo(1);
		long pledge = jdbc.sql("SELECT id FROM pledge WHERE need_id = ?").param(need).query(Long.class).single();
		assertThat(offers.get(offerId).remaining()).isEqualTo(8);
		assertThat(shown).allSatisfy(s -> assertThat(s).contains("已同意", "/needs/" + need + "#pledge-" + pledge).doesNotContain("offer-error"));
		assertThat(jdbc.sql("SELECT quantity FROM pledge WHERE id = ?").param(pledge).query(Integer.class).single()).isEqualTo(2);

		// and once more, later: still the one pledge
		assertThat(follow(mvc.perform(post("/offers/requests/" + requestId + "/accept").with(user(donor)).with(csrf())).andReturn(), donor))
			.contains("已同意");
		assertThat(jdbc.sql("SELECT count(*) FROM pledge WHERE need_id = ?").param(need).query(Long.class).single()).isEqualTo(1);
		assertThat(body(send(get("/offers/" + offerId).with(user(officer))))).as("the officer follows the request").contains("asked-" + requestId,
				"捐赠者已同意");
		assertThat(card(body(send(get("/offers/mine").with(user(donor)))), "mine-" + offerId)).contains("送给西渡村的棉被", "还剩 8 / 10 床")
			.doesNotContain("条申请等您处理");
	}

	/** The list item with this id, from its tag to its end. */
	private static String card(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id + " on the page").isNotNegative();
		return page.substring(start, page.indexOf("</li>", start));
	}

	@Test
	void aDonorFindsRecommendationsOnTheHomePageAndNobodyElseDoes() throws Exception {
		publishedBlankets(2);
		BangfuUser donor = demo(DONOR);
		List<Recommendations.Recommended> expected = recommendations.forDonor(donor.id(), Recommendations.RECOMMENDED_ON_HOME);
		assertThat(expected).isNotEmpty();

		String fragment = body(send(get("/pledges/recommended").with(user(donor))));
		assertThat(fragment).contains("id=\"home-recommendations\"", "/needs/" + expected.get(0).needId(), expected.get(0).title())
			.doesNotContain("<html");
		assertThat(fragment.split("class=\"need-card pledge-suggestion\"", -1).length - 1).isEqualTo(expected.size()).isLessThanOrEqualTo(5);

		assertThat(body(send(get("/").with(user(donor))))).contains("hx-get=\"/pledges/recommended\"", "href=\"/pledges/mine#recommend\"");
		assertThat(body(send(get("/")))).doesNotContain("home-recommend").doesNotContain("/pledges/recommended");
		assertThat(body(send(get("/").with(user(demo(OFFICER)))))).doesNotContain("home-recommend");
		assertThat(send(get("/pledges/recommended")).getStatus()).as("signed in only").isEqualTo(302);
	}

	/** A published need of 刘冬梅's household in 西渡村: 棉被, as many as asked. */
	@Test
	void anOfferOfAnotherKindListsANeedOnlyAsASubstituteAndALineAskedForLeavesTheList() throws Exception {
		long need = publishedBlankets(3);
		long rice = offers.create(demo(DONOR), new Offers.NewOffer(org.bangfu.need.NeedCategory.OTHER, "西渡镇的化肥", "测试用的捐赠。", "化肥", "农资",
				"袋", 10, List.of("430421100")));
		BangfuUser officer = demo(OFFICER);
		assertThat(body(send(get("/offers/" + rice).with(user(officer))))).doesNotContain("candidate-" + need);
		assertThat(body(send(get("/offers/" + rice).param("others", "true").with(user(officer))))).contains("candidate-" + need,
				"西渡镇 · 西渡村委会 · #" + need);

		long quilts = offer(DONOR, "OTHER", "西渡镇的棉被 " + System.nanoTime() % 10000, 10, List.of("430421100"));
		assertThat(body(send(get("/offers/" + quilts).with(user(officer))))).contains("candidate-" + need);
		assertThat(send(post("/offers/" + quilts + "/requests").with(user(officer)).with(csrf()).param("needId", String.valueOf(need))
			.param("position", "0").param("quantity", "1")).getStatus()).isEqualTo(302);
		assertThat(body(send(get("/offers/" + quilts).with(user(officer))))).as("its only line is asked for under this offer")
			.doesNotContain("candidate-" + need);
		assertThat(body(send(get("/offers/" + rice).param("others", "true").with(user(officer))))).as("another offer may still be asked")
			.contains("candidate-" + need);
	}

	private long publishedBlankets(int quantity) {
		return publishedBlankets("4304211002030004", "刘冬梅", quantity);
	}

	private long publishedBlankets(String householdNumber, String head, int quantity) {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = jdbc.sql("SELECT id FROM household WHERE household_number = ?").param(householdNumber).query(Long.class).single();
		ApiClient.Answer created = api.post("/api/v1/needs", """
				{"category":"OTHER","title":"%s家需要棉被 %d","story":"家里的棉被用了十多年，已经不保暖了。","householdId":%d,
				 "items":[{"kind":"生活用品","name":"棉被","quantity":%d,"unit":"床","valueFen":%d}]}"""
			.formatted(head, System.nanoTime() % 10000, household, quantity, quantity * 15000L), officer);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		api.post("/api/v1/needs/" + id + "/submit", null, officer);
		org.bangfu.need.NeedFixtures.confirmByForm(api, officer, id);
		assertThat(api.post("/api/v1/needs/" + id + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, api.login(MANAGER, DEMO_PASSWORD)).status()).isEqualTo(200);
		return id;
	}
}
