package org.bangfu.news;

import java.util.concurrent.ThreadLocalRandom;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.household.Consent;
import org.bangfu.household.Consents;
import org.bangfu.need.NeedFixtures;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** News and stories in 祁东县 (430426): who may write, the states, the household's consent, the public pages. */
class NewsTest extends ApplicationTest {

	static final String QIDONG = "430426";

	@Autowired
	Accounts accounts;

	@Autowired
	Consents consents;

	@Autowired
	PersonalData personalData;

	/** A county admin of 祁东县 granted by the city with the position, logged in: its token and account id. */
	record Admin(String token, long id, String phone) {
	}

	Admin countyAdmin(ApiClient api, String position) {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, "祁东" + ThreadLocalRandom.current().nextInt(10000), DEMO_PASSWORD, null, null,
				null, null));
		Answer granted = api.post("/api/v1/grants", """
				{"phone":"%s","role":"COUNTY_ADMIN","regionCode":"%s","position":"%s"}""".formatted(phone, QIDONG, position),
				api.login("13800000001", DEMO_PASSWORD));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		return new Admin(api.login(phone, DEMO_PASSWORD), id, phone);
	}

	private static String news(String title, String region) {
		return """
				{"kind":"NEWS","title":"%s","body":"祁东县召开社会扶贫网推进会，各乡镇信息管理员参加。","regionCode":"%s"}""".formatted(title, region);
	}

	@Test
	void onlyTheMediaAdministratorPublishesAndTheNewsShowsOnTheHomeAndRegionPages() {
		ApiClient api = api();
		Admin cadre = countyAdmin(api, "CADRE");
		Admin media = countyAdmin(api, "MEDIA_ADMINISTRATOR");
		String title = "祁东推进会" + ThreadLocalRandom.current().nextInt(100000);

		Answer refused = api.post("/api/v1/news", news(title, QIDONG), cadre.token());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).contains("媒体管理员");
		assertThat(api.post("/api/v1/news", news(title, "430421"), media.token()).status()).as("another county").isEqualTo(404);

		Answer written = api.post("/api/v1/news", news(title, QIDONG), media.token());
		assertThat(written.status()).isEqualTo(201);
		long id = written.json().get("id").asLong();
		assertThat(api.get("/api/v1/news?regionCode=" + QIDONG).body()).as("a draft is not public").doesNotContain(title);
		assertThat(api.get("/news/" + id).status()).isNotEqualTo(200);
		assertThat(api.post("/api/v1/news/" + id + "/publish", "", api.login("13800000002", DEMO_PASSWORD)).status()).as("another county")
			.isEqualTo(404);
		assertThat(api.post("/api/v1/news/" + id + "/publish", "", cadre.token()).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/news/" + id + "/withdraw", "", media.token()).status()).as("not yet published").isEqualTo(409);
		assertThat(api.postFile("/api/v1/news/" + id + "/photo", "photo", "x.jpg", "image/jpeg", "not an image".getBytes(), media.token()).status())
			.as("judged by its bytes, as need photos are").isEqualTo(415);
		assertThat(api.postFile("/api/v1/news/" + id + "/photo", "photo", "meeting.png", "image/png", NeedFixtures.png(640, 480), media.token())
			.status()).isEqualTo(204);
		assertThat(api.get("/news/" + id + "/photo.jpg").status()).as("not public while a draft").isNotEqualTo(200);
		assertThat(api.post("/api/v1/news/" + id + "/publish", "", media.token()).status()).isEqualTo(204);
		assertThat(api.post("/api/v1/news/" + id + "/publish", "", media.token()).status()).isEqualTo(409);
		Answer photo = api.get("/news/" + id + "/photo.jpg");
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.contentType()).isEqualTo("image/jpeg");

		assertThat(api.get("/").body()).contains(title);
		assertThat(api.get("/regions/" + QIDONG).body()).contains(title);
		assertThat(api.get("/regions/430426001").body()).as("a township of the county shows the county's news").contains(title);
		assertThat(api.get("/regions/430421").body()).as("another county").doesNotContain(title);
		assertThat(api.get("/news").body()).contains(title);
		assertThat(api.get("/news/" + id).body()).contains(title, "推进会");
		assertThat(api.get("/api/v1/news?regionCode=430426001").body()).contains(title);

		assertThat(api.post("/api/v1/news/" + id + "/withdraw", "", media.token()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/news?regionCode=" + QIDONG).body()).doesNotContain(title);
		assertThat(api.get("/").body()).doesNotContain(title);
	}

	@Test
	void aStoryNeedsTheHouseholdsConsentAndShowsItMasked() {
		ApiClient api = api();
		Admin media = countyAdmin(api, "MEDIA_ADMINISTRATOR");
		String village = jdbc.sql("SELECT min(code) FROM region WHERE parent_code = '430426102'").query(String.class).single();
		String head = "蒋" + (char) ('一' + ThreadLocalRandom.current().nextInt(200)) + "明";
		long household = NeedFixtures.household(jdbc, personalData, village, head, true);
		String story = """
				{"kind":"STORY","householdId":%d,"title":"%s家的新床","body":"%s老人今年七十八岁，联系电话 13807341111。爱心人士送来了新床。"}"""
			.formatted(household, head, head);

		Answer refused = api.post("/api/v1/news", story, media.token());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).isEqualTo("该户未同意公开宣传，不能发布其故事");
		assertThat(jdbc.sql("SELECT count(*) FROM news_story WHERE household_id = ?").param(household).query(Long.class).single()).isZero();
		assertThat(api.post("/api/v1/news", story, api.login("13800000002", DEMO_PASSWORD)).status()).as("another county").isEqualTo(404);

		consents.record(accounts.findById(media.id()).orElseThrow(), household,
				new Consents.NewConsent(false, false, Consent.Method.WITNESSED, null, "13800000001", true), null, 0);
		Answer written = api.post("/api/v1/news", story, media.token());
		assertThat(written.status()).as(written.body()).isEqualTo(201);
		long id = written.json().get("id").asLong();
		assertThat(api.post("/api/v1/news/" + id + "/publish", "", media.token()).status()).isEqualTo(204);

		String masked = head.charAt(0) + "*" + head.charAt(2);
		String home = api.get("/").body();
		assertThat(home).contains(masked + "家的新床", "受助户：" + masked).doesNotContain(head);
		String page = api.get("/news/" + id).body();
		assertThat(page).contains(masked + "老人", "受助户：" + masked).doesNotContain(head).doesNotContain("13807341111");
		assertThat(api.get("/regions/" + village).body()).contains(masked + "家的新床");
		String json = api.get("/api/v1/news?regionCode=" + village).body();
		assertThat(json).contains("\"household\":\"" + masked + "\"").doesNotContain(head).doesNotContain("householdId");
	}
}
