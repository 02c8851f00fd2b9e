package org.bangfu.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** People and needs of 珠晖区 (430405), the region only the team tests use. */
final class TeamFixtures {

	static final String COUNTY = "430405";

	static final String TOWNSHIP = "430405007"; // 衡州路街道

	static final String VILLAGE = "430405007006"; // 王江社区居委会

	static final String OTHER_TOWNSHIP = "430405100"; // 茶山坳镇

	/** The demo county admin of 衡阳县: another county. */
	static final String OTHER_COUNTY_ADMIN = "13800000002";

	private TeamFixtures() {
	}

	/** A new account with one grant (region null for a donor); answers its id. */
	static long account(Accounts accounts, JdbcClient jdbc, String phone, String name, String role, String region) {
		accounts.create(new Accounts.NewAccount(phone, name, ApplicationTest.DEMO_PASSWORD, null, null, null, null));
		long id = accounts.findByPhone(phone).orElseThrow().id();
		jdbc.sql("INSERT INTO role_grant (account_id, role, region_code, granted_at) VALUES (?, ?, ?, now())").params(id, role, region).update();
		return id;
	}

	/** Applies through the API and answers the application's id. */
	static long apply(ApiClient api, String token, String role, String area, String fields) {
		Answer a = api.post("/api/v1/teams/applications", """
				{"role":"%s","area":"%s","skills":"会开车，熟悉本地道路","availability":"周末","fields":%s}""".formatted(role, area, fields), token);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	/** Applies and is approved by the county admin: the account then holds the role over the area. */
	static void approved(ApiClient api, String token, String countyToken, String role, String area, String fields) {
		long id = apply(api, token, role, area, fields);
		Answer a = api.post("/api/v1/teams/applications/" + id + "/approve", "{}", countyToken);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
	}

	/** A need published three days ago in the village. */
	static long publishedNeed(JdbcClient jdbc, Instant now, String village, String category, String title, long poster) {
		Instant at = now.minus(Duration.ofDays(3));
		long id = jdbc.sql("""
				INSERT INTO need (region_code, category, title, story, producer, urgency, state, poster_id, on_behalf, total_quantity,
				                  total_value_fen, created_at, updated_at, published_at, verified_at, verified_by, search_pairs)
				VALUES (?, ?, ?, '团队测试的需求说明', '团队测试合作社', 2, 'PUBLISHED', ?, false, 1, 10000, ?, ?, ?, ?, ?, ' ') RETURNING id""")
			.params(village, category, title, poster, Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), poster)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO need_item (need_id, position, name, quantity, unit, value_fen) VALUES (?, 0, '轮椅', 1, '台', 10000)")
			.param(id)
			.update();
		return id;
	}
}
