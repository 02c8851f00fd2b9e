package org.bangfu.fund;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.shared.BadInputException;

/**
 * A disclosure period: a quarter ({@code 2026-Q4}) or a year ({@code 2026}), in Hengyang's time (the fund's books close at
 * local midnight). {@code from} is inclusive, {@code to} exclusive.
 */
public record ReportPeriod(String key, int year, Integer quarter, LocalDate firstDay, LocalDate lastDay, Instant from, Instant to) {

	public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-?[Qq]([1-4]))?");

	/** The period the text names; the current quarter when it is blank; 400 with a message when it names none. */
	public static ReportPeriod parse(String text, Clock clock) {
		if (text == null || text.isBlank()) {
			LocalDate today = LocalDate.ofInstant(clock.instant(), CITY);
			return quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
		}
		Matcher m = TEXT.matcher(text.strip());
		if (!m.matches() || Integer.parseInt(m.group(1)) < 2000 || Integer.parseInt(m.group(1)) > 2999) {
			throw new BadInputException("fund.report.period-invalid", text.strip());
		}
		int year = Integer.parseInt(m.group(1));
		return m.group(2) == null ? year(year) : quarter(year, Integer.parseInt(m.group(2)));
	}

	public static ReportPeriod year(int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		return of(String.valueOf(year), year, null, first, first.plusYears(1));
	}

	public static ReportPeriod quarter(int year, int quarter) {
		LocalDate first = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
		return of(year + "-Q" + quarter, year, quarter, first, first.plusMonths(3));
	}

	private static ReportPeriod of(String key, int year, Integer quarter, LocalDate first, LocalDate next) {
		return new ReportPeriod(key, year, quarter, first, next.minusDays(1), first.atStartOfDay(CITY).toInstant(),
				next.atStartOfDay(CITY).toInstant());
	}

	/** The period before this one of the same length (for the page's "previous" link). */
	public ReportPeriod previous() {
		return quarter == null ? year(year - 1) : quarter == 1 ? quarter(year - 1, 4) : quarter(year, quarter - 1);
	}

	public ReportPeriod next() {
		return quarter == null ? year(year + 1) : quarter == 4 ? quarter(year + 1, 1) : quarter(year, quarter + 1);
	}
}
