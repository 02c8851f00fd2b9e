package org.bangfu.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.shared.BadInputException;

/**
 * The period of a ranking or a reward list: a month ({@code 2026-11}), a year ({@code 2026}) or all time ({@code all}), in
 * Hengyang's time (a month ends at local midnight). {@code from} is inclusive, {@code to} exclusive; both null for all
 * time. A period that has not begun yet is refused: its ranking would be empty and look like a fault.
 */
public record RankingPeriod(String key, Kind kind, Instant from, Instant to) {

	public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(\\d{1,2}))?");

	public enum Kind {
		MONTH, YEAR, ALL
	}

	/** The period the text names; the current month when blank; 400 with a Chinese message when malformed or in the future. */
	public static RankingPeriod parse(String text, Clock clock) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), CITY);
		if (text == null || text.isBlank()) {
			return month(YearMonth.from(today));
		}
		String t = text.strip();
		if (t.equalsIgnoreCase("all")) {
			return new RankingPeriod("all", Kind.ALL, null, null);
		}
		Matcher m = TEXT.matcher(t);
		if (!m.matches() || Integer.parseInt(m.group(1)) < 2000
				|| (m.group(2) != null && (Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 12))) {
			throw new BadInputException("assessment.period.malformed", t);
		}
		int year = Integer.parseInt(m.group(1));
		RankingPeriod p = m.group(2) == null ? year(year) : month(YearMonth.of(year, Integer.parseInt(m.group(2))));
		if (p.from().isAfter(clock.instant())) {
			throw new BadInputException("assessment.period.future", p.key());
		}
		return p;
	}

	static RankingPeriod month(YearMonth month) {
		return new RankingPeriod(month.toString(), Kind.MONTH, month.atDay(1).atStartOfDay(CITY).toInstant(),
				month.plusMonths(1).atDay(1).atStartOfDay(CITY).toInstant());
	}

	static RankingPeriod year(int year) {
		return new RankingPeriod(String.valueOf(year), Kind.YEAR, LocalDate.of(year, 1, 1).atStartOfDay(CITY).toInstant(),
				LocalDate.of(year + 1, 1, 1).atStartOfDay(CITY).toInstant());
	}

	/** The year of a month or a year; null for all time. */
	public String yearKey() {
		return kind == Kind.ALL ? null : key.substring(0, 4);
	}
}
