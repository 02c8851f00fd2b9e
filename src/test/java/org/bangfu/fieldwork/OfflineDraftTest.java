package org.bangfu.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.fieldwork.FieldFixtures.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Drafts sent from the phone's queue (issue 18): a full draft becomes a submitted need with its photos, consent and
 * confirmation; a draft sent twice (or ten times at once) makes one need; a replay from another account, a changed
 * household, a revoked consent, a broken rule, a photo that is not an image and a household out of scope are problems
 * of the draft with nothing saved. Region 430476 only.
 */
class OfflineDraftTest extends ApplicationTest {

	private static final String CONSENT = "{\"kind\":\"POST_ON_BEHALF\",\"kinds\":[\"PUBLISH_PHOTOS\"],\"recordedAt\":\"2026-12-07T02:10:00Z\"}";

	@Autowired
	PersonalData personalData;

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Autowired
	BangfuProperties properties;

	private String officer(String name) {
		return api().login(staff(accounts, regions, name, Role.VILLAGE_OFFICER, VILLAGE), DEMO_PASSWORD);
	}

	private long needs(long household) {
		return jdbc.sql("SELECT count(*) FROM need WHERE household_id = ?").param(household).query(Long.class).single();
	}

	private long consents(long household) {
		return jdbc.sql("SELECT count(*) FROM consent WHERE household_id = ?").param(household).query(Long.class).single();
	}

	private long submissions(String key) {
		return jdbc.sql("SELECT count(*) FROM offline_submission WHERE draft_key = ?::uuid").param(key).query(Long.class).single();
	}

	/** The files of need photos, confirmation forms and consent forms: a refused draft leaves none behind. */
	private long uploadedFiles() throws IOException {
		Path uploads = properties.dataDir().resolve("uploads");
		long n = 0;
		for (String dir : List.of("needs", "need-confirmations", "consent")) {
			Path d = uploads.resolve(dir);
			if (Files.isDirectory(d)) {
				try (Stream<Path> files = Files.walk(d)) {
					n += files.filter(Files::isRegularFile).count();
				}
			}
		}
		return n;
	}

	@Test
	void aFullDraftBecomesASubmittedNeedOnceHoweverOftenItIsSent() throws Exception {
		ApiClient api = api();
		String officer = officer("离线干部甲");
		long h = household(jdbc, personalData, VILLAGE, "蒋秋菊", false);
		String version = entry(api, officer, h).get("version").asString();
		String key = UUID.randomUUID().toString();
		List<FieldFixtures.Part> parts = parts(draft(key, h, version, 12000, CONSENT, true), 2, true, true);

		ApiClient.Answer sent = send(port, officer, parts);
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		JsonNode r = sent.json();
		long need = r.get("needId").asLong();
		assertThat(r.get("draftKey").asString()).isEqualTo(key);
		assertThat(r.get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(r.get("url").asString()).isEqualTo("/needs/" + need);

		JsonNode n = api.get("/api/v1/needs/" + need, officer).json();
		assertThat(n.get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(n.get("householdId").asLong()).isEqualTo(h);
		assertThat(n.get("onBehalf").asBoolean()).isTrue();
		assertThat(n.get("story").asString()).contains("两床厚棉被");
		assertThat(n.get("householdConfirmation").isNull()).as(n.toString()).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM need_photo WHERE need_id = ?").param(need).query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT route FROM need_confirmation WHERE need_id = ?").param(need).query(String.class).single()).isEqualTo("FORM");
		record ConsentRow(boolean post, boolean photos, String method, boolean hasPhoto) {
		}
		ConsentRow c = jdbc.sql("SELECT post_on_behalf, publish_photos, method, photo_path IS NOT NULL FROM consent WHERE household_id = ? AND revoked_at IS NULL")
			.param(h).query((rs, i) -> new ConsentRow(rs.getBoolean(1), rs.getBoolean(2), rs.getString(3), rs.getBoolean(4))).single();
		assertThat(c).isEqualTo(new ConsentRow(true, true, "SIGNED_FORM_PHOTO", true));
		assertThat(jdbc.sql("SELECT detail FROM operation_log WHERE action = 'fieldwork.draft-sent' AND target = ?").param("need:" + need)
			.query(String.class).single()).startsWith("离线起草于 2026-12-07 10:15，发送于 ");

		// the queue sends it again (the answer was lost): the same answer, 200, nothing new
		long files = uploadedFiles();
		ApiClient.Answer again = send(port, officer, parts);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("needId").asLong()).isEqualTo(need);
		assertThat(again.json().get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(needs(h)).isEqualTo(1);
		assertThat(consents(h)).isEqualTo(1);
		assertThat(submissions(key)).isEqualTo(1);
		assertThat(uploadedFiles()).isEqualTo(files);
	}

	@Test
	void tenParallelSendsOfOneDraftMakeOneNeed() throws Exception {
		ApiClient api = api();
		String officer = officer("离线干部乙");
		long h = household(jdbc, personalData, VILLAGE, "罗志刚", true);
		String key = UUID.randomUUID().toString();
		List<FieldFixtures.Part> parts = parts(draft(key, h, entry(api, officer, h).get("version").asString(), 9000, null, true), 1, false, true);
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<ApiClient.Answer>> sends = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				sends.add(() -> send(port, officer, parts));
			}
			List<ApiClient.Answer> answers = new ArrayList<>();
			for (Future<ApiClient.Answer> f : pool.invokeAll(sends)) {
				answers.add(f.get());
			}
			assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 201));
			assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
			assertThat(answers.stream().map(a -> a.json().get("needId").asLong()).distinct()).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(needs(h)).isEqualTo(1);
		assertThat(submissions(key)).isEqualTo(1);
	}

	@Test
	void aQueueReplayedFromAnotherAccountChangesNothing() throws Exception {
		ApiClient api = api();
		String first = officer("离线干部丙");
		String second = officer("离线干部丁");
		long h = household(jdbc, personalData, VILLAGE, "彭丽娟", true);
		String key = UUID.randomUUID().toString();
		List<FieldFixtures.Part> parts = parts(draft(key, h, entry(api, first, h).get("version").asString(), 9000, null, false), 0, false, false);
		assertThat(send(port, first, parts).status()).isEqualTo(201);
		long files = uploadedFiles();

		JsonNode body = problem(send(port, second, parts), 409, "DRAFT_OF_ANOTHER_ACCOUNT");
		assertThat(body.get("draftKey").asString()).isEqualTo(key);
		assertThat(body.get("problems").get(0).get("message").asString()).contains("另一个账户");
		assertThat(needs(h)).isEqualTo(1);
		assertThat(submissions(key)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT need_id FROM offline_submission WHERE draft_key = ?::uuid").param(key).query(Long.class).single())
			.isEqualTo(jdbc.sql("SELECT id FROM need WHERE household_id = ?").param(h).query(Long.class).single());
		assertThat(uploadedFiles()).isEqualTo(files);
	}

	@Test
	void aHouseholdChangedMeanwhileIsAProblemOfTheDraft() throws Exception {
		ApiClient api = api();
		String officer = officer("离线干部戊");
		long h = household(jdbc, personalData, VILLAGE, "谭明亮", true);
		String version = entry(api, officer, h).get("version").asString();
		jdbc.sql("UPDATE household SET member_count = 5 WHERE id = ?").param(h).update(); // a registry correction while offline
		String key = UUID.randomUUID().toString();
		long files = uploadedFiles();

		JsonNode body = problem(send(port, officer, parts(draft(key, h, version, 9000, null, true), 2, false, true)), 409, "HOUSEHOLD_CHANGED");
		assertThat(body.get("problems").get(0).get("message").asString()).contains("同步");
		assertThat(body.get("problems").get(0).get("field").asString()).isEqualTo("householdVersion");
		assertThat(needs(h)).isZero();
		assertThat(submissions(key)).isZero();
		assertThat(uploadedFiles()).isEqualTo(files);

		// synced again, the same draft goes through
		String fresh = entry(api, officer, h).get("version").asString();
		assertThat(send(port, officer, parts(draft(key, h, fresh, 9000, null, true), 2, false, true)).status()).isEqualTo(201);
	}

	@Test
	void aRevokedOrMissingConsentIsAProblemUnlessTheDraftRecordsOne() throws Exception {
		ApiClient api = api();
		String officer = officer("离线干部己");
		long h = household(jdbc, personalData, VILLAGE, "龙春梅", true);
		String before = entry(api, officer, h).get("version").asString();
		long consent = jdbc.sql("SELECT id FROM consent WHERE household_id = ?").param(h).query(Long.class).single();
		assertThat(api.post("/api/v1/households/" + h + "/consents/" + consent + "/revoke", null, officer).status()).isEqualTo(204);

		// drafted before the revocation: both problems, the consent first
		JsonNode stale = problem(send(port, officer, parts(draft(UUID.randomUUID().toString(), h, before, 9000, null, false), 0, false, false)), 409,
				"CONSENT_REVOKED");
		assertThat(stale.get("problems").valueStream().map(p -> p.get("code").asString())).containsExactly("CONSENT_REVOKED", "HOUSEHOLD_CHANGED");

		// synced after it and drafted without a new consent
		String after = entry(api, officer, h).get("version").asString();
		JsonNode revoked = problem(send(port, officer, parts(draft(UUID.randomUUID().toString(), h, after, 9000, null, false), 0, false, false)), 409,
				"CONSENT_REVOKED");
		assertThat(revoked.get("problems").get(0).get("message").asString()).contains("撤回");
		assertThat(needs(h)).isZero();

		// a household that never consented: the online form's own words
		long never = household(jdbc, personalData, VILLAGE, "符建国", false);
		JsonNode missing = problem(send(port, officer, parts(draft(UUID.randomUUID().toString(), never, entry(api, officer, never).get("version")
			.asString(), 9000, null, false), 0, false, false)), 422, "CONSENT_MISSING");
		assertThat(missing.get("problems").get(0).get("message").asString()).contains("没有有效的代发同意记录");
		assertThat(needs(never)).isZero();

		// the draft records a new consent with its signed form: it goes through
		assertThat(send(port, officer, parts(draft(UUID.randomUUID().toString(), h, after, 9000, CONSENT, false), 0, true, false)).status())
			.isEqualTo(201);
		assertThat(needs(h)).isEqualTo(1);
	}

	@Test
	void aBrokenRuleIsAProblemWithTheFormsWordsAndNothingIsKept() throws Exception {
		ApiClient api = api();
		String officer = officer("离线干部庚");
		long h = household(jdbc, personalData, VILLAGE, "侯玉兰", false);
		String version = entry(api, officer, h).get("version").asString();
		long files = uploadedFiles();
		String key = UUID.randomUUID().toString();

		// 3,000 yuan for a line of OTHER, whose cap is 2,000: refused before the consent it brings or a photo is written
		JsonNode cap = problem(send(port, officer, parts(draft(key, h, version, 300000, CONSENT, true), 2, true, true)), 422, "RULE_VIOLATED");
		assertThat(cap.get("problems").get(0).get("message").asString()).contains("单项上限");
		assertThat(needs(h)).isZero();
		assertThat(consents(h)).isZero();
		assertThat(submissions(key)).isZero();
		assertThat(uploadedFiles()).isEqualTo(files);

		// a rule the need module checks when it makes the need (the title's length): rolled back as a whole
		long consented = household(jdbc, personalData, VILLAGE, "黎永红", true);
		String shortTitle = draft(key, consented, entry(api, officer, consented).get("version").asString(), 9000, null, false)
			.replace("冬天缺棉被", "棉被");
		JsonNode title = problem(send(port, officer, parts(shortTitle, 0, false, false)), 422, "RULE_VIOLATED");
		assertThat(title.get("problems").get(0).get("message").asString()).contains("4");
		assertThat(needs(consented)).isZero();
		assertThat(submissions(key)).isZero();
	}

	@Test
	void aPhotoThatIsNotAnImageIsRefusedWithNothingKept() throws Exception {
		ApiClient api = api();
		String officer = officer("离线干部辛");
		long h = household(jdbc, personalData, VILLAGE, "覃小燕", false);
		String key = UUID.randomUUID().toString();
		List<FieldFixtures.Part> parts = new ArrayList<>(parts(draft(key, h, entry(api, officer, h).get("version").asString(), 9000, CONSENT, true),
				1, true, true));
		parts.add(FieldFixtures.Part.file("photo", "virus.jpg", "image/jpeg", "MZ this is not a picture".getBytes()));
		long files = uploadedFiles();

		JsonNode body = problem(send(port, officer, parts), 415, "PHOTO_NOT_IMAGE");
		assertThat(body.get("problems").get(0).get("field").asString()).isEqualTo("photo[1]");
		assertThat(needs(h)).isZero();
		assertThat(consents(h)).isZero();
		assertThat(submissions(key)).isZero();
		assertThat(uploadedFiles()).isEqualTo(files);
	}

	@Test
	void aHouseholdOutOfScopeOrUnknownIsRefusedAlike() throws Exception {
		ApiClient api = api();
		String officer = officer("离线干部壬");
		long elsewhere = household(jdbc, personalData, OTHER_VILLAGE, "韦国庆", true);
		String key = UUID.randomUUID().toString();
		JsonNode out = problem(send(port, officer, parts(draft(key, elsewhere, "0123456789abcdef01234567", 9000, null, false), 0, false, false)), 403,
				"HOUSEHOLD_OUT_OF_SCOPE");
		JsonNode unknown = problem(send(port, officer, parts(draft(UUID.randomUUID().toString(), 987654321L, "x", 9000, null, false), 0, false, false)),
				403, "HOUSEHOLD_OUT_OF_SCOPE");
		assertThat(out.get("problems").get(0).get("message").asString()).isEqualTo(unknown.get("problems").get(0).get("message").asString());
		assertThat(needs(elsewhere)).isZero();
		assertThat(submissions(key)).isZero();

		// malformed drafts, and callers who do not collect
		problem(send(port, officer, List.of(FieldFixtures.Part.json("draft", "{\"draftKey\":"))), 400, "BAD_DRAFT");
		problem(send(port, officer, List.of(FieldFixtures.Part.json("draft", "{\"draftKey\":\"nope\"}"))), 400, "BAD_DRAFT");
		ApiClient.Answer donor = send(port, api.login(DONOR, DEMO_PASSWORD), parts(draft(UUID.randomUUID().toString(), elsewhere, "x", 9000, null, false),
				0, false, false));
		assertThat(donor.status()).isEqualTo(403);
	}
}
