package org.bangfu.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.region.Region;
import org.bangfu.shared.RegionCode;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.springframework.stereotype.Service;

/**
 * Inspection reports (督查报告) per county and period (a month 2026-11 or a quarter 2026-Q4, city time): samples drawn,
 * needs checked, findings true / false / problem, the false rate (false ÷ findings), by township and by officer (the
 * need's poster; named, as staff of the county the reader supervises).
 */
@Service
public class InspectionReports {

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])", Pattern.CASE_INSENSITIVE);

	private final AuditSamples samples;

	private final Sampling sampling;

	private final Regions regions;

	private final Accounts accounts;

	InspectionReports(AuditSamples samples, Sampling sampling, Regions regions, Accounts accounts) {
		this.samples = samples;
		this.sampling = sampling;
		this.regions = regions;
		this.accounts = accounts;
	}

	/** A period: its label as given back, its first day and the day after its last. */
	public record Period(String label, LocalDate from, LocalDate until) {

		public static Period parse(String text, LocalDate today) {
			if (text == null || text.isBlank()) {
				YearMonth m = YearMonth.from(today);
				return new Period(m.toString(), m.atDay(1), m.plusMonths(1).atDay(1));
			}
			Matcher q = QUARTER.matcher(text.strip());
			if (q.matches()) {
				LocalDate from = LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
				return new Period(q.group(1) + "-Q" + q.group(2), from, from.plusMonths(3));
			}
			Matcher m = MONTH.matcher(text.strip());
			if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
				YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
				return new Period(ym.toString(), ym.atDay(1), ym.plusMonths(1).atDay(1));
			}
			throw new BadInputException("audit.period-invalid");
		}
	}

	/** One line of counts: findings by outcome; the false rate in percent of findings (0 without findings). */
	public record Tally(String key, String name, int needs, int trueCount, int falseCount, int problemCount) {

		public int findings() {
			return trueCount + falseCount + problemCount;
		}

		public double falseRate() {
			return findings() == 0 ? 0 : Math.round(1000.0 * falseCount / findings()) / 10.0;
		}
	}

	public record Report(Region county, Period period, int samples, Tally total, List<Tally> byTownship, List<Tally> byOfficer) {
	}

	/** The report of a county the user supervises (another county: 404; a township or village: its county's report, 400). */
	public Report of(BangfuUser user, String countyCode, Period period) {
		Region county = sampling.region(user, countyCode == null || countyCode.isBlank() ? null : countyCode);
		if (county.code().length() != 6 || county.code().endsWith("00")) {
			throw new BadInputException("audit.report-county");
		}
		Scope scope = Scope.of(county);
		Instant from = period.from().atStartOfDay(Findings.CITY).toInstant();
		Instant until = period.until().atStartOfDay(Findings.CITY).toInstant();
		List<AuditSamples.Finding> findings = samples.findingsWithin(scope, from, until);
		Map<String, List<AuditSamples.Finding>> byTownship = new LinkedHashMap<>();
		Map<Long, List<AuditSamples.Finding>> byOfficer = new LinkedHashMap<>();
		for (AuditSamples.Finding f : findings) {
			String township = f.regionCode().length() >= 9 ? f.regionCode().substring(0, 9) : f.regionCode();
			byTownship.computeIfAbsent(township, k -> new ArrayList<>()).add(f);
			byOfficer.computeIfAbsent(f.posterId(), k -> new ArrayList<>()).add(f);
		}
		List<Tally> townships = byTownship.entrySet().stream()
			.map(e -> tally(e.getKey(), regions.find(RegionCode.parse(e.getKey())).map(Region::name).orElse(e.getKey()), e.getValue()))
			.sorted(Comparator.comparing(Tally::key))
			.toList();
		List<Tally> officers = byOfficer.entrySet().stream()
			.map(e -> tally(String.valueOf(e.getKey()), officerName(e.getKey(), county), e.getValue()))
			.sorted(Comparator.comparing(Tally::falseCount).reversed().thenComparing(Tally::name))
			.toList();
		return new Report(county, period, samples.samplesWithin(scope, from, until), tally(county.code(), county.name(), findings), townships,
				officers);
	}

	/** Staff of the county are named to its supervisors; anyone else (a household posting its own need) is not. */
	private String officerName(long accountId, Region county) {
		return accounts.findById(accountId)
			.filter(u -> u.staffGrants().stream().anyMatch(g -> county.contains(g.region().code())))
			.map(BangfuUser::name)
			.orElse("—");
	}

	private static Tally tally(String key, String name, List<AuditSamples.Finding> fs) {
		int t = 0, f = 0, p = 0;
		for (AuditSamples.Finding x : fs) {
			switch (x.outcome()) {
				case TRUE -> t++;
				case FALSE -> f++;
				case PROBLEM -> p++;
			}
		}
		return new Tally(key, name, (int) fs.stream().mapToLong(AuditSamples.Finding::needId).distinct().count(), t, f, p);
	}

	/** The public figures: needs checked by supervision and needs found false, in the region's subtree, since the start. */
	public record PublicCounts(long audited, long foundFalse) {
	}

	public PublicCounts publicCounts(Region region) {
		AuditSamples.Counts c = samples.counts(Scope.of(region));
		return new PublicCounts(c.audited(), c.foundFalse());
	}
}
