package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Collect, then publish together (F24) against the real database: needs verified under a hold stay invisible to the public
 * (list, search, need API) until the release, then all appear at once with one publication moment. Test region: 常宁市
 * 430482 — 柏坊镇 430482101 (held) and 水口山镇 430482102 (a neighbour the hold does not cover).
 */
class PublicationHoldTest extends ApplicationTest {

	static final String BAIFANG = "430482101", XIAOBAI = "430482101200", DOULING = "430482101201", SANXIANG = "430482102200";

	/** Campaign ids far above any real campaign's, so that no other test's campaign shares a hold. */
	private static final AtomicLong CAMPAIGNS = new AtomicLong(9_300_000_000L + (System.nanoTime() % 1_000_000L) * 100);

	@Autowired
	PublicationHolds holds;

	@Autowired
	Launches launches;

	@Autowired
	Regions regions;

	@Autowired
	Accounts accounts;

	@Autowired
	PersonalData personalData;

	@Autowired
	NeedReview review;

	@Autowired
	TransactionTemplate transactions;

	/** A county admin of 常宁市 (verifies), and the city admin (posts): the poster never verifies its own post. */
	private String verifierPhone;

	private String verifier(ApiClient api) {
		String phone = "137" + String.format("%08d", System.nanoTime() % 100_000_000L);
		verifierPhone = phone;
		long id = accounts.create(new Accounts.NewAccount(phone, "常宁审核员", DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, Role.COUNTY_ADMIN, regions.get(RegionCode.parse("430482")), null);
		return api.login(phone, DEMO_PASSWORD);
	}

	private long submitted(ApiClient api, String poster, String village, String title) {
		long household = NeedFixtures.household(jdbc, personalData, village, "常宁" + title.substring(0, 2) + "户", true);
		long id = NeedFixtures.create(api, poster, NeedFixtures.quiltNeed(household, title, 2));
		ApiClient.Answer submitted = api.post("/api/v1/needs/" + id + "/submit", null, poster);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		NeedFixtures.confirmByForm(api, poster, id);
		return id;
	}

	private JsonNode verify(ApiClient api, String verifier, long id) {
		ApiClient.Answer a = api.post("/api/v1/needs/" + id + "/verify", NeedFixtures.VERIFY_REASON, verifier);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		return a.json();
	}

	private List<Long> publicList(ApiClient api, String query) {
		List<Long> ids = new ArrayList<>();
		api.get("/api/v1/needs?" + query).json().get("needs").forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

	private static String q(String keyword) {
		return "q=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8);
	}

	private long stateCount(String region, String state) {
		return jdbc.sql("SELECT coalesce(sum(n), 0) FROM need_state_count WHERE region_code = ? AND state = ?")
			.params(region, state)
			.query(Long.class)
			.single();
	}

	@Test
	void neededVerifiedUnderAHoldAppearTogetherAtTheRelease() {
		ApiClient api = api();
		String poster = api.login("13800000001", DEMO_PASSWORD);
		String verifier = verifier(api);
		long campaign = CAMPAIGNS.incrementAndGet();
		holds.hold(campaign, regions.get(RegionCode.parse(BAIFANG)));
		holds.hold(campaign, regions.get(RegionCode.parse("430482"))); // placing it again changes nothing
		assertThat(holds.find(campaign).orElseThrow().regionCode()).isEqualTo(BAIFANG);

		long a = submitted(api, poster, XIAOBAI, "柏坊集中棉被甲");
		long b = submitted(api, poster, DOULING, "柏坊集中棉被乙");
		long other = submitted(api, poster, SANXIANG, "水口山棉被丙");
		long verifiedBefore = stateCount(XIAOBAI, "VERIFIED");

		JsonNode heldA = verify(api, verifier, a);
		assertThat(heldA.get("state").asString()).as("a hold keeps the verified need back").isEqualTo("VERIFIED");
		assertThat(heldA.get("held").asBoolean()).as("staff see that it waits for the launch").isTrue();
		assertThat(verify(api, verifier, b).get("state").asString()).isEqualTo("VERIFIED");
		assertThat(verify(api, verifier, other).get("state").asString()).as("a hold over one township does not hold another's needs")
			.isEqualTo("PUBLISHED");
		assertThat(jdbc.sql("SELECT held_by FROM need WHERE id = ?").param(a).query(Long.class).single()).isEqualTo(campaign);
		assertThat(holds.heldCount(campaign)).isEqualTo(2);
		assertThat(stateCount(XIAOBAI, "VERIFIED")).as("the state counts follow").isEqualTo(verifiedBefore + 1);
		assertThat(launches.board(campaign).released()).isFalse();
		assertThat(launches.board(campaign).waiting()).isEqualTo(2);

		// invisible to the public: the list of the region, the search, the need itself (API and page)
		assertThat(publicList(api, "region=" + BAIFANG)).doesNotContain(a, b);
		assertThat(publicList(api, q("柏坊集中棉被"))).doesNotContain(a, b);
		assertThat(publicList(api, "region=430482102")).contains(other);
		assertThat(api.get("/api/v1/needs/" + a).status()).isEqualTo(404);
		assertThat(api.get("/needs/" + a).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/needs/" + a, verifier).json().get("held").asBoolean()).isTrue();

		Instant moment = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		assertThat(holds.release(campaign, moment)).isEqualTo(2);
		assertThat(holds.heldCount(campaign)).isZero();
		assertThat(holds.released(campaign).orElseThrow().releasedCount()).isEqualTo(2);

		// all visible at once, with one publication moment, each through its own recorded transition
		assertThat(publicList(api, "region=" + BAIFANG)).contains(a, b);
		assertThat(publicList(api, q("柏坊集中棉被"))).contains(a, b);
		for (long id : new long[] { a, b }) {
			JsonNode pub = api.get("/api/v1/needs/" + id).json();
			assertThat(pub.get("state").asString()).isEqualTo("PUBLISHED");
			assertThat(Instant.parse(pub.get("publishedAt").asString())).isEqualTo(moment);
			assertThat(pub.has("held")).isFalse();
		}
		assertThat(jdbc.sql("SELECT count(DISTINCT published_at) FROM need WHERE id IN (?, ?)").params(a, b).query(Long.class).single()).isOne();
		List<String> steps = new ArrayList<>();
		api.get("/api/v1/needs/" + a, verifier).json().get("history").forEach(h -> steps.add(h.get("action").asString() + ":" + h.get("to").asString()));
		assertThat(steps).containsExactly("CREATE:DRAFT", "SUBMIT:SUBMITTED", "VERIFY:VERIFIED", "PUBLISH:PUBLISHED");
		assertThat(stateCount(XIAOBAI, "VERIFIED")).isEqualTo(verifiedBefore);

		// a need verified after the release publishes at once
		long late = submitted(api, poster, XIAOBAI, "柏坊发布后棉被");
		assertThat(verify(api, verifier, late).get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(jdbc.sql("SELECT held_by IS NULL FROM need WHERE id = ?").param(late).query(Boolean.class).single()).isTrue();

		// releasing twice: 409 with a Chinese message, nothing changes
		assertThatThrownBy(() -> holds.release(campaign, moment.plusSeconds(60))).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "need.hold-released");
		assertThat(holds.released(campaign).orElseThrow().releasedAt()).isEqualTo(moment);
		assertThat(launches.board(campaign).published()).isEqualTo(2);
	}

	@Test
	void theNarrowestHoldKeepsANeedAndAWithdrawnHeldNeedIsNotPublished() {
		ApiClient api = api();
		String poster = api.login("13800000001", DEMO_PASSWORD);
		String verifier = verifier(api);
		long county = CAMPAIGNS.incrementAndGet(), township = CAMPAIGNS.incrementAndGet();
		holds.hold(county, regions.get(RegionCode.parse("430482")));
		holds.hold(township, regions.get(RegionCode.parse(BAIFANG)));
		long inTownship = submitted(api, poster, XIAOBAI, "柏坊重叠棉被");
		long elsewhere = submitted(api, poster, SANXIANG, "水口山重叠棉被");
		long withdrawn = submitted(api, poster, SANXIANG, "水口山撤回棉被");
		verify(api, verifier, inTownship);
		verify(api, verifier, elsewhere);
		verify(api, verifier, withdrawn);
		assertThat(holds.heldCount(township)).isEqualTo(1);
		assertThat(holds.heldCount(county)).isEqualTo(2);
		ApiClient.Answer w = api.post("/api/v1/needs/" + withdrawn + "/withdraw", "{\"reason\":\"户主已获救助\"}", poster);
		assertThat(w.status()).as(w.body()).isEqualTo(200);

		assertThat(holds.release(county, clock.instant())).isEqualTo(1);
		assertThat(api.get("/api/v1/needs/" + elsewhere).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/needs/" + withdrawn).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/needs/" + inTownship).status()).as("still held by its township's launch").isEqualTo(404);
		assertThat(holds.release(township, clock.instant())).isEqualTo(1);
		assertThat(api.get("/api/v1/needs/" + inTownship).status()).isEqualTo(200);

		assertThat(api.get("/launches/" + county).body()).contains("集中发布");
		assertThat(api.get("/launches/" + CAMPAIGNS.incrementAndGet()).status()).as("an unknown launch").isEqualTo(404);
		assertThat(api.get("/launches/" + CAMPAIGNS.get()).body()).contains("没有找到这次集中发布活动");
	}

	/**
	 * The race of a verification with the release (荫田镇 430482104): a verification during the release waits for it and
	 * then publishes at once; a release during a verification waits for it and then publishes that need too.
	 */
	@Test
	void aVerificationAndTheReleaseNeverMissEachOther() throws Exception {
		ApiClient api = api();
		String poster = api.login("13800000001", DEMO_PASSWORD);
		String verifier = verifier(api);
		org.bangfu.account.BangfuUser verifierUser = accounts.findByPhone(verifierPhone).orElseThrow();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			// the release comes first and takes its time to commit; the verification waits, then publishes at once
			long first = CAMPAIGNS.incrementAndGet();
			holds.hold(first, regions.get(RegionCode.parse("430482104")));
			long during = submitted(api, poster, "430482104202", "荫田发布中棉被");
			CountDownLatch releasing = new CountDownLatch(1);
			Future<Integer> release = pool.submit(() -> transactions.execute(status -> {
				int n = holds.release(first, clock.instant());
				releasing.countDown();
				sleep(1500);
				return n;
			}));
			assertThat(releasing.await(10, TimeUnit.SECONDS)).isTrue();
			long started = System.nanoTime();
			assertThat(verify(api, verifier, during).get("state").asString()).isEqualTo("PUBLISHED");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("it waited for the release").isGreaterThan(Duration.ofMillis(800));
			assertThat(release.get(10, TimeUnit.SECONDS)).isZero();

			// the verification comes first and takes its time; the release waits for it and publishes its need too
			long second = CAMPAIGNS.incrementAndGet();
			holds.hold(second, regions.get(RegionCode.parse("430482104")));
			long before = submitted(api, poster, "430482104203", "荫田发布前棉被");
			CountDownLatch verifying = new CountDownLatch(1);
			Future<NeedState> verification = pool.submit(() -> transactions.execute(status -> {
				NeedState state = review.verify(verifierUser, before).state();
				verifying.countDown();
				sleep(1500);
				return state;
			}));
			assertThat(verifying.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(holds.release(second, clock.instant())).as("the release saw the need verified meanwhile").isEqualTo(1);
			assertThat(verification.get(10, TimeUnit.SECONDS)).isEqualTo(NeedState.VERIFIED);
			assertThat(api.get("/api/v1/needs/" + before).json().get("state").asString()).isEqualTo("PUBLISHED");
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
