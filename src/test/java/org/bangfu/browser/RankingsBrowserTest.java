package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;

import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 扶贫榜样 in the browser, in a township of 耒阳市: the public sees this month's village officers with masked names on a
 * 360 px phone, each as a card (rank, name, station, points, counts); a county admin of 耒阳市 sees full names and opens
 * the reward list with its download. Screenshots under target/screenshots/rankings-*.
 */
class RankingsBrowserTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	private long staff(String name, Role role, String region, String phone) {
		long id = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(new RegionCode(region)), null);
		return id;
	}

	private void point(long account, String region, String kind, int points, long need) {
		jdbc.sql("""
				INSERT INTO assessment_point (account_id, role, region_code, kind, points, need_id, at, recorded_at)
				VALUES (?, 'VILLAGE_OFFICER', ?, ?, ?, ?, ?, now())""")
			.params(account, region, kind, points, need, Timestamp.from(clock.instant().minus(Duration.ofMinutes(5))))
			.update();
	}

	@Test
	void thePublicReadsTheRankingOnAPhoneAndACountyAdminOpensTheRewardList() {
		String township = jdbc.sql("SELECT code FROM region WHERE parent_code = '430481' ORDER BY code OFFSET 2 LIMIT 1").query(String.class).single();
		String v1 = jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code LIMIT 1").param(township).query(String.class).single();
		String v2 = jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code OFFSET 1 LIMIT 1").param(township).query(String.class).single();
		long a = staff("欧阳春花", Role.VILLAGE_OFFICER, v1, newPhone());
		long b = staff("李秋生", Role.VILLAGE_OFFICER, v2, newPhone());
		long c = staff("王建国", Role.VILLAGE_OFFICER, v2, newPhone());
		long n = 800_000_000L + System.nanoTime() % 1_000_000;
		point(a, v1, "VERIFIED", 10, n++);
		point(a, v1, "CONFIRMED", 20, n++);
		point(a, v1, "RATING", 3, n++);
		point(b, v2, "VERIFIED", 10, n++);
		point(b, v2, "VERIFIED", 10, n++);
		point(b, v2, "CONFIRMED", 20, n++);
		point(b, v2, "REJECTED", -7, n++);
		point(c, v2, "VERIFIED", 10, n++);
		point(c, v2, "FOUND_FALSE", -30, n++);

		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/assessment/rankings?region=" + township + "&level=village");
		assertThat(find("h1").getText()).isEqualTo("扶贫榜样");
		assertThat(find("#rankings-heading").getText()).contains("村信息员");
		String table = find("#rankings").getText();
		assertThat(table).contains("欧**花", "李*生", "王*国", "积分 33", "积分 -20").doesNotContain("欧阳春花");
		assertThat(browser.findElements(By.cssSelector("#rankings tbody tr"))).hasSize(3);
		assertThat(find("#rankings tbody tr:first-child .rank-badge").getText()).as("33 points each: a tie for first").isEqualTo("1");
		assertThat(find("#rankings tbody tr:nth-child(2) .rank-badge").getText()).isEqualTo("1");
		assertThat(find("#rankings tbody tr:nth-child(3) .rank-badge").getText()).isEqualTo("3");
		assertThat(noHorizontalOverflow()).as("no sideways scrolling on a 360 px phone").isTrue();
		screenshot("rankings-public");

		// the county center of 耒阳市: full names, and the way to the reward list
		String admin = newPhone();
		staff("耒阳考核员", Role.COUNTY_ADMIN, "430481", admin);
		logIn(admin, DEMO_PASSWORD);
		open("/assessment/rankings?region=" + township + "&level=village&period=all");
		assertThat(find("#rankings").getText()).contains("欧阳春花", "李秋生", "王建国");
		find("#rankings-how summary").click();
		screenshot("rankings-staff");
		find("#rankings-rewards").click();
		waiting().until(d -> d.getCurrentUrl().contains("/assessment/rewards"));
		assertThat(find("#rewards").getText()).contains("欧阳春花", "33.00", "李秋生").doesNotContain("王建国");
		assertThat(find("#rewards-total-yuan").getText()).isEqualTo("66.00");
		assertThat(find("#rewards-xlsx").getAttribute("href")).contains("/assessment/rewards.xlsx?region=" + township);
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("rankings-rewards");
	}
}
