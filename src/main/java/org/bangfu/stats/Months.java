package org.bangfu.stats;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.bangfu.shared.BadInputException;

/**
 * A dashboard's span of months, [from, to], as typed in the address ({@code 2026-01}). Without them, the current
 * calendar year up to this month (Beijing time): the assessment counts by year. Months in the future, a start after the
 * end and malformed months are refused with a message.
 */
public record Months(YearMonth from, YearMonth to) {

	static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	public static Months parse(String from, String to, Clock clock) {
		YearMonth now = YearMonth.now(clock.withZone(CITY));
		YearMonth end = blank(to) ? now : month(to);
		YearMonth start = blank(from) ? YearMonth.of(end.getYear(), 1) : month(from);
		if (end.isAfter(now) || start.isAfter(now)) {
			throw new BadInputException("stats.month.future", now.toString());
		}
		if (start.isAfter(end)) {
			throw new BadInputException("stats.month.order", start.toString(), end.toString());
		}
		return new Months(start, end);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static YearMonth month(String text) {
		String s = text.strip();
		try {
			if (MONTH.matcher(s).matches()) {
				YearMonth m = YearMonth.parse(s);
				if (m.getYear() >= 2000) {
					return m;
				}
			}
		}
		catch (DateTimeParseException e) {
			// falls through to the message
		}
		throw new BadInputException("stats.month.malformed", s);
	}
}
