package org.bangfu.demo;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every demo account of DESIGN.md §7 logs in with the shared password and holds the role and scope of the table. */
class DemoAccountsTest extends ApplicationTest {

	record Expected(String phone, String role, String scope) {
	}

	static final List<Expected> TABLE = List.of(
			new Expected("13800000001", "CITY_ADMIN", "430400"),
			new Expected("13800000002", "COUNTY_ADMIN", "430421"),
			new Expected("13800000003", "TOWNSHIP_MANAGER", "430421100"),
			new Expected("13800000004", "VILLAGE_OFFICER", "430421100203"),
			new Expected("13800000012", "COUNTY_ADMIN", "430422"),
			new Expected("13800000013", "TOWNSHIP_MANAGER", "430422103"),
			new Expected("13800000014", "VILLAGE_OFFICER", "430422103231"),
			new Expected("13800000021", "DONOR", null),
			new Expected("13800000022", "DONOR", null),
			new Expected("13800000031", "FUND_STAFF", "430400"),
			new Expected("13800000032", "FUND_STAFF", "430400"),
			new Expected("13800000041", "SUPERVISOR", "430421"),
			new Expected("13800000051", "HOUSEHOLD", "430421100203"));

	@Test
	void everyDemoAccountLogsInWithItsRoleAndScope() {
		ApiClient api = api();
		List<String> seen = new ArrayList<>();
		for (Expected e : TABLE) {
			JsonNode me = api.get("/api/v1/me", api.login(e.phone(), DEMO_PASSWORD)).json();
			JsonNode scope = me.get("scopes").get(0);
			seen.add(e.phone() + " " + scope.get("role").asString() + " " + (scope.get("regionCode").isNull() ? null : scope.get("regionCode").asString()));
		}
		assertThat(seen).containsExactlyElementsOf(TABLE.stream().map(e -> e.phone() + " " + e.role() + " " + e.scope()).toList());
	}

	@Test
	void theDonorsHaveTheirTypes() {
		ApiClient api = api();
		assertThat(api.get("/api/v1/me", api.login("13800000021", DEMO_PASSWORD)).json().get("donorType").asString()).isEqualTo("INDIVIDUAL");
		assertThat(api.get("/api/v1/me", api.login("13800000022", DEMO_PASSWORD)).json().get("donorType").asString()).isEqualTo("ENTERPRISE");
	}

	@Test
	void grantingStaffOpenedTheirStations() {
		assertThat(jdbc.sql("SELECT region_code || ' ' || kind FROM station ORDER BY region_code").query(String.class).list())
			.contains("430400 CITY_OFFICE", "430421 COUNTY_CENTER", "430421100 TOWNSHIP_STATION", "430421100203 VILLAGE_POINT",
					"430422 COUNTY_CENTER", "430422103 TOWNSHIP_STATION", "430422103231 VILLAGE_POINT");
	}
}
