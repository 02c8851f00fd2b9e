package org.bangfu.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.pledge.MatchingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A notice is kept as a bundle key and its arguments and read in the reader's language: the same
 * notice reads in Chinese by default and with {@code lang=zh-CN}, in English with {@code lang=en}.
 * The browser's Accept-Language is not consulted (Chinese first, see WebConfiguration).
 */
class NoticeLanguageTest extends ApplicationTest {

	static final String OFFICER = "13800000004";

	static final String MANAGER = "13800000003";

	@Autowired
	Accounts accounts;

	@Test
	void theSameNoticeReadsInTheReadersLanguage() throws Exception {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = jdbc.sql("SELECT id FROM household WHERE household_number = '4304211002030001'").query(Long.class).single();
		Answer created = api.post("/api/v1/needs", """
				{"category":"OTHER","title":"消息语言测试","story":"村里几户老人过冬缺棉被，每户需要一到两床。","householdId":%d,
				 "items":[{"kind":"生活用品","name":"棉被","quantity":2,"unit":"床","valueFen":5000}]}""".formatted(household), officer);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long need = created.json().get("id").asLong();
		assertThat(api.post("/api/v1/needs/" + need + "/submit", null, officer).status()).isEqualTo(200);
		org.bangfu.need.NeedFixtures.confirmByForm(api, officer, need);
		assertThat(api.post("/api/v1/needs/" + need + "/verify", org.bangfu.need.NeedFixtures.VERIFY_REASON, api.login(MANAGER, DEMO_PASSWORD)).status()).isEqualTo(200);
		String donor = MatchingFixtures.newDonor(accounts, api, newPhone());
		assertThat(api.post("/api/v1/needs/" + need + "/pledges", "{\"quantity\":1}", donor).status()).isEqualTo(201);

		String chinese = "您发布的需求（编号 " + need + "）有爱心人士认领了 1 件，请留意接收";
		String english = "A donor has pledged 1 item(s) for your need (no. " + need + ")";
		String byDefault = api.get("/api/v1/me/notices", officer).body();
		assertThat(byDefault).as("Chinese by default").contains(chinese).doesNotContain(english);
		String zh = api.get("/api/v1/me/notices?lang=zh-CN", officer).body();
		assertThat(zh).contains(chinese).doesNotContain(english);
		String en = api.get("/api/v1/me/notices?lang=en", officer).body();
		assertThat(en).as("the same notice in English").contains(english).doesNotContain(chinese);
		assertThat(en).as("the verification notice too").contains("has been verified and published");

		HttpResponse<String> acceptEnglish = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/notices"))
				.header("Authorization", "Bearer " + officer)
				.header("Accept-Language", "en")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(acceptEnglish.body()).as("the browser's Accept-Language alone does not switch the language").contains(chinese);
	}
}
