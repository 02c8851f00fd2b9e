package org.bangfu.pledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedProgress;
import org.bangfu.need.OpenNeeds;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A donor's 帮扶意愿 (categories, regions, budget, one-off or monthly) and the open needs that fit it,
 * best first. The score, each part between 0 and 1 and weighted:
 * <ul>
 * <li>urgency ×3 — very urgent 1, urgent ⅔, normal ⅓;</li>
 * <li>waiting ×2 — days since publication, full after 60;</li>
 * <li>how little is pledged ×1.5 — the share still open;</li>
 * <li>fairness ×1.5 — 1 ÷ (1 + pledges the need's village received in the last 90 days), so villages
 * that rarely get help (often the remote ones) come forward;</li>
 * <li>fit of the budget ×1 — 1 when what remains fits the budget, else budget ÷ remaining value.</li>
 * </ul>
 * Then, so that one busy village does not fill the list, each further need of a village already
 * listed counts 0.7 times as much as the one before it.
 */
@Component
public class Recommendations {

	/** How many recommended needs the home page shows a donor. */
	public static final int RECOMMENDED_ON_HOME = 5;

	static final int CANDIDATES = 500;

	static final double SAME_VILLAGE_FACTOR = 0.7;

	private final JdbcClient jdbc;

	private final Regions regions;

	private final org.bangfu.household.Households households;

	private final OpenNeeds openNeeds;

	private final Clock clock;

	Recommendations(JdbcClient jdbc, Regions regions, org.bangfu.household.Households households, OpenNeeds openNeeds, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.households = households;
		this.openNeeds = openNeeds;
		this.clock = clock;
	}


	public record Intent(List<NeedCategory> categories, List<String> regionPrefixes, Long budgetFen, Boolean monthly) {
	}

	public void save(BangfuUser donor, Intent intent) {
		DonorTools.refuseHousehold(donor);
		if (intent == null || intent.budgetFen() == null || intent.budgetFen() <= 0) {
			throw new BadInputException("intent.budget");
		}
		List<String> prefixes = new ArrayList<>();
		for (String code : intent.regionPrefixes() == null ? List.<String>of() : intent.regionPrefixes()) {
			var region = regions.find(RegionCode.parse(code)).orElseThrow(() -> new BadInputException("intent.region", code));
			prefixes.add(region.prefix());
		}
		List<NeedCategory> categories = intent.categories() == null ? List.of() : intent.categories().stream().filter(c -> c != null).toList();
		jdbc.sql("""
				INSERT INTO donor_intent (account_id, categories, region_prefixes, budget_fen, monthly, updated_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (account_id) DO UPDATE SET categories = excluded.categories, region_prefixes = excluded.region_prefixes,
				    budget_fen = excluded.budget_fen, monthly = excluded.monthly, updated_at = excluded.updated_at""")
			.params(donor.id(), categories.stream().map(Enum::name).toArray(String[]::new), prefixes.toArray(String[]::new),
					intent.budgetFen(), Boolean.TRUE.equals(intent.monthly()), Timestamp.from(clock.instant()))
			.update();
	}

	public Optional<Intent> of(long donorId) {
		return jdbc.sql("SELECT * FROM donor_intent WHERE account_id = ?")
			.param(donorId)
			.query((rs, n) -> new Intent(Arrays.stream((String[]) rs.getArray("categories").getArray()).map(NeedCategory::valueOf).toList(),
					Arrays.asList((String[]) rs.getArray("region_prefixes").getArray()), rs.getLong("budget_fen"), rs.getBoolean("monthly")))
			.optional();
	}

	/** A recommended need with its score and the reasons, as message keys with their arguments. */
	public record Recommended(long needId, String title, NeedCategory category, String regionCode, String villageName, int urgency,
			long waitingDays, int remainingQuantity, int totalQuantity, long remainingValueFen, int percentPledged, double score,
			List<String> reasons) {
	}

	public List<Recommended> forDonor(long donorId, int limit) {
		Intent intent = of(donorId).orElse(new Intent(List.of(), List.of(), null, false));
		Instant now = clock.instant();
		Scope scope = intent.regionPrefixes().isEmpty() ? null : new Scope(intent.regionPrefixes());
		// the needs the donor already has a live pledge on are left out before the limit: the candidates stay CANDIDATES many
		List<Long> mine = jdbc.sql("SELECT DISTINCT need_id FROM pledge WHERE donor_id = ? AND state IN ('COMMITTED', 'IN_TRANSIT', 'RECEIVED')")
			.param(donorId)
			.query(Long.class)
			.list();
		List<OpenNeeds.Candidate> candidates = openNeeds.mostUrgent(scope, intent.categories(),
				LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai")).getMonthValue(), mine, CANDIDATES);
		// fairness: the pledges each candidate's village received in the last 90 days, one query for all of them
		Map<String, Long> villagePledges = new HashMap<>();
		String[] villages = candidates.stream().map(OpenNeeds.Candidate::regionCode).distinct().toArray(String[]::new);
		if (villages.length > 0) {
			jdbc.sql("SELECT region_code, count(*) FROM pledge WHERE region_code = ANY(?) AND created_at > ? GROUP BY region_code")
				.params(villages, Timestamp.from(now.minus(Duration.ofDays(90))))
				.query(rs -> {
					villagePledges.put(rs.getString(1), rs.getLong(2));
				});
		}
		// the public reads titles with the household members' names masked
		Map<Long, List<String>> names = households.memberNames(candidates.stream().map(OpenNeeds.Candidate::householdId)
			.filter(java.util.Objects::nonNull).distinct().toList());
		List<Recommended> scored = new ArrayList<>();
		for (OpenNeeds.Candidate c : candidates) {
			long days = Math.max(0, Duration.between(c.publishedAt(), now).toDays());
			// by value: the lines are in different units (NeedProgress)
			int percent = NeedProgress.percent(c.pledgedValueFen(), c.totalValueFen(), c.lineShare());
			double open = (100 - percent) / 100.0;
			long remainingValue = c.totalValueFen() - c.pledgedValueFen();
			long pledgesOfVillage = villagePledges.getOrDefault(c.regionCode(), 0L);
			double fairness = 1.0 / (1 + pledgesOfVillage);
			double fit = intent.budgetFen() == null || remainingValue <= intent.budgetFen() ? 1
					: intent.budgetFen() / (double) remainingValue;
			double score = 3 * c.urgency() / 3.0 + 2 * Math.min(days / 60.0, 1) + 1.5 * open + 1.5 * fairness + fit;
			List<String> reasons = new ArrayList<>();
			if (c.urgency() == 3) {
				reasons.add("recommend.reason.critical");
			}
			if (days >= 30) {
				reasons.add("recommend.reason.waiting:" + days);
			}
			if (c.pledgedQuantity() == 0) {
				reasons.add("recommend.reason.unpledged");
			}
			if (pledgesOfVillage == 0) {
				reasons.add("recommend.reason.rarely-helped");
			}
			if (fit == 1 && intent.budgetFen() != null) {
				reasons.add("recommend.reason.in-budget");
			}
			scored.add(new Recommended(c.id(), org.bangfu.need.PublicText.mask(c.title(), names.get(c.householdId())), c.category(), c.regionCode(), c.villageName(), c.urgency(), days,
					c.totalQuantity() - c.pledgedQuantity(), c.totalQuantity(), remainingValue, percent, score, reasons));
		}
		return diversified(scored, limit);
	}

	/** Best first, each further need of an already listed village worth {@link #SAME_VILLAGE_FACTOR} times the one before. */
	static List<Recommended> diversified(List<Recommended> scored, int limit) {
		List<Recommended> left = new ArrayList<>(scored);
		left.sort(Comparator.comparingDouble(Recommended::score).reversed().thenComparingLong(Recommended::needId));
		Map<String, Integer> listed = new HashMap<>();
		List<Recommended> out = new ArrayList<>();
		while (!left.isEmpty() && out.size() < limit) {
			Recommended best = null;
			double bestScore = Double.NEGATIVE_INFINITY;
			for (Recommended r : left) {
				double s = r.score() * Math.pow(SAME_VILLAGE_FACTOR, listed.getOrDefault(r.regionCode(), 0));
				if (s > bestScore) {
					best = r;
					bestScore = s;
				}
			}
			left.remove(best);
			listed.merge(best.regionCode(), 1, Integer::sum);
			out.add(best);
		}
		return out;
	}
}
