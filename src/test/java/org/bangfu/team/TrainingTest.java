package org.bangfu.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.PageSession;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Training (issue 17) in 衡山县 (430423), 开云镇 (430423100) and a village of it: the quiz hides its answers, attempts are
 * recorded, the first pass completes, bad answers change nothing, the county sees who is not trained, every link of the
 * guide opens for the role it names.
 */
class TrainingTest extends ApplicationTest {

	static final String COUNTY = "430423";

	static final String TOWNSHIP = "430423100";

	/** The right answers (TrainingQuiz), as a passing officer gives them. */
	static final Map<String, String> RIGHT = Map.of("q1", "b", "q2", "a", "q3", "b", "q4", "c", "q5", "c", "q6", "c", "q7", "b", "q8", "b",
			"q9", "c", "q10", "a");

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	record Staff(long id, String phone, String token) {
	}

	Staff staff(Role role, String region, String name) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(RegionCode.parse(region)), null);
		return new Staff(id, phone, api().login(phone, DEMO_PASSWORD));
	}

	String village() {
		return jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code LIMIT 1").param(TOWNSHIP).query(String.class).single();
	}

	static String answers(Map<String, String> given) {
		StringBuilder json = new StringBuilder("{\"answers\":{");
		given.forEach((k, v) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",").append('"').append(k).append("\":\"").append(v).append('"'));
		return json.append("}}").toString();
	}

	/** Eight right and two wrong: exactly the passing mark. */
	static Map<String, String> eightRight() {
		Map<String, String> given = new LinkedHashMap<>(RIGHT);
		given.put("q1", "a");
		given.put("q2", "c");
		return given;
	}

	/** Seven right: one short of passing. */
	static Map<String, String> sevenRight() {
		Map<String, String> given = eightRight();
		given.put("q3", "c");
		return given;
	}

	int attempts(long account) {
		return jdbc.sql("SELECT count(*) FROM training_attempt WHERE account_id = ?").param(account).query(Integer.class).single();
	}

	@Test
	void theQuizShowsItsQuestionsWithoutTheirAnswers() {
		Staff officer = staff(Role.VILLAGE_OFFICER, village(), "衡山测验员");
		ApiClient.Answer quiz = api().get("/api/v1/training/quiz", officer.token());
		assertThat(quiz.status()).isEqualTo(200);
		JsonNode questions = quiz.json().get("questions");
		assertThat(questions.size()).isBetween(8, 10);
		assertThat(quiz.json().get("passMark").asInt()).isEqualTo(80);
		assertThat(questions.get(0).get("text").asString()).contains("需求");
		assertThat(questions.get(0).get("options").size()).isEqualTo(3);
		assertThat(questions.get(0).get("options").get(1).get("text").asString()).isEqualTo("住院治疗的自付费用");
		for (JsonNode q : questions) {
			assertThat(q.has("answer")).isFalse();
			q.get("options").forEach(o -> assertThat(o.propertyNames()).containsExactlyInAnyOrder("id", "text"));
		}
		assertThat(quiz.body()).doesNotContainIgnoringCase("answer").doesNotContain("correct").doesNotContain("training.quiz");
	}

	@Test
	void aFailingAttemptIsRecordedAndCompletesNothing() {
		Staff officer = staff(Role.VILLAGE_OFFICER, village(), "衡山未及格");
		ApiClient.Answer failed = api().post("/api/v1/training/quiz", answers(sevenRight()), officer.token());
		assertThat(failed.status()).as(failed.body()).isEqualTo(200);
		assertThat(failed.json().get("score").asInt()).isEqualTo(70);
		assertThat(failed.json().get("passed").asBoolean()).isFalse();
		List<String> wrong = new ArrayList<>();
		failed.json().get("wrong").forEach(w -> wrong.add(w.asString()));
		assertThat(wrong).containsExactly("q1", "q2", "q3");
		assertThat(attempts(officer.id())).isEqualTo(1);
		assertThat(jdbc.sql("SELECT score, passed FROM training_attempt WHERE account_id = ?").param(officer.id())
			.query((rs, n) -> rs.getInt(1) + "/" + rs.getBoolean(2)).single()).isEqualTo("70/false");
		assertThat(jdbc.sql("SELECT count(*) FROM training_completion WHERE account_id = ?").param(officer.id()).query(Integer.class).single()).isZero();
	}

	@Test
	void theFirstPassCompletesAndALaterPassKeepsItsDate() {
		Staff officer = staff(Role.VILLAGE_OFFICER, village(), "衡山及格者");
		ApiClient.Answer passed = api().post("/api/v1/training/quiz", answers(eightRight()), officer.token());
		assertThat(passed.status()).as(passed.body()).isEqualTo(200);
		assertThat(passed.json().get("score").asInt()).isEqualTo(80);
		assertThat(passed.json().get("passed").asBoolean()).isTrue();
		java.time.Instant first = jdbc.sql("SELECT completed_at FROM training_completion WHERE account_id = ?").param(officer.id())
			.query(java.sql.Timestamp.class).single().toInstant();

		clock.advance(Duration.ofDays(3));
		ApiClient.Answer again = api().post("/api/v1/training/quiz", answers(RIGHT), officer.token());
		assertThat(again.json().get("score").asInt()).isEqualTo(100);
		assertThat(again.json().get("wrong").size()).isZero();
		assertThat(attempts(officer.id())).isEqualTo(2);
		assertThat(jdbc.sql("SELECT completed_at FROM training_completion WHERE account_id = ?").param(officer.id())
			.query(java.sql.Timestamp.class).list()).hasSize(1).allSatisfy(t -> assertThat(t.toInstant()).isEqualTo(first));
	}

	@Test
	void badAnswersAre400AndChangeNothing() {
		Staff officer = staff(Role.VILLAGE_OFFICER, village(), "衡山乱答者");
		ApiClient api = api();
		Map<String, String> missing = new LinkedHashMap<>(RIGHT);
		missing.remove("q10");
		ApiClient.Answer a = api.post("/api/v1/training/quiz", answers(missing), officer.token());
		assertThat(a.status()).isEqualTo(400);
		assertThat(a.json().get("detail").asString()).contains("第 10 题");
		Map<String, String> unknownOption = new LinkedHashMap<>(RIGHT);
		unknownOption.put("q2", "z");
		a = api.post("/api/v1/training/quiz", answers(unknownOption), officer.token());
		assertThat(a.status()).isEqualTo(400);
		assertThat(a.json().get("detail").asString()).contains("q2", "z");
		Map<String, String> unknownQuestion = new LinkedHashMap<>(RIGHT);
		unknownQuestion.put("q99", "a");
		assertThat(api.post("/api/v1/training/quiz", answers(unknownQuestion), officer.token()).json().get("detail").asString()).contains("q99");
		for (String body : new String[] { "{}", "{\"answers\":{}}", "{\"answers\":\"b\"}", "{\"answers\":{\"q1\":[1]}}", "not json", "" }) {
			ApiClient.Answer r = api.post("/api/v1/training/quiz", body, officer.token());
			assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
		}
		assertThat(attempts(officer.id())).isZero();
	}

	@Test
	void aBurstOfAttemptsIsLimitedToTenAnHour() {
		Staff officer = staff(Role.VILLAGE_OFFICER, village(), "衡山连答者");
		for (int i = 0; i < Training.ATTEMPTS_PER_HOUR; i++) {
			assertThat(api().post("/api/v1/training/quiz", answers(sevenRight()), officer.token()).status()).isEqualTo(200);
		}
		ApiClient.Answer refused = api().post("/api/v1/training/quiz", answers(RIGHT), officer.token());
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("detail").asString()).contains("一小时内最多提交 10 次");
		assertThat(attempts(officer.id())).isEqualTo(10);
		clock.advance(Duration.ofMinutes(61));
		assertThat(api().post("/api/v1/training/quiz", answers(RIGHT), officer.token()).json().get("passed").asBoolean()).isTrue();
	}

	@Test
	void theCountySeesAnUntrainedOfficerThenTrainedAfterPassing() {
		Staff county = staff(Role.COUNTY_ADMIN, COUNTY, "衡山县培训管理");
		Staff officer = staff(Role.VILLAGE_OFFICER, village(), "衡山待培训员");
		ApiClient api = api();
		ApiClient.Answer before = api.get("/api/v1/training/status?regionCode=" + COUNTY, county.token());
		assertThat(before.status()).as(before.body()).isEqualTo(200);
		JsonNode row = person(before.json(), officer.id());
		assertThat(row).as("the officer is listed").isNotNull();
		assertThat(row.get("trainedAt").isNull()).isTrue();
		assertThat(row.get("phone").asString()).contains("****");
		JsonNode township = group(before.json(), TOWNSHIP);
		int untrained = township.get("staff").asInt() - township.get("trained").asInt();
		assertThat(untrained).isPositive();

		assertThat(api.post("/api/v1/training/quiz", answers(RIGHT), officer.token()).json().get("passed").asBoolean()).isTrue();
		ApiClient.Answer after = api.get("/api/v1/training/status?regionCode=" + COUNTY, county.token());
		assertThat(person(after.json(), officer.id()).get("trainedAt").isNull()).isFalse();
		JsonNode t = group(after.json(), TOWNSHIP);
		assertThat(t.get("staff").asInt() - t.get("trained").asInt()).isEqualTo(untrained - 1);
		assertThat(t.get("share").asInt()).isEqualTo(t.get("trained").asInt() * 100 / t.get("staff").asInt());

		// another county is 404 (not 403); an officer may not read the status; the city sees counts per county, no names
		assertThat(api.get("/api/v1/training/status?regionCode=430421", county.token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/training/status?regionCode=" + COUNTY, officer.token()).status()).isEqualTo(403);
		String city = api.login("13800000001", DEMO_PASSWORD);
		ApiClient.Answer citywide = api.get("/api/v1/training/status", city);
		assertThat(citywide.status()).isEqualTo(200);
		assertThat(citywide.json().get("perPerson").asBoolean()).isFalse();
		assertThat(citywide.json().get("people").size()).isZero();
		assertThat(group(citywide.json(), COUNTY).get("trained").asInt()).isPositive();
		assertThat(api.get("/api/v1/training/status?regionCode=" + COUNTY, city).json().get("perPerson").asBoolean()).isTrue();

		// a township manager reads its own township, per village, and nothing above it
		Staff manager = staff(Role.TOWNSHIP_MANAGER, TOWNSHIP, "开云镇培训查看");
		ApiClient.Answer own = api.get("/api/v1/training/status", manager.token());
		assertThat(own.json().get("region").get("code").asString()).isEqualTo(TOWNSHIP);
		assertThat(group(own.json(), village()).get("trained").asInt()).isPositive();
		assertThat(person(own.json(), officer.id())).isNotNull();
		assertThat(api.get("/api/v1/training/status?regionCode=" + COUNTY, manager.token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/training/status?regionCode=nonsense", county.token()).status()).isEqualTo(400);
	}

	private static JsonNode person(JsonNode report, long accountId) {
		for (JsonNode p : report.get("people")) {
			if (p.get("accountId").asLong() == accountId) {
				return p;
			}
		}
		return null;
	}

	private static JsonNode group(JsonNode report, String code) {
		for (JsonNode g : report.get("groups")) {
			if (g.get("region").get("code").asString().equals(code)) {
				return g;
			}
		}
		throw new AssertionError("no group " + code + " in " + report);
	}

	private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\" data-role=\"([A-Z_]+)\"");

	@Test
	void everyLinkOfTheGuideOpensForTheRoleItNames() throws Exception {
		Staff officer = staff(Role.VILLAGE_OFFICER, village(), "衡山读指南");
		Staff manager = staff(Role.TOWNSHIP_MANAGER, TOWNSHIP, "开云镇读指南");
		Staff county = staff(Role.COUNTY_ADMIN, COUNTY, "衡山县读指南");
		Map<String, PageSession> sessions = Map.of("VILLAGE_OFFICER", new PageSession(port).login(officer.phone()), "TOWNSHIP_MANAGER",
				new PageSession(port).login(manager.phone()), "COUNTY_ADMIN", new PageSession(port).login(county.phone()));
		PageSession reader = sessions.get("VILLAGE_OFFICER");
		PageSession.Page overview = reader.get("/training");
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.text()).contains("收集需求", "取得同意", "发布需求", "本户确认", "审核", "安排配送", "/training/quiz");
		int links = 0;
		for (TrainingGuide.Step step : TrainingGuide.STEPS) {
			PageSession.Page page = reader.get("/training/steps/" + step.number());
			assertThat(page.status()).isEqualTo(200);
			Matcher m = LINK.matcher(page.text());
			int onPage = 0;
			while (m.find()) {
				String href = m.group(1).replace("&amp;", "&");
				PageSession.Page target = sessions.get(m.group(2)).get(href);
				assertThat(target.status()).as("step %d: %s as %s", step.number(), href, m.group(2)).isEqualTo(200);
				onPage++;
			}
			assertThat(onPage).as("step %d links", step.number()).isEqualTo(step.links().size()).isPositive();
			links += onPage;
		}
		assertThat(links).isGreaterThanOrEqualTo(6);
		assertThat(reader.get("/training/steps/7").status()).isEqualTo(404);
		assertThat(reader.get("/training/steps/x").status()).isEqualTo(404);
		assertThat(reader.get("/training/quiz").text()).contains("下列哪一项可以作为需求发布？");
		assertThat(sessions.get("COUNTY_ADMIN").get("/training/status").text()).contains("衡山县", "衡山读指南", "未培训");
		assertThat(sessions.get("COUNTY_ADMIN").get("/training/status?region=430421").status()).isEqualTo(404);
	}
}
