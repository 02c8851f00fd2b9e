package org.bangfu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.need.NeedCategory;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Station;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.junit.jupiter.api.Test;

/**
 * Quotas, reporting and on-time rates and their roll-up on small hand-made figures with known answers (no database: the
 * counts the rollups would give are written by hand), docs/assessment.md.
 */
class QuotaAndRatesTest {

	static final Region COUNTY = new Region("430424", "衡东县", RegionLevel.COUNTY, "430400", "430424");

	static final Region T1 = new Region("430424100", "洣水镇", RegionLevel.TOWNSHIP, "430424", "430424100");

	static final Region T2 = new Region("430424101", "石湾镇", RegionLevel.TOWNSHIP, "430424", "430424101");

	static final Instant OPENED = Instant.parse("2026-08-01T00:00:00Z");

	static QuotaRules rules() {
		return QuotaRules.of("2026-09-01", "2026-10-31", null, 20, 0, 20, 2, 5, 10, 5);
	}

	static CollectionCampaign campaign(boolean holds) {
		return new CollectionCampaign(7, "秋季集中采集", "430424", rules(), holds, 1, OPENED, 0, CollectionCampaign.State.COLLECTING, null, null, null);
	}

	static Station station(long id, String code, Station.Kind kind, LocalDate closedOn) {
		return new Station(id, code, kind, "站" + id, OPENED, null, closedOn);
	}

	@Test
	void quotasPerLevel() {
		CollectionCampaign c = campaign(false);
		assertThat(c.campaignQuota(RegionLevel.VILLAGE, true)).isEqualTo(20);
		assertThat(c.campaignQuota(RegionLevel.VILLAGE, false)).isZero();
		assertThat(c.campaignQuota(RegionLevel.TOWNSHIP, false)).isEqualTo(20);
		assertThat(c.campaignQuota(RegionLevel.COUNTY, false)).isZero();
		assertThat(c.monthlyQuota(RegionLevel.VILLAGE)).isEqualTo(2);
		assertThat(c.monthlyQuota(RegionLevel.TOWNSHIP)).isEqualTo(10);
		assertThat(c.countedCategories(RegionLevel.VILLAGE)).containsExactlyInAnyOrder(NeedCategory.MEDICAL, NeedCategory.EDUCATION, NeedCategory.HOUSING);
		assertThat(c.countedCategories(RegionLevel.TOWNSHIP)).contains(NeedCategory.ORPHAN_CARE, NeedCategory.ELDERLY_CARE).hasSize(NeedCategory.values().length);
	}

	@Test
	void expectedReportsLeaveOutClosedStationsAndStationsWithNothingExpected() {
		CollectionCampaign c = campaign(false);
		ReportingPeriod campaign = ReportingPeriod.of(c);
		ReportingPeriod november = ReportingPeriod.month(java.time.YearMonth.of(2026, 11));
		Station poor = station(1, "430424100201", Station.Kind.VILLAGE_POINT, null);
		Station notPoor = station(2, "430424100202", Station.Kind.VILLAGE_POINT, null);
		Station closedBefore = station(3, "430424100203", Station.Kind.VILLAGE_POINT, LocalDate.of(2026, 8, 31));
		Station closedDuring = station(4, "430424100204", Station.Kind.VILLAGE_POINT, LocalDate.of(2026, 9, 15));
		Station county = station(5, "430424", Station.Kind.COUNTY_CENTER, null);
		Station township = station(6, "430424100", Station.Kind.TOWNSHIP_STATION, null);
		Station openedLater = new Station(8, "430424100205", Station.Kind.VILLAGE_POINT, "晚", Instant.parse("2026-11-02T00:00:00Z"), null, null);

		assertThat(QuotaPlan.expect(poor, true, c, campaign).quota()).isEqualTo(20);
		assertThat(QuotaPlan.expect(poor, true, c, campaign).deadline()).isEqualTo(LocalDate.of(2026, 10, 31));
		assertThat(QuotaPlan.expect(notPoor, false, c, campaign)).as("non-poor village, quota 0: nothing expected").isNull();
		assertThat(QuotaPlan.expect(closedBefore, true, c, campaign)).as("closed before the period began").isNull();
		assertThat(QuotaPlan.expect(closedDuring, true, c, campaign)).as("closed during the period: still expected").isNotNull();
		assertThat(QuotaPlan.expect(county, false, c, campaign)).as("a county centre reports nothing").isNull();
		assertThat(QuotaPlan.expect(township, false, c, campaign).quota()).isEqualTo(20);
		// the monthly rules after it: 2 per village point (poor or not), 10 per township, on time until 5 days after the month
		assertThat(QuotaPlan.expect(notPoor, false, c, november).quota()).isEqualTo(2);
		assertThat(QuotaPlan.expect(poor, true, c, november).deadline()).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(QuotaPlan.expect(township, false, c, november).quota()).isEqualTo(10);
		assertThat(QuotaPlan.expect(closedDuring, true, c, november)).as("closed before November began").isNull();
		assertThat(QuotaPlan.expect(openedLater, true, c, november)).as("opened during November: expected").isNotNull();
		assertThat(QuotaPlan.expect(openedLater, true, c, campaign)).as("opened after the campaign ended").isNull();
	}

	/** Four village points and a township station in two townships, with hand-counted needs. */
	static List<StationReport> reports() {
		return List.of(
				new StationReport(1, "430424100201", "甲村", 20, 25, 20), // reported, on time (attains 20)
				new StationReport(2, "430424100202", "乙村", 20, 20, 12), // reported, late (20)
				new StationReport(3, "430424100203", "丙村", 20, 5, 5), // behind (5)
				new StationReport(6, "430424100", "洣水镇站", 20, 30, 30), // township: reported, on time (20)
				new StationReport(7, "430424101201", "丁村", 20, 0, 0)); // behind (0)
	}

	@Test
	void ratesFollowDhis2() {
		ReportingRates.Summary s = ReportingTally.summarise(reports());
		assertThat(s.expected()).isEqualTo(5);
		assertThat(s.reported()).isEqualTo(3);
		assertThat(s.onTime()).isEqualTo(2);
		assertThat(s.rate()).isEqualTo(0.6);
		assertThat(s.onTimeRate()).isEqualTo(0.4);
		assertThat(s.quotaNeeds()).isEqualTo(100);
		assertThat(s.countedNeeds()).isEqualTo(80);
		assertThat(s.attainment()).as("(20+20+5+20+0)/100").isEqualTo(0.65);
		assertThat(ReportingTally.summarise(List.of())).isEqualTo(new ReportingRates.Summary(0, 0, 0, 0, 0, 0, 0, 0));
	}

	@Test
	void rollsUpVillageToTownshipToCounty() {
		List<ReportingRates.Row> county = ReportingTally.byChild(COUNTY, List.of(T1, T2), reports());
		assertThat(county).extracting(r -> r.child().code()).containsExactly("430424100", "430424101");
		ReportingRates.Summary t1 = county.get(0).summary();
		assertThat(t1.expected()).isEqualTo(4);
		assertThat(t1.reported()).isEqualTo(3);
		assertThat(t1.onTime()).isEqualTo(2);
		assertThat(t1.attainment()).isEqualTo(0.8125); // 65 / 80
		assertThat(county.get(1).summary().expected()).isEqualTo(1);
		assertThat(county.get(1).summary().rate()).isZero();
		// the township's own station is a row of its own below the township
		List<ReportingRates.Row> township = ReportingTally.byChild(T1, List.of(), reports().subList(0, 4));
		assertThat(township).hasSize(1);
		assertThat(township.get(0).child()).isNull();
		assertThat(township.get(0).summary().expected()).isEqualTo(1);
		// the county's sum of its children is its total
		assertThat(t1.expected() + county.get(1).summary().expected()).isEqualTo(ReportingTally.summarise(reports()).expected());
	}

	@Test
	void periodsParseOrAreRefused() {
		LocalDate today = LocalDate.of(2026, 12, 7);
		assertThat(ReportingPeriod.parseMonth("2026-11", today).from()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(ReportingPeriod.parseMonth("202611", today).to()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(ReportingPeriod.parseMonth("2026-12", today).code()).isEqualTo("2026-12");
		assertThat(ReportingPeriod.campaignIdIn("C12")).isEqualTo(12L);
		for (String bad : List.of("2026-13", "26-11", "November", "2026/11", "")) {
			assertThatThrownBy(() -> ReportingPeriod.parseMonth(bad, today)).isInstanceOf(BadInputException.class)
				.extracting(e -> ((BadInputException) e).messageKey()).isEqualTo("reporting.period.malformed");
		}
		assertThatThrownBy(() -> ReportingPeriod.parseMonth("2027-01", today)).extracting(e -> ((BadInputException) e).messageKey())
			.isEqualTo("reporting.period.future");
	}

	@Test
	void contradictoryRulesAreRefused() {
		assertThat(rules().categories()).containsExactly(NeedCategory.MEDICAL, NeedCategory.EDUCATION, NeedCategory.HOUSING);
		assertThat(key(() -> QuotaRules.of("2026-09-01", "2026-10-31", null, null, null, null, 6, 5, null, null))).isEqualTo("collection-campaign.min-above-max");
		assertThat(key(() -> QuotaRules.of("2026-09-01", "2026-08-31", null, null, null, null, null, null, null, null)))
			.isEqualTo("collection-campaign.deadline-before-start");
		assertThat(key(() -> QuotaRules.of("2026-09-01", "2026-10-31", null, -1, null, null, null, null, null, null)))
			.isEqualTo("collection-campaign.quota.poor-village");
		assertThat(key(() -> QuotaRules.of("2026-09-01", "2026-10-31", List.of("MEDICAL", "TREADMILL"), null, null, null, null, null, null, null)))
			.isEqualTo("collection-campaign.category-unknown");
		assertThat(key(() -> QuotaRules.of("2026-9-1", "2026-10-31", null, null, null, null, null, null, null, null)))
			.isEqualTo("collection-campaign.start.malformed");
	}

	@Test
	void aLaunchHappensOnceAndAPastMomentNeedsHeldNeeds() {
		Instant now = Instant.parse("2026-12-07T08:00:00Z");
		CollectionCampaign plain = campaign(false);
		assertThat(key(() -> plain.scheduleLaunch(now.minusSeconds(60), now, () -> 0))).isEqualTo("collection-campaign.launch.past");
		CollectionCampaign holdingNothing = campaign(true);
		assertThat(key(() -> holdingNothing.scheduleLaunch(now.minusSeconds(60), now, () -> 0))).isEqualTo("collection-campaign.launch.past");
		CollectionCampaign holding = campaign(true);
		holding.scheduleLaunch(now.minusSeconds(60), now, () -> 3);
		assertThat(holding.launchAt()).as("a past moment with held needs means now").isEqualTo(now);
		assertThat(holding.due(now)).isTrue();
		holding.launched(now, 3);
		assertThat(holding.state()).isEqualTo(CollectionCampaign.State.LAUNCHED);
		assertThatThrownBy(() -> holding.scheduleLaunch(null, now, () -> 0)).isInstanceOf(ConflictException.class);
		CollectionCampaign later = campaign(false);
		later.scheduleLaunch(now.plusSeconds(3600), now, () -> 0);
		assertThat(later.due(now)).isFalse();
		assertThat(later.due(now.plusSeconds(3600))).isTrue();
	}

	private static String key(Runnable r) {
		try {
			r.run();
		}
		catch (BadInputException e) {
			return e.messageKey();
		}
		return null;
	}
}
