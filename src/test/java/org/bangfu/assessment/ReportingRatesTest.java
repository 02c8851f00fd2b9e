package org.bangfu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.need.NeedFixtures;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The reporting rate end to end in 吴集镇 (430424104): staff post and submit needs, the rollups count them per station,
 * and the rate follows the definitions, with a closed station and a station with nothing expected left out.
 */
class ReportingRatesTest extends ApplicationTest {

	static final String TOWNSHIP = "430424104";

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	String staff(Role role, String region) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, "报送测试员", DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(RegionCode.parse(region)), null);
		return api().login(phone, DEMO_PASSWORD);
	}

	void postAndSubmit(ApiClient api, String token, String village) {
		ApiClient.Answer created = api.post("/api/v1/needs", """
				{"category":"VILLAGE","title":"村道路灯维修","story":"村里主干道的路灯坏了一半，夜里行走不便，需要更换灯具。","urgency":"NORMAL","regionCode":"%s",
				 "items":[{"kind":"电力","name":"LED 路灯","quantity":10,"unit":"盏","valueFen":30000}]}""".formatted(village), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		NeedFixtures.photo(api, token, id);
		assertThat(api.post("/api/v1/needs/" + id + "/submit", "{}", token).status()).isEqualTo(200);
	}

	@Test
	void stationsReportTheirCountedNeedsAndRollUp() {
		ApiClient api = api();
		List<String> v = jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code LIMIT 4").param(TOWNSHIP).query(String.class).list();
		for (String code : v) {
			jdbc.sql("DELETE FROM need_unit_report WHERE reporting_unit = ?").param(code).update();
		}
		jdbc.sql("DELETE FROM need_unit_report WHERE reporting_unit = ?").param(TOWNSHIP).update();
		jdbc.sql("INSERT INTO poor_village (region_code) VALUES (?), (?), (?) ON CONFLICT DO NOTHING").params(v.get(0), v.get(1), v.get(3)).update();
		jdbc.sql("DELETE FROM poor_village WHERE region_code = ?").param(v.get(2)).update();
		String o1 = staff(Role.VILLAGE_OFFICER, v.get(0)), o2 = staff(Role.VILLAGE_OFFICER, v.get(1)), o3 = staff(Role.VILLAGE_OFFICER, v.get(2));
		staff(Role.VILLAGE_OFFICER, v.get(3));
		String manager = staff(Role.TOWNSHIP_MANAGER, TOWNSHIP);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		// the fourth village's point closed before the period began (its history says it was open since long ago)
		jdbc.sql("UPDATE station SET created_at = now() - interval '60 days', closed_on = ? WHERE region_code = ?").params(today.minusDays(5), v.get(3))
			.update();
		String city = api.login("13800000001", DEMO_PASSWORD);
		ApiClient.Answer created = api.post("/api/v1/collection-campaigns", """
				{"name":"吴集镇路灯采集","regionCode":"%s","startsOn":"%s","deadline":"%s","categories":["VILLAGE"],
				 "poorVillageQuota":2,"otherVillageQuota":0,"townshipQuota":1}""".formatted(TOWNSHIP, today.minusDays(3), today.plusDays(3)), city);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		postAndSubmit(api, o1, v.get(0));
		postAndSubmit(api, o1, v.get(0)); // 2 of 2: reported, on time
		postAndSubmit(api, o2, v.get(1)); // 1 of 2: behind
		postAndSubmit(api, o3, v.get(2)); // a non-poor village, quota 0: nothing expected, out of both
		postAndSubmit(api, manager, v.get(2)); // the township station's work: 1 of 1

		JsonNode rate = api.get("/api/v1/stats/reporting-rate?region=" + TOWNSHIP + "&period=C" + id, city).json();
		JsonNode s = rate.get("summary");
		assertThat(s.get("expected").asLong()).isEqualTo(3);
		assertThat(s.get("reported").asLong()).isEqualTo(2);
		assertThat(s.get("onTime").asLong()).isEqualTo(2);
		assertThat(s.get("rate").asDouble()).isEqualTo(0.6667);
		assertThat(s.get("quotaNeeds").asLong()).isEqualTo(5);
		assertThat(s.get("countedNeeds").asLong()).isEqualTo(4);
		assertThat(s.get("attainment").asDouble()).isEqualTo(0.8);
		assertThat(rate.get("behind").size()).isEqualTo(1);
		assertThat(rate.get("behind").get(0).get("regionCode").asString()).isEqualTo(v.get(1));

		// the county sees the same figures under 吴集镇 (no other township of 衡东县 has this campaign)
		JsonNode county = api.get("/api/v1/stats/reporting-rate?region=430424&period=C" + id, city).json();
		assertThat(county.get("summary").get("expected").asLong()).isEqualTo(3);
		JsonNode row = null;
		for (JsonNode c : county.get("children")) {
			if (TOWNSHIP.equals(c.get("regionCode").asString())) {
				row = c;
			}
		}
		assertThat(row.get("summary").get("reported").asLong()).isEqualTo(2);
		// a township's own station is a row of its own under the township
		JsonNode township = api.get("/api/v1/stats/reporting-rate?region=" + TOWNSHIP + "&period=C" + id, city).json();
		assertThat(township.get("children").get(0).get("regionCode").isNull()).isTrue();
		assertThat(township.get("children").get(0).get("summary").get("expected").asLong()).isEqualTo(1);
	}
}
