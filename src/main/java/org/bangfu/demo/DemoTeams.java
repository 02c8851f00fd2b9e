package org.bangfu.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.DonorRegistration;
import org.bangfu.account.SmsCodes;
import org.bangfu.notify.SmsOutbox;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.team.AmbassadorLinks;
import org.bangfu.team.ExpertAdvice;
import org.bangfu.team.TeamApplications;
import org.bangfu.team.VolunteerTasks;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo teams of 衡阳县, through the real use cases (docs/mobilisation.md, "Demo data"): caring people register and
 * apply, the county approves — a volunteer of 西渡镇 (13800000061) with an earlier visit whose hours the village officer
 * confirmed and a delivery ahead it signed up for, a medical expert of the county (13800000062) who answered the
 * officer's question on a need, an ambassador (13800000063) whose link brought one registration (13800000074).
 */
@Component
@Profile("!command")
@Order(9)
class DemoTeams implements ApplicationRunner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoTeams.class);

	static final String VOLUNTEER = "13800000061";

	static final String EXPERT = "13800000062";

	static final String AMBASSADOR = "13800000063";

	static final String BROUGHT = "13800000074";

	static final String VISIT_TITLE = "走访西渡村困难老人，帮忙打扫卫生";

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final Accounts accounts;

	private final TeamApplications applications;

	private final VolunteerTasks tasks;

	private final ExpertAdvice advice;

	private final AmbassadorLinks links;

	private final DonorRegistration registration;

	private final SmsCodes smsCodes;

	private final SmsOutbox outbox;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	DemoTeams(Accounts accounts, TeamApplications applications, VolunteerTasks tasks, ExpertAdvice advice, AmbassadorLinks links,
			DonorRegistration registration, SmsCodes smsCodes, SmsOutbox outbox, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock, BangfuProperties properties, Environment environment) {
		this.accounts = accounts;
		this.applications = applications;
		this.tasks = tasks;
		this.advice = advice;
		this.links = links;
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
		if (!enabled || jdbc.sql("SELECT count(*) FROM team_application").query(Long.class).single() > 0
				|| !DemoMobilisation.requestCodes(smsCodes, log, List.of(VOLUNTEER, EXPERT, AMBASSADOR, BROUGHT))) {
			return;
		}
		DemoSeeding.once(enabled, jdbc, "team_application", transactions, log, "演示志愿者、专家和形象大使未能生成 / demo teams", this::seed);
	}

	private void seed() {
		BangfuUser county = user("13800000002");
		BangfuUser officer = user("13800000004");
		DemoMobilisation.register(registration, outbox, VOLUNTEER, "罗晓峰", null);
		DemoMobilisation.register(registration, outbox, EXPERT, "贺仁和", null);
		DemoMobilisation.register(registration, outbox, AMBASSADOR, "欧阳晴", null);
		approve(county, applications.apply(user(VOLUNTEER), new TeamApplications.Form("VOLUNTEER", "430421100", "会开三轮车，能搬运重物，懂一点家电维修。",
				"周末和节假日", null)));
		approve(county, applications.apply(user(EXPERT), new TeamApplications.Form("EXPERT", "430421", "衡阳县人民医院康复科主治医师，从事康复治疗十五年。",
				"每周二、周四晚上", List.of("MEDICAL"))));
		approve(county, applications.apply(user(AMBASSADOR), new TeamApplications.Form("AMBASSADOR", "430421", "县融媒体中心主持人，愿意在节目和朋友圈里推广社会扶贫网。",
				"随时", null)));
		BangfuUser volunteer = user(VOLUNTEER);

		// an earlier visit, its hours confirmed by the officer: posted and signed up for ahead, then moved back ten days
		long visit = tasks.post(officer, new VolunteerTasks.Form("VISIT", VISIT_TITLE, "陪老人聊聊天，帮忙打扫院子、检查电线。", "430421100203",
				clock.instant().plus(Duration.ofHours(1)), new BigDecimal("2"), 2, null));
		long signup = tasks.signUp(volunteer, visit);
		jdbc.sql("""
				UPDATE volunteer_task SET starts_at = starts_at - interval '10 days', posted_at = posted_at - interval '13 days' WHERE id = ?""")
			.param(visit).update();
		jdbc.sql("UPDATE volunteer_signup SET signed_up_at = signed_up_at - interval '12 days' WHERE id = ?").param(signup).update();
		tasks.confirmHours(officer, visit, signup, new BigDecimal("2.5"));
		jdbc.sql("UPDATE volunteer_signup SET confirmed_at = confirmed_at - interval '9 days' WHERE id = ?").param(signup).update();

		// a delivery ahead: the pledged walker to the household, the volunteer signed up
		long walker = need("李强需要康复训练和助行器");
		Instant inTwoDays = LocalDate.now(clock.withZone(BEIJING)).plusDays(2).atTime(9, 0).atZone(BEIJING).toInstant();
		long delivery = tasks.post(officer, new VolunteerTasks.Form("DELIVERY", "把爱心企业认领的助行器送到西渡村需求户家",
				"助行器已寄到村信息点，请从村委会取货后送到户里，并帮忙调好高度。", "430421100203", inTwoDays, new BigDecimal("1.5"), 2, walker));
		tasks.signUp(volunteer, delivery);

		// the officer asks the expert about the same need; the expert answers
		long asked = advice.ask(officer, walker, "MEDICAL", "李强车祸后腿部受伤，康复训练应该怎么安排？助行器选哪种合适？");
		advice.answer(user(EXPERT), asked, """
				建议先到县人民医院康复科评估一次，前两个月以床边和室内训练为主，每天两次、每次二十分钟；\
				助行器选带轮的四脚款，高度调到手腕处。训练中如有明显疼痛请停下，复诊时再调整方案。""");

		// the ambassador's link brought one registration
		AmbassadorLinks.Link link = links.create(user(AMBASSADOR), "衡阳县扫码献爱心", "HOME");
		DemoMobilisation.register(registration, outbox, BROUGHT, "谭小燕", link.code());
		log.info("演示志愿者、专家和形象大使已生成 / demo teams seeded");
	}

	private void approve(BangfuUser county, long application) {
		applications.approve(county, application);
	}

	private long need(String title) {
		return jdbc.sql("SELECT min(id) FROM need WHERE title = ?").param(title).query(Long.class).optional()
			.orElseThrow(() -> new IllegalStateException("the demo need " + title + " is not there"));
	}

	private BangfuUser user(String phone) {
		return accounts.findByPhone(phone).orElseThrow(() -> new IllegalStateException("the demo account " + phone + " is not there"));
	}
}
