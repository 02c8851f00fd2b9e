package org.bangfu.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.DonorRegistration;
import org.bangfu.account.Positions;
import org.bangfu.account.Role;
import org.bangfu.account.SmsCodes;
import org.bangfu.household.Consent;
import org.bangfu.household.Consents;
import org.bangfu.news.NewsStories;
import org.bangfu.notify.SmsOutbox;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.CreditCode;
import org.bangfu.team.Memberships;
import org.bangfu.team.Organisations;
import org.bangfu.team.RegistrationDrives;
import org.bangfu.team.Training;
import org.bangfu.team.TrainingQuiz;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo of issue 17's mobilisation in 衡阳县 (docs/mobilisation.md, "Demo data"), through the real use cases: the demo
 * staff's positions, three registration units of the county with caring people registered through their codes, the
 * 衡阳县社会扶贫联盟 with two members, the village officer trained, a news item and a story of help given. The teams
 * (volunteer, expert, ambassador) are {@link DemoTeams}.
 */
@Component
@Profile("!command")
@Order(8)
class DemoMobilisation implements ApplicationRunner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoMobilisation.class);

	/** The alliance's unified social credit code: 5 (civil affairs) 1 (social group), 衡阳县, an organisation code, the check. */
	static final String ALLIANCE_CREDIT_CODE = CreditCode.withCheckCharacter("51430421MJ5X7A3Q2");

	static final String ALLIANCE = "衡阳县社会扶贫联盟";

	static final String STORY_TITLE = "一辆轮椅，让张大山老人重新走出家门";

	/** At 西渡镇, the county seat (not the county: a card named 衡阳县 would stand before the county's own link on the home page). */
	static final String NEWS_TITLE = "西渡镇机关、学校、企业开展扫码注册爱心人士活动";

	/** The caring people registered through the units' codes: phone, name, the unit (index in UNITS). */
	record Registered(String phone, String name, int unit) {
	}

	record Unit(String name, String kind, String regionCode) {
	}

	static final List<Unit> UNITS = List.of(new Unit("衡阳县财政局", "AGENCY", "430421"), new Unit("衡阳县第一中学", "SCHOOL", "430421100"),
			new Unit("衡阳县湘江食品有限公司", "COMPANY", "430421100"));

	static final List<Registered> REGISTERED = List.of(new Registered("13800000071", "王建平", 0), new Registered("13800000072", "陈丽", 0),
			new Registered("13800000073", "刘文华", 1));

	private static final Pattern CODE = Pattern.compile("验证码是 (\\d{6})");

	private final Accounts accounts;

	private final Positions positions;

	private final RegistrationDrives drives;

	private final Organisations organisations;

	private final Memberships memberships;

	private final Training training;

	private final Consents consents;

	private final NewsStories news;

	private final DonorRegistration registration;

	private final SmsCodes smsCodes;

	private final SmsOutbox outbox;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	DemoMobilisation(Accounts accounts, Positions positions, RegistrationDrives drives, Organisations organisations, Memberships memberships,
			Training training, Consents consents, NewsStories news, DonorRegistration registration, SmsCodes smsCodes, SmsOutbox outbox,
			JdbcClient jdbc, TransactionTemplate transactions, Clock clock, BangfuProperties properties, Environment environment) {
		this.accounts = accounts;
		this.positions = positions;
		this.drives = drives;
		this.organisations = organisations;
		this.memberships = memberships;
		this.training = training;
		this.consents = consents;
		this.news = news;
		this.registration = registration;
		this.smsCodes = smsCodes;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.enabled = properties.seedsDemo(environment);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || jdbc.sql("SELECT count(*) FROM registration_unit").query(Long.class).single() > 0
				|| !requestCodes(smsCodes, log, REGISTERED.stream().map(Registered::phone).toList())) {
			return;
		}
		DemoSeeding.once(enabled, jdbc, "registration_unit", transactions, log, "演示社会动员未能生成 / demo mobilisation", this::seed);
	}

	private void seed() {
		BangfuUser city = user("13800000001");
		BangfuUser county = user("13800000002");
		// positions: the city sets the counties' centres, the county its township's and village's staff
		position(city, "13800000002", Role.COUNTY_ADMIN, "MEDIA_ADMINISTRATOR");
		position(city, "13800000012", Role.COUNTY_ADMIN, "LEADER_IN_CHARGE");
		position(county, "13800000003", Role.TOWNSHIP_MANAGER, "INFORMATION_MANAGER");
		position(county, "13800000004", Role.VILLAGE_OFFICER, "INFORMATION_OFFICER");

		List<Long> units = UNITS.stream().map(u -> drives.create(county, u.name(), u.kind(), u.regionCode())).toList();
		for (Registered r : REGISTERED) {
			register(registration, outbox, r.phone(), r.name(), "U-" + units.get(r.unit()));
		}
		back("UPDATE registration_unit SET created_at = created_at - make_interval(days => 14) WHERE id = ANY (?)", units.toArray(Long[]::new));

		alliance(county);

		// the village officer has taken the training; the township manager and the county centre not yet
		Map<String, String> answers = new LinkedHashMap<>();
		TrainingQuiz.QUESTIONS.forEach(q -> answers.put(q.id(), q.answer()));
		training.take(user("13800000004"), answers);

		story(county);
		log.info("演示社会动员已生成 / demo mobilisation seeded");
	}

	private void position(BangfuUser by, String phone, Role role, String position) {
		long grant = user(phone).grants().stream().filter(g -> g.role() == role).findFirst().orElseThrow().id();
		positions.change(by, grant, position);
	}

	/** The alliance founded by the demo enterprise a month ago, approved by the county, the demo person a member since. */
	private void alliance(BangfuUser county) {
		BangfuUser company = user("13800000022");
		BangfuUser person = user("13800000021");
		long id = organisations.register(company, new Organisations.Form(ALLIANCE, "ALLIANCE", "430421", ALLIANCE_CREDIT_CODE, "联盟秘书处 刘干事",
				"由衡阳县爱心企业和爱心人士自愿组成，组织会员认领全县困难家庭的需求，集中采购、统一配送，让每一份爱心都送到实处。"));
		organisations.approve(county, id);
		long member = memberships.request(person, id, null);
		memberships.accept(company, id, member);
		// their help since joining counts for the alliance: it was founded before the demo pledges of the last month
		jdbc.sql("UPDATE social_organisation SET created_at = now() - interval '35 days', decided_at = now() - interval '34 days' WHERE id = ?")
			.param(id).update();
		jdbc.sql("""
				UPDATE organisation_member SET requested_at = now() - make_interval(days => CASE WHEN administrator THEN 35 ELSE 31 END),
				       joined_at = now() - make_interval(days => CASE WHEN administrator THEN 35 ELSE 30 END) WHERE organisation_id = ?""")
			.param(id).update();
	}

	/** 张大山's family consents to publicity (witnessed), then the county's media administrator tells the wheelchair's story. */
	private void story(BangfuUser county) {
		long household = jdbc.sql("SELECT id FROM household WHERE household_number = '4304211002030001'").query(Long.class).single();
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		consents.record(user("13800000004"), household, new Consents.NewConsent(false, false, Consent.Method.WITNESSED, today.minusDays(3),
				"13800000003", true), null, 0);
		long item = news.write(county, new NewsStories.Draft("NEWS", NEWS_TITLE, """
				县财政局、县第一中学和县湘江食品有限公司率先开展扫码注册活动：干部职工、老师和员工扫一扫单位海报上的二维码，\
				三步即可注册成为爱心人士，认领身边困难家庭的需求。欢迎更多机关、学校和企业参加。""", "430421100", null), null, 0);
		news.publish(county, item);
		long story = news.write(county, new NewsStories.Draft("STORY", STORY_TITLE, """
				西渡村的张大山老人患慢性病多年，行走不便。村信息员上门了解情况、征得同意后在社会扶贫网发布了需求，一位爱心人士当天就认领了轮椅，\
				一家爱心企业认领了降压药。轮椅送到后，老人说：“现在能自己去村卫生室了。”""", null, household), null, 0);
		news.publish(county, story);
		jdbc.sql("UPDATE news_story SET written_at = now() - interval '3 days', published_at = now() - interval '3 days' WHERE id = ?").param(item).update();
		jdbc.sql("UPDATE news_story SET written_at = now() - interval '1 day', published_at = now() - interval '1 day' WHERE id = ?").param(story).update();
	}

	private void back(String sql, Long[] ids) {
		jdbc.sql(sql).param(ids).update();
	}

	private BangfuUser user(String phone) {
		return accounts.findByPhone(phone).orElseThrow(() -> new IllegalStateException("the demo account " + phone + " is not there"));
	}

	/**
	 * Asks a registration code for each phone, as the register page does, each in its own transaction: the code must be
	 * committed before the registration uses it up (its tries are counted in a transaction of their own). False (logged)
	 * when a phone is already registered or a limit is reached.
	 */
	static boolean requestCodes(SmsCodes smsCodes, org.slf4j.Logger log, List<String> phones) {
		try {
			phones.forEach(phone -> smsCodes.request(phone, SmsCodes.Purpose.REGISTER, null));
			return true;
		}
		catch (RuntimeException e) {
			log.warn("演示注册验证码未能获取 / demo registration codes: {}", e.toString());
			return false;
		}
	}

	/** Registers a caring person with the code its phone received (read from the SMS outbox, as a demo user would). */
	static long register(DonorRegistration registration, SmsOutbox outbox, String phone, String name, String joinCode) {
		String code = outbox.latest(phone).stream()
			.map(m -> CODE.matcher(m.body()))
			.filter(Matcher::find)
			.map(m -> m.group(1))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no registration code for " + phone));
		return registration.register(new DonorRegistration.Form(phone, code, DemoAccounts.PASSWORD, "INDIVIDUAL", name, null, null, joinCode));
	}
}
