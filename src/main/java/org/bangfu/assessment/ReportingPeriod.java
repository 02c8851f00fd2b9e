package org.bangfu.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.shared.BadInputException;

/**
 * A reporting period: a month ({@code 2026-11} or {@code 202611}, DHIS2's monthly period) or a collection campaign's
 * period ({@code C<id>}). Days are Beijing days, both ends inclusive.
 *
 * @param campaignId the campaign of a campaign period; null for a month
 */
public record ReportingPeriod(String code, LocalDate from, LocalDate to, Long campaignId) {

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-?(\\d{2})");

	private static final Pattern CAMPAIGN = Pattern.compile("[Cc](\\d{1,18})");

	public boolean isMonth() {
		return campaignId == null;
	}

	public YearMonth month() {
		return YearMonth.from(from);
	}

	public static ReportingPeriod month(YearMonth m) {
		return new ReportingPeriod(m.toString(), m.atDay(1), m.atEndOfMonth(), null);
	}

	static ReportingPeriod of(CollectionCampaign c) {
		return new ReportingPeriod("C" + c.id(), c.startsOn(), c.deadline(), c.id());
	}

	/** The campaign id a text names ({@code C12}), or null when it is not a campaign period. */
	static Long campaignIdIn(String text) {
		Matcher m = CAMPAIGN.matcher(text == null ? "" : text.strip());
		return m.matches() ? Long.parseLong(m.group(1)) : null;
	}

	/** A month period from its text; malformed text or a month that has not begun by {@code today} is 400. */
	static ReportingPeriod parseMonth(String text, LocalDate today) {
		Matcher m = MONTH.matcher(text == null ? "" : text.strip());
		if (!m.matches()) {
			throw new BadInputException("reporting.period.malformed", text == null ? "" : text.strip());
		}
		int month = Integer.parseInt(m.group(2));
		int year = Integer.parseInt(m.group(1));
		if (month < 1 || month > 12 || year < 2000) {
			throw new BadInputException("reporting.period.malformed", text.strip());
		}
		ReportingPeriod p = month(YearMonth.of(year, month));
		p.requireBegun(today);
		return p;
	}

	/** A period that starts after today has nothing to report yet: 400. */
	void requireBegun(LocalDate today) {
		if (from.isAfter(today)) {
			throw new BadInputException("reporting.period.future", code);
		}
	}
}
