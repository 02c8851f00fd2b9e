package org.bangfu.assessment;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff and places of 耒阳市 (430481) for the assessment tests: each test class keeps to its own township. */
final class PointFixtures {

	static final String COUNTY = "430481";

	private PointFixtures() {
	}

	/** A staff account made for the test: its id, phone and name. */
	record Staff(long id, String phone, String name) {

		String token(ApiClient api) {
			return api.login(phone, ApplicationTest.DEMO_PASSWORD);
		}
	}

	static Staff staff(Accounts accounts, Regions regions, String phone, String name, Role role, String regionCode) {
		long id = accounts.create(new Accounts.NewAccount(phone, name, ApplicationTest.DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(new RegionCode(regionCode)), null);
		return new Staff(id, phone, name);
	}

	/** The n-th township of 耒阳市. */
	static String township(JdbcClient jdbc, int n) {
		return jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code OFFSET ? LIMIT 1").params(COUNTY, n).query(String.class).single();
	}

	/** The n-th village of the township. */
	static String village(JdbcClient jdbc, String township, int n) {
		return jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code OFFSET ? LIMIT 1").params(township, n).query(String.class).single();
	}
}
