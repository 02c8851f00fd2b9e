package org.bangfu.account;

import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pages behind login: scoped in SQL to the caller's region, and protected by CSRF. */
class StationsPageTest extends ApplicationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	Accounts accounts;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	private BangfuUser demo(String phone) {
		return accounts.findByPhone(phone).orElseThrow();
	}

	@Test
	void aCountyAdminSeesOnlyTheStationsOfItsCounty() throws Exception {
		mvc.perform(get("/stations").with(user(demo("13800000012"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("茶市镇社会扶贫网服务站")))
			.andExpect(content().string(not(containsString("西渡镇社会扶贫网服务站"))))
			.andExpect(content().string(not(containsString("衡阳市社会扶贫网办公室"))));
	}

	@Test
	void theCityAdminSeesAllStationsOfTheCity() throws Exception {
		mvc.perform(get("/stations").with(user(demo("13800000001"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("茶市镇社会扶贫网服务站")))
			.andExpect(content().string(containsString("西渡村委会社会扶贫网信息点")));
	}

	@Test
	void aDonorHasNoStationsPage() throws Exception {
		mvc.perform(get("/stations").with(user(demo("13800000021")))).andExpect(status().isNotFound());
	}

	@Test
	void anonymousVisitorsAreSentToLogin() throws Exception {
		mvc.perform(get("/me")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void formPostsWithoutCsrfTokenChangeNothing() throws Exception {
		long grants = jdbc.sql("SELECT count(*) FROM role_grant").query(Long.class).single();
		mvc.perform(post("/staff/grants").with(user(demo("13800000002"))).param("phone", "13912345678").param("name", "无令牌")
			.param("role", "VILLAGE_OFFICER").param("regionCode", "430421100013"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/me/logout-all").with(user(demo("13800000002")))).andExpect(status().isForbidden());
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT count(*) FROM role_grant").query(Long.class).single()).isEqualTo(grants);
	}

	@Test
	void adminPagesAreForTheirRolesOnly() throws Exception {
		mvc.perform(get("/admin/sms-outbox").with(user(demo("13800000001")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("短信发件箱")));
		mvc.perform(get("/admin/sms-outbox").with(user(demo("13800000002")))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/operation-log").with(user(demo("13800000002")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("操作日志")));
		mvc.perform(get("/admin/operation-log").with(user(demo("13800000004")))).andExpect(status().isForbidden());
		mvc.perform(get("/staff").param("region", "430421").with(user(demo("13800000012")))).andExpect(status().isNotFound());
	}

	@Test
	void aLoginPostWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("phone", "13800000004").param("password", DEMO_PASSWORD))
			.andExpect(status().isForbidden());
		mvc.perform(post("/login").param("phone", "13800000004").param("password", DEMO_PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/needs/mine")); // a village officer lands on its needs (LandingPage)
	}
}
