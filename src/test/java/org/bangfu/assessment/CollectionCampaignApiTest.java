package org.bangfu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;

/**
 * Collection campaigns, the reporting-rate endpoint's refusals, closing stations and reminders through the API, in 衡东县
 * (430424) only. Creating a holding campaign and the launch's release need {@code need.PublicationHolds}' bodies (a
 * skeleton in this worktree), so the campaigns here do not hold; the reporting figures need {@code NeedRollups}' bodies
 * and are computed in {@link QuotaAndRatesTest} from hand-made counts.
 */
class CollectionCampaignApiTest extends ApplicationTest {

	static final String AREA = "430424";

	String body(String name, String area, String extra) {
		return """
				{"name":"%s","regionCode":"%s","startsOn":"2026-09-01","deadline":"2026-10-31"%s}""".formatted(name, area, extra);
	}

	long campaigns() {
		return jdbc.sql("SELECT count(*) FROM collection_campaign").query(Long.class).single();
	}

	String grantAndLogIn(ApiClient api, String city, String role, String region) {
		String phone = newPhone();
		assertThat(api.post("/api/v1/grants", """
				{"phone":"%s","role":"%s","regionCode":"%s","name":"衡东测试"}""".formatted(phone, role, region), city).status()).isEqualTo(201);
		api.post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"LOGIN\"}", null);
		return api.post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + lastCodeSentTo(phone) + "\"}", null).json().get("token")
			.asString();
	}

	@Test
	void theCityCreatesACampaignWithTheDefaultsAndLaunchesItOnce() {
		ApiClient api = api();
		String city = api.login("13800000001", DEMO_PASSWORD);
		Answer created = api.post("/api/v1/collection-campaigns", body("衡东县秋季集中采集", AREA, ""), city);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("poorVillageQuota").asInt()).isEqualTo(20);
		assertThat(created.json().get("monthlyMin").asInt()).isEqualTo(2);
		assertThat(created.json().get("monthlyMax").asInt()).isEqualTo(5);
		assertThat(created.json().get("townshipMonthly").asInt()).isEqualTo(10);
		assertThat(created.json().get("categories").toString()).contains("MEDICAL", "EDUCATION", "HOUSING").doesNotContain("ORPHAN_CARE");
		assertThat(created.json().get("state").asString()).isEqualTo("COLLECTING");
		assertThat(api.get("/api/v1/collection-campaigns/" + id, city).json().get("name").asString()).isEqualTo("衡东县秋季集中采集");
		assertThat(api.get("/api/v1/collection-campaigns", city).body()).contains("衡东县秋季集中采集");
		assertThat(api.get("/api/v1/collection-campaigns/" + id, api.login("13800000002", DEMO_PASSWORD)).status()).as("衡阳县's admin").isEqualTo(404);

		// a moment in the past for a campaign that holds nothing: 400, nothing changed
		Answer past = api.post("/api/v1/collection-campaigns/" + id + "/launch", "{\"at\":\"2026-01-01T00:00:00Z\"}", city);
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.body()).contains("发布时刻已经过去");
		assertThat(api.post("/api/v1/collection-campaigns/" + id + "/launch", "{\"at\":\"tomorrow\"}", city).status()).isEqualTo(400);
		String later = Instant.now().plusSeconds(86_400).toString();
		Answer scheduled = api.post("/api/v1/collection-campaigns/" + id + "/launch", "{\"at\":\"" + later + "\"}", city);
		assertThat(scheduled.status()).isEqualTo(200);
		assertThat(scheduled.json().get("state").asString()).isEqualTo("COLLECTING");
		assertThat(scheduled.json().get("launchAt").asString()).isNotBlank();
		Answer now = api.post("/api/v1/collection-campaigns/" + id + "/launch", null, city);
		assertThat(now.status()).as(now.body()).isEqualTo(200);
		assertThat(now.json().get("state").asString()).isEqualTo("LAUNCHED");
		assertThat(now.json().get("published").asInt()).isZero();
		Answer twice = api.post("/api/v1/collection-campaigns/" + id + "/launch", null, city);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.body()).contains("已经发布过");
	}

	@Test
	void badCampaignsAreRefusedInChineseAndNothingIsStored() {
		ApiClient api = api();
		String city = api.login("13800000001", DEMO_PASSWORD);
		String otherCounty = api.login("13800000002", DEMO_PASSWORD);
		String donor = api.login("13800000021", DEMO_PASSWORD);
		long before = campaigns();
		record Bad(String token, String body, int status, String says) {
		}
		String pastLaunch = ",\"launchAt\":\"2026-01-01T00:00:00Z\"";
		for (Bad b : List.of(new Bad(city, body("最少大于最多", AREA, ",\"monthlyMin\":6,\"monthlyMax\":5"), 400, "大于最多"),
				new Bad(city, "{\"name\":\"截止早于开始\",\"regionCode\":\"430424\",\"startsOn\":\"2026-09-01\",\"deadline\":\"2026-08-01\"}", 400, "早于开始日期"),
				new Bad(city, body("负数任务", AREA, ",\"townshipQuota\":-3"), 400, "不能为负数"),
				new Bad(city, body("未知类别", AREA, ",\"categories\":[\"MEDICAL\",\"TREADMILL\"]"), 400, "TREADMILL"),
				new Bad(city, body("过去的发布时刻", AREA, pastLaunch), 400, "发布时刻已经过去"),
				new Bad(city, body("没有的地区", "430424999999", ""), 404, "不存在"),
				new Bad(city, body("一个村", firstVillage("430424100"), ""), 400, "不能是单个村"),
				new Bad(otherCounty, body("别的县", AREA, ""), 404, "不存在"),
				new Bad(otherCounty, body("全市", "430400", ""), 404, "不存在"),
				new Bad(donor, body("捐赠者", AREA, ""), 403, "市办或县管理中心"),
				new Bad(city, "{\"regionCode\":\"430424\"}", 400, "活动名称"))) {
			Answer a = api.post("/api/v1/collection-campaigns", b.body(), b.token());
			assertThat(a.status()).as(b.body() + " → " + a.body()).isEqualTo(b.status());
			assertThat(a.contentType()).contains("problem+json");
			assertThat(a.body()).contains(b.says());
		}
		assertThat(campaigns()).isEqualTo(before);
	}

	@Test
	void aCountyAdminConfiguresItsOwnCountyOnly() {
		ApiClient api = api();
		String city = api.login("13800000001", DEMO_PASSWORD);
		String county = grantAndLogIn(api, city, "COUNTY_ADMIN", AREA);
		Answer own = api.post("/api/v1/collection-campaigns", body("洣水镇采集", "430424100", ",\"poorVillageQuota\":25"), county);
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		assertThat(own.json().get("poorVillageQuota").asInt()).isEqualTo(25);
		long before = campaigns();
		assertThat(api.post("/api/v1/collection-campaigns", body("衡阳县", "430421", ""), county).status()).isEqualTo(404);
		assertThat(campaigns()).isEqualTo(before);
	}

	@Test
	void theReportingRateRefusesBadPeriodsAndOtherCounties() {
		ApiClient api = api();
		String city = api.login("13800000001", DEMO_PASSWORD);
		Answer malformed = api.get("/api/v1/stats/reporting-rate?region=430424&period=2026-13", city);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("格式不对");
		assertThat(api.get("/api/v1/stats/reporting-rate?region=430424&period=November", city).status()).isEqualTo(400);
		String future = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(2).toString().substring(0, 7);
		Answer ahead = api.get("/api/v1/stats/reporting-rate?region=430424&period=" + future, city);
		assertThat(ahead.status()).isEqualTo(400);
		assertThat(ahead.body()).contains("还没有开始");
		assertThat(api.get("/api/v1/stats/reporting-rate?region=430424&period=C999999999", city).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/stats/reporting-rate?region=430424&period=2026-11", api.login("13800000002", DEMO_PASSWORD)).status())
			.as("衡阳县's admin asking for 衡东县").isEqualTo(404);
		assertThat(api.get("/api/v1/stats/reporting-rate?region=430424", api.login("13800000021", DEMO_PASSWORD)).status()).isEqualTo(404);
	}

	@Test
	void aStationBehindIsRemindedOnceADayByNoticeAndSms() {
		ApiClient api = api();
		String city = api.login("13800000001", DEMO_PASSWORD);
		String village = firstVillage("430424102");
		String phone = newPhone();
		Answer granted = api.post("/api/v1/grants", """
				{"phone":"%s","role":"VILLAGE_OFFICER","regionCode":"%s","name":"衡东信息员"}""".formatted(phone, village), city);
		assertThat(granted.status()).isEqualTo(201);
		long account = granted.json().get("accountId").asLong();
		long station = jdbc.sql("SELECT id FROM station WHERE region_code = ?").param(village).query(Long.class).single();
		jdbc.sql("DELETE FROM assessment_reminder WHERE station_id = ?").param(station).update();
		long smsBefore = api.get("/api/v1/admin/sms-outbox?phone=" + phone, city).json().size();

		Answer reminded = api.post("/api/v1/stations/" + station + "/reminders?period=2026-11", null, city);
		assertThat(reminded.status()).as(reminded.body()).isEqualTo(201);
		assertThat(reminded.json().get("told").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE account_id = ? AND message_key = 'notice.reporting.reminder.month'").param(account)
			.query(Long.class).single()).isEqualTo(1);
		eventsSettled();
		var sms = api.get("/api/v1/admin/sms-outbox?phone=" + phone, city).json();
		assertThat(sms.size()).isEqualTo(smsBefore + 1);
		assertThat(sms.get(0).get("text").asString()).contains("2026 年 11 月", "尚未完成");

		Answer again = api.post("/api/v1/stations/" + station + "/reminders?period=2026-11", null, city);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("今天已经提醒过");
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE account_id = ? AND message_key = 'notice.reporting.reminder.month'").param(account)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(api.post("/api/v1/stations/" + station + "/reminders?period=2026-11", null, api.login("13800000002", DEMO_PASSWORD)).status())
			.as("another county's admin").isEqualTo(404);

		// closing: a day to come is refused; closed, it is not reminded; reopened, it is open again
		assertThat(api.post("/api/v1/stations/" + station + "/close", "{\"on\":\"2099-01-01\"}", city).status()).isEqualTo(400);
		Answer closed = api.post("/api/v1/stations/" + station + "/close", "{}", city);
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.json().get("closedOn").asString()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		jdbc.sql("DELETE FROM assessment_reminder WHERE station_id = ?").param(station).update();
		assertThat(api.post("/api/v1/stations/" + station + "/reminders?period=2026-11", null, city).status()).isEqualTo(400);
		Answer reopened = api.post("/api/v1/stations/" + station + "/reopen", null, city);
		assertThat(reopened.status()).isEqualTo(200);
		assertThat(reopened.json().get("closedOn").isNull()).isTrue();
		assertThat(jdbc.sql("SELECT action FROM operation_log WHERE target = ? ORDER BY id").param("station:" + station).query(String.class).list())
			.containsSubsequence("reporting.remind", "station.close", "station.reopen");
	}

	String firstVillage(String township) {
		return jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code LIMIT 1").param(township).query(String.class).single();
	}
}
