package org.bangfu.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bangfu.need.NeedCategory;
import org.bangfu.shared.BadInputException;

/**
 * A collection campaign's quotas and rules (docs/assessment.md): its period (Beijing days, both inclusive), the
 * categories that count for village points, the quota of the period per station level, and the monthly rules after
 * it (min–max per village point, the township's quota, the days after a month's end that still count as on time).
 */
public record QuotaRules(LocalDate startsOn, LocalDate deadline, List<NeedCategory> categories, int poorVillage, int otherVillage, int township,
		int monthlyMin, int monthlyMax, int townshipMonthly, int timelyDays) {

	static final List<NeedCategory> DEFAULT_CATEGORIES = List.of(NeedCategory.MEDICAL, NeedCategory.EDUCATION, NeedCategory.HOUSING);

	static final int DEFAULT_POOR_VILLAGE = 20;

	static final int DEFAULT_OTHER_VILLAGE = 0;

	static final int DEFAULT_TOWNSHIP = 20;

	static final int DEFAULT_MONTHLY_MIN = 2;

	static final int DEFAULT_MONTHLY_MAX = 5;

	static final int DEFAULT_TOWNSHIP_MONTHLY = 10;

	static final int DEFAULT_TIMELY_DAYS = 5;

	/** The largest quota accepted (a sanity bound, far above the plan's 20). */
	static final int MAX_QUOTA = 10_000;

	public QuotaRules {
		categories = List.copyOf(categories);
	}

	/** The rules as a form or the API gives them, absent figures taking the plan's defaults; contradictions are refused. */
	public static QuotaRules of(String startsOn, String deadline, List<String> categories, Integer poorVillage, Integer otherVillage,
			Integer township, Integer monthlyMin, Integer monthlyMax, Integer townshipMonthly, Integer timelyDays) {
		LocalDate start = day(startsOn, "collection-campaign.start");
		LocalDate end = day(deadline, "collection-campaign.deadline");
		if (end.isBefore(start)) {
			throw new BadInputException("collection-campaign.deadline-before-start", end, start);
		}
		int min = quota(monthlyMin, DEFAULT_MONTHLY_MIN, "collection-campaign.quota.monthly-min");
		int max = quota(monthlyMax, DEFAULT_MONTHLY_MAX, "collection-campaign.quota.monthly-max");
		if (min > max) {
			throw new BadInputException("collection-campaign.min-above-max", min, max);
		}
		int timely = timelyDays == null ? DEFAULT_TIMELY_DAYS : timelyDays;
		if (timely < 0 || timely > 31) {
			throw new BadInputException("collection-campaign.timely-days");
		}
		return new QuotaRules(start, end, categories(categories), quota(poorVillage, DEFAULT_POOR_VILLAGE, "collection-campaign.quota.poor-village"),
				quota(otherVillage, DEFAULT_OTHER_VILLAGE, "collection-campaign.quota.other-village"),
				quota(township, DEFAULT_TOWNSHIP, "collection-campaign.quota.township"), min, max,
				quota(townshipMonthly, DEFAULT_TOWNSHIP_MONTHLY, "collection-campaign.quota.township-monthly"), timely);
	}

	private static LocalDate day(String text, String what) {
		if (text == null || text.isBlank()) {
			throw new BadInputException(what + ".missing");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new BadInputException(what + ".malformed", text.strip());
		}
	}

	private static int quota(Integer given, int dflt, String what) {
		int n = given == null ? dflt : given;
		if (n < 0 || n > MAX_QUOTA) {
			throw new BadInputException(what, MAX_QUOTA);
		}
		return n;
	}

	private static List<NeedCategory> categories(List<String> names) {
		if (names == null || names.stream().allMatch(n -> n == null || n.isBlank())) {
			return DEFAULT_CATEGORIES;
		}
		List<NeedCategory> out = new ArrayList<>();
		for (String n : names) {
			if (n == null || n.isBlank()) {
				continue;
			}
			try {
				NeedCategory c = NeedCategory.valueOf(n.strip().toUpperCase(Locale.ROOT));
				if (!out.contains(c)) {
					out.add(c);
				}
			}
			catch (IllegalArgumentException e) {
				throw new BadInputException("collection-campaign.category-unknown", n.strip());
			}
		}
		return out;
	}
}
