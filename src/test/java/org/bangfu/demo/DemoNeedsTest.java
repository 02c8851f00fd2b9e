package org.bangfu.demo;

import org.bangfu.need.SearchLocaleCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo seed's needs, and the database's ability to index Chinese. */
class DemoNeedsTest extends ApplicationTest {

	@Autowired
	SearchLocaleCheck searchLocale;

	@Test
	void theDemoVillagesHaveNeedsInEveryState() {
		// the demo's needs are the first ones (seeded in one transaction into an empty table); the states they are or were
		// in, since other tests of the shared database pledge the demo's open needs
		List<String> states = jdbc.sql("""
				WITH demo AS (SELECT id, state FROM need ORDER BY id LIMIT :demos)
				SELECT state FROM demo
				UNION SELECT t.from_state FROM need_transition t JOIN demo d ON d.id = t.need_id WHERE t.from_state IS NOT NULL
				UNION SELECT t.to_state FROM need_transition t JOIN demo d ON d.id = t.need_id""")
			.param("demos", DemoNeeds.DEMOS.size())
			.query(String.class)
			.list();
		assertThat(states).contains("DRAFT", "SUBMITTED", "REJECTED", "PUBLISHED", "PARTLY_PLEDGED", "PLEDGED", "DELIVERED", "CONFIRMED",
				"CLOSED", "EXPIRED", "WITHDRAWN");
		List<String> pledgeStates = jdbc.sql("SELECT DISTINCT state FROM pledge WHERE id <= 10").query(String.class).list();
		assertThat(pledgeStates).contains("COMMITTED", "IN_TRANSIT", "RECEIVED", "CANCELLED", "LAPSED");
		long monthOld = jdbc.sql("SELECT count(*) FROM need WHERE published_at < now() - interval '20 days'").query(Long.class).single();
		assertThat(monthOld).as("the demo spreads over the last month").isPositive();
	}

	@Test
	void theDemoHasACollectionCampaignUnderWayAndTheWorkHasEarnedPoints() {
		ApiClient api = api();
		String city = api.login("13800000001", DEMO_PASSWORD);
		tools.jackson.databind.JsonNode campaigns = api.get("/api/v1/collection-campaigns", city).json();
		assertThat(campaigns.toString()).contains("衡阳市社会扶贫网启动集中采集", "COLLECTING");
		long id = jdbc.sql("SELECT min(id) FROM collection_campaign").query(Long.class).single();
		ApiClient.Answer rate = api.get("/api/v1/stats/reporting-rate?region=430421&period=C" + id, city);
		assertThat(rate.status()).as(rate.body()).isEqualTo(200);
		assertThat(rate.json().get("summary").get("expected").asLong()).as("the demo villages' points are expected to report").isPositive();
		// the demo's verifications went through the real use case: its officers and managers have points
		assertThat(jdbc.sql("SELECT count(DISTINCT account_id) FROM assessment_point WHERE kind = 'VERIFIED'").query(Long.class).single())
			.isPositive();
		assertThat(api.get("/api/v1/stats/overview?region=430421").json().toString()).contains("matching");
	}

	@Test
	void theDemoSupervisorHasDrawnASampleAndVisitedOneNeed() {
		// the supervisor's sample, drawn with its recorded seed, and the visit found true: shown on the need's public page
		long sample = jdbc.sql("SELECT min(id) FROM audit_sample WHERE seed = ?").param(DemoSupervision.SEED).query(Long.class).single();
		long visited = jdbc.sql("SELECT need_id FROM audit_finding WHERE sample_id = ? AND outcome = 'TRUE'").param(sample).query(Long.class).single();
		assertThat(api().get("/needs/" + visited).body()).contains("trust-audit", "抽查核实");
	}

	@Test
	void thePublicSeesTheDemoNeedsMaskedAndPhotosOnlyWithConsent() {
		ApiClient api = api();
		long zhang = jdbc.sql("SELECT id FROM need WHERE title = '张大山老人需要轮椅和降压药'").query(Long.class).single();
		long li = jdbc.sql("SELECT id FROM need WHERE title = '李强需要康复训练和助行器'").query(Long.class).single();
		// the officer wrote the household's names into the title and story: the public reads them masked
		String one = api.get("/api/v1/needs/" + zhang).body() + api.get("/needs/" + zhang).body();
		assertThat(one).contains("张*山家").contains("张*山老人需要轮椅").doesNotContain("张大山");
		String other = api.get("/api/v1/needs/" + li).body() + api.get("/needs/" + li).body();
		assertThat(other).contains("李*英的儿子李*因车祸").doesNotContain("李桂英").doesNotContain("李强");
		assertThat(api.get("/api/v1/needs?region=430421100203").body()).contains("西渡镇山茶油专业合作社").doesNotContain("张大山");
		assertThat(api.get("/api/v1/needs?q=" + java.net.URLEncoder.encode("张大山", java.nio.charset.StandardCharsets.UTF_8)).body()).as("names are not searchable").doesNotContain("轮椅");
		assertThat(jdbc.sql("SELECT count(*) FROM need_photo WHERE need_id = ?").param(li).query(Long.class).single()).isPositive();
		assertThat(api.get("/api/v1/needs/" + li).json().get("photos").size()).as("李桂英 did not consent to photos").isZero();
	}

	@Test
	void theDatabaseIndexesChineseKeywords() {
		assertThat(searchLocale.indexesChinese()).isTrue();
	}
}
