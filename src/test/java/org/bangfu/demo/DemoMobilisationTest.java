package org.bangfu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.PageSession;
import org.bangfu.account.Accounts;
import org.bangfu.account.Position;
import org.bangfu.account.Positions;
import org.bangfu.team.Training;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The demo seed of issue 17 (DemoMobilisation, DemoTeams): each new page has something real to show. */
class DemoMobilisationTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Positions positions;

	@Autowired
	Training training;

	@Test
	void theDemoStaffHoldTheirPositionsAndTheStationsShowFilledAndVacantSeats() throws Exception {
		assertThat(positions.holds(accounts.findByPhone("13800000002").orElseThrow(), Position.MEDIA_ADMINISTRATOR, "430421")).isTrue();
		assertThat(positions.holds(accounts.findByPhone("13800000003").orElseThrow(), Position.INFORMATION_MANAGER, "430421100")).isTrue();
		assertThat(positions.holds(accounts.findByPhone("13800000004").orElseThrow(), Position.INFORMATION_OFFICER, "430421100203")).isTrue();
		assertThat(positions.holds(accounts.findByPhone("13800000012").orElseThrow(), Position.LEADER_IN_CHARGE, "430422")).isTrue();
		String stations = new PageSession(port).login("13800000002").get("/stations").text();
		assertThat(stations).contains("衡阳县管理中心", "西渡镇信息管理员", "西渡村信息员", "空缺");
	}

	@Test
	void theCountysUnitsHaveRegistrationsAndTheRankingShowsThem() {
		ApiClient api = api();
		JsonNode units = api.get("/api/v1/units?regionCode=430421", api.login("13800000002", DEMO_PASSWORD)).json();
		long finance = 0;
		long school = 0;
		int seen = 0;
		for (JsonNode u : units) {
			String name = u.get("name").asString();
			if (DemoMobilisation.UNITS.stream().anyMatch(d -> d.name().equals(name))) {
				seen++;
			}
			finance += name.equals("衡阳县财政局") ? u.get("registrations").asLong() : 0;
			school += name.equals("衡阳县第一中学") ? u.get("registrations").asLong() : 0;
		}
		assertThat(seen).isEqualTo(3);
		assertThat(finance).isEqualTo(2);
		assertThat(school).isEqualTo(1);
		assertThat(api.get("/units/ranking").body()).contains("衡阳县财政局", "衡阳县第一中学", "衡阳县").doesNotContain("王建平", "13800000071");
	}

	@Test
	void theAllianceIsApprovedWithTwoMembers() {
		long id = jdbc.sql("SELECT id FROM social_organisation WHERE name = ?").param(DemoMobilisation.ALLIANCE).query(Long.class).single();
		JsonNode alliance = api().get("/api/v1/organisations/" + id).json();
		assertThat(alliance.get("members").asLong()).isEqualTo(2);
		assertThat(api().get("/organisations").body()).contains(DemoMobilisation.ALLIANCE);
		assertThat(DemoMobilisation.ALLIANCE_CREDIT_CODE).isNotEqualTo(org.bangfu.shared.CreditCode.withCheckCharacter("91430400MA4L8X2K3"));
	}

	@Test
	void theVolunteerHasConfirmedHoursAndATaskAheadAndTheExpertAnswered() {
		ApiClient api = api();
		String volunteer = api.login(DemoTeams.VOLUNTEER, DEMO_PASSWORD);
		assertThat(api.get("/api/v1/teams/hours", volunteer).json().get("hours").asDouble()).isEqualTo(2.5);
		assertThat(api.get("/api/v1/teams/tasks", volunteer).body()).contains("助行器");
		String expert = api.login(DemoTeams.EXPERT, DEMO_PASSWORD);
		JsonNode advice = api.get("/api/v1/teams/advice", expert).json();
		assertThat(advice.toString()).contains("康复科评估");
		String ambassador = api.login(DemoTeams.AMBASSADOR, DEMO_PASSWORD);
		assertThat(api.get("/api/v1/ambassador/links", ambassador).body()).contains("衡阳县扫码献爱心");
		assertThat(jdbc.sql("SELECT count(*) FROM ambassador_reach r JOIN ambassador_link l ON l.id = r.link_id WHERE l.name = '衡阳县扫码献爱心'")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theVillageOfficerIsTrainedAndTheOthersAreNot() {
		assertThat(training.completedAt(accounts.findByPhone("13800000004").orElseThrow().id())).isPresent();
		assertThat(training.completedAt(accounts.findByPhone("13800000003").orElseThrow().id())).isEmpty();
	}

	@Test
	void theStoryIsPublishedMaskedOnTheHomeAndRegionPages() {
		String masked = "一辆轮椅，让张*山老人重新走出家门";
		long story = jdbc.sql("SELECT id FROM news_story WHERE title = ? AND state = 'PUBLISHED'").param(masked).query(Long.class).single();
		ApiClient api = api();
		assertThat(api.get("/news/" + story).body()).contains(masked, "张*山").doesNotContain("张大山");
		// the home page shows the newest three published items: the demo's, unless other tests of the shared database published since
		List<Long> newest = jdbc.sql("SELECT id FROM news_story WHERE state = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 3")
			.query(Long.class).list();
		if (newest.contains(story)) {
			assertThat(api.get("/").body()).contains(masked);
		}
		List<Long> region = jdbc.sql("""
				SELECT id FROM news_story WHERE state = 'PUBLISHED' AND (region_code LIKE '430421%' OR region_code = '430400')
				ORDER BY published_at DESC, id DESC LIMIT 5""").query(Long.class).list();
		if (region.contains(story)) {
			assertThat(api.get("/regions/430421").body()).contains(masked);
		}
		assertThat(api.get("/news?region=430421").body()).contains(masked);
	}
}
