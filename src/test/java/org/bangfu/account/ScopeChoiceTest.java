package org.bangfu.account;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Which region a staff member's request is about when it names none: the one region containing all
 * their grants' regions, or, when their grants lie side by side, the user's choice (never the first grant).
 */
class ScopeChoiceTest extends ApplicationTest {

	static final String XIDU_TOWNSHIP = "430421100";

	static final String XIDU_VILLAGE = "430421100203";

	/** A village of another township (集兵镇) of the same county. */
	static final String JIBING_VILLAGE = "430421101200";

	/** A village of another county (衡南县). */
	static final String CHASHI_VILLAGE = "430422103231";

	@Autowired
	WebApplicationContext context;

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	/** A new staff account holding the grants in this order, with the demo password. */
	private String staffWith(String name, Role role, String region, Role role2, String region2) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(RegionCode.parse(region)), null);
		accounts.grant(id, role2, regions.get(RegionCode.parse(region2)), null);
		return phone;
	}

	private static List<String> regionCodes(JsonNode members) {
		List<String> codes = new ArrayList<>();
		members.forEach(m -> codes.add(m.get("regionCode").asString()));
		return codes;
	}

	@Test
	void theWidestGrantIsTheScopeWhenItContainsTheOthers() {
		// the village first: taking the first grant would have shown only the village
		String phone = staffWith("镇村兼任", Role.VILLAGE_OFFICER, XIDU_VILLAGE, Role.TOWNSHIP_MANAGER, XIDU_TOWNSHIP);
		ApiClient api = api();
		Answer directory = api.get("/api/v1/grants", api.login(phone, DEMO_PASSWORD));
		assertThat(directory.status()).isEqualTo(200);
		assertThat(regionCodes(directory.json())).contains(XIDU_TOWNSHIP, XIDU_VILLAGE).allMatch(c -> c.startsWith(XIDU_TOWNSHIP));
	}

	@Test
	void grantsSideBySideMakeTheApiAskWhichOne() {
		String phone = staffWith("两村兼任", Role.VILLAGE_OFFICER, XIDU_VILLAGE, Role.VILLAGE_OFFICER, JIBING_VILLAGE);
		ApiClient api = api();
		String token = api.login(phone, DEMO_PASSWORD);
		for (String path : List.of("/api/v1/grants", "/api/v1/households")) {
			Answer ask = api.get(path, token);
			assertThat(ask.status()).as(path).isEqualTo(422);
			assertThat(ask.contentType()).startsWith("application/problem+json");
			assertThat(ask.json().get("detail").asString())
				.isEqualTo("您在多个互不包含的区划任职，请选择要查看哪一个：西渡村委会（430421100203）、集兵村委会（430421101200）。");
			assertThat(ask.json().get("parameter").asString()).isEqualTo("region");
			assertThat(ask.json().get("choices").get(1).get("value").asString()).isEqualTo(JIBING_VILLAGE);
			assertThat(ask.json().get("choices").get(1).get("label").asString()).isEqualTo("集兵村委会");
		}

		// a region within one of the grants is answered, another county's is not there (as before)
		Answer chosen = api.get("/api/v1/grants?region=" + JIBING_VILLAGE, token);
		assertThat(chosen.status()).isEqualTo(200);
		assertThat(regionCodes(chosen.json())).contains(JIBING_VILLAGE).allMatch(c -> c.startsWith(JIBING_VILLAGE));
		assertThat(api.get("/api/v1/households?region=" + XIDU_VILLAGE, token).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/grants?region=" + CHASHI_VILLAGE, token).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/grants?region=" + XIDU_TOWNSHIP, token).status()).as("above both grants").isEqualTo(404);
	}

	@Test
	void grantsSideBySideMakeThePagesOfferTheChoice() throws Exception {
		BangfuUser officer = accounts.findByPhone(
				staffWith("两村兼任", Role.VILLAGE_OFFICER, XIDU_VILLAGE, Role.VILLAGE_OFFICER, JIBING_VILLAGE)).orElseThrow();
		mvc.perform(get("/staff?page=2").with(user(officer)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("请选择要查看哪一个"),
					containsString("href=\"/staff?region=430421100203\""), containsString(">西渡村委会</a>"),
					containsString("href=\"/staff?region=430421101200\""), containsString(">集兵村委会</a>"))));
		mvc.perform(get("/households?q={q}", "张").with(user(officer)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"/households?q=%E5%BC%A0&amp;region=430421101200\"")));
		mvc.perform(get("/households/imports").with(user(officer)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"/households/imports?region=430421100203\"")));

		// the chooser's links are answered
		mvc.perform(get("/staff").param("region", JIBING_VILLAGE).with(user(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("集兵村委会"), not(containsString("请选择要查看哪一个")))));
		mvc.perform(get("/households").param("region", XIDU_VILLAGE).with(user(officer))).andExpect(status().isOk());
		mvc.perform(get("/households/imports").param("region", XIDU_VILLAGE).with(user(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("导入名册</span> · <span>西渡村委会</span>")));
		mvc.perform(get("/staff").param("region", CHASHI_VILLAGE).with(user(officer))).andExpect(status().isNotFound());
	}

	@Test
	void aSingleGrantStaysTheScopeAsBefore() throws Exception {
		BangfuUser township = accounts.findByPhone("13800000003").orElseThrow();
		mvc.perform(get("/staff").with(user(township)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("请选择要查看哪一个"))));
		ApiClient api = api();
		assertThat(regionCodes(api.get("/api/v1/grants", api.login("13800000004", DEMO_PASSWORD)).json())).allMatch(c -> c.startsWith(XIDU_VILLAGE));
	}
}
