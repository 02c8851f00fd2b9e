package org.bangfu.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.bangfu.need.NeedRollups;
import org.bangfu.shared.BadInputException;
import org.junit.jupiter.api.Test;

/** The dashboards' months and rates on hand-made figures, without the application. */
class MonthsAndRatesTest {

	/** 2026-03-31 20:00 UTC is already April 1st in Beijing. */
	private final Clock clock = Clock.fixed(Instant.parse("2026-03-31T20:00:00Z"), ZoneOffset.UTC);

	@Test
	void withoutMonthsTheSpanIsThisYearUpToThisMonthInBeijing() {
		Months m = Months.parse(null, " ", clock);
		assertThat(m.from()).isEqualTo(YearMonth.of(2026, 1));
		assertThat(m.to()).isEqualTo(YearMonth.of(2026, 4));
		assertThat(Months.parse("2025-11", "2026-02", clock)).isEqualTo(new Months(YearMonth.of(2025, 11), YearMonth.of(2026, 2)));
		assertThat(Months.parse(null, "2025-06", clock).from()).isEqualTo(YearMonth.of(2025, 1));
	}

	@Test
	void malformedFutureAndReversedMonthsAreRefusedWithTheirReason() {
		for (String bad : new String[] { "2026-13", "2026-1", "202601", "2026/01", "abc", "1999-01", "2026-00" }) {
			assertThatThrownBy(() -> Months.parse(bad, null, clock)).as(bad)
				.isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.messageKey()).isEqualTo("stats.month.malformed"));
		}
		assertThatThrownBy(() -> Months.parse(null, "2026-05", clock))
			.isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.messageKey()).isEqualTo("stats.month.future"));
		assertThatThrownBy(() -> Months.parse("2026-05", "2026-04", clock))
			.isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.messageKey()).isEqualTo("stats.month.future"));
		assertThatThrownBy(() -> Months.parse("2026-03", "2026-02", clock))
			.isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.messageKey()).isEqualTo("stats.month.order"));
	}

	@Test
	void ratesByCountAndValueWithAndWithoutStaffSelfPledges() {
		// 5 verified worth 1,500 yuan; 3 confirmed worth 800 yuan, of which 1 worth 200 yuan met by staff in their own scope
		Rates r = Rates.of(new NeedRollups.Matching(5, 150_000, 3, 80_000, 1, 20_000));
		assertThat(r.rate()).isEqualTo(60.0);
		assertThat(r.valueRate()).isEqualTo(53.3);
		assertThat(r.rateWithoutStaff()).isEqualTo(40.0);
		assertThat(r.valueRateWithoutStaff()).isEqualTo(40.0);
		assertThat(r.meetsTarget()).isTrue();
		Rates gamed = Rates.of(new NeedRollups.Matching(10, 100, 4, 40, 1, 10));
		assertThat(gamed.rate()).as("40% with the officer's own pledge").isEqualTo(40.0);
		assertThat(gamed.rateWithoutStaff()).isEqualTo(30.0);
		assertThat(gamed.meetsTarget()).as("the target counts without self-pledges").isFalse();
		Rates none = Rates.of(null);
		assertThat(none.verified()).isZero();
		assertThat(none.rate()).isZero();
		assertThat(none.meetsTarget()).isFalse();
	}
}
