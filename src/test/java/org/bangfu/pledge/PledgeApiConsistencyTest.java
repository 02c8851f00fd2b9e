package org.bangfu.pledge;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.need.NeedFixtures;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The pledge API answers as the need's page does (issue 12): the same 404s, the same pledges, and keys that mean one request. */
class PledgeApiConsistencyTest extends ApplicationTest {

	@Autowired
	PersonalData personalData;

	private long publishedNeed(ApiClient api) {
		String officer = api.login(NeedFixtures.OFFICER, DEMO_PASSWORD);
		long household = NeedFixtures.household(jdbc, personalData, NeedFixtures.VILLAGE, "接口户", true);
		long need = NeedFixtures.create(api, officer, NeedFixtures.quiltNeed(household, "接口一致性棉被", 4));
		jdbc.sql("UPDATE need SET state = 'PUBLISHED', published_at = now() WHERE id = ?").param(need).update();
		return need;
	}

	@Test
	void pledgesAndThanksOfANeedThatIsNotPublicAre404() {
		ApiClient api = api();
		assertThat(api.get("/api/v1/needs/987654321/pledges").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/needs/987654321/thanks").status()).isEqualTo(404);
		long draft = NeedFixtures.create(api, api.login(NeedFixtures.OFFICER, DEMO_PASSWORD),
				NeedFixtures.quiltNeed(NeedFixtures.household(jdbc, personalData, NeedFixtures.VILLAGE, "草稿户", true), "草稿棉被", 1));
		assertThat(api.get("/api/v1/needs/" + draft + "/pledges").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/needs/" + draft + "/thanks").status()).isEqualTo(404);
		assertThat(api.get("/needs/" + draft).status()).as("as its page").isEqualTo(404);
		assertThat(api.get("/api/v1/needs/" + draft + "/pledges", api.login(NeedFixtures.OFFICER, DEMO_PASSWORD)).status())
			.as("its poster sees it").isEqualTo(200);
	}

	@Test
	void thePublicListSkipsCancelledPledgesAndAKeyMeansOneRequest() {
		ApiClient api = api();
		long need = publishedNeed(api);
		String donor = api.login("13800000021", DEMO_PASSWORD);
		String key = "consistency-" + System.nanoTime();
		Answer first = api.postWithHeader("/api/v1/needs/" + need + "/pledges", "{\"quantity\":1}", donor, "Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(api.postWithHeader("/api/v1/needs/" + need + "/pledges", "{\"quantity\":1}", donor, "Idempotency-Key", key).status())
			.as("the same request again").isEqualTo(200);
		Answer other = api.postWithHeader("/api/v1/needs/" + need + "/pledges", "{\"quantity\":2}", donor, "Idempotency-Key", key);
		assertThat(other.status()).as("the key with another body").isEqualTo(422);
		assertThat(other.json().get("detail").asString()).contains("Idempotency-Key");

		long pledge = first.json().get("id").asLong();
		assertThat(api.post("/api/v1/pledges/" + pledge + "/cancel", null, donor).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/needs/" + need + "/pledges").json().size()).as("the public sees no cancelled pledge").isZero();
		assertThat(api.get("/api/v1/needs/" + need + "/pledges", donor).json().size()).as("its donor does").isEqualTo(1);
	}
}
