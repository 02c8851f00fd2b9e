package org.bangfu.need;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules that flag a submitted need for its verifier, each with its reason. They do not refuse
 * (the hard limits of {@link CategoryRule} do that): a flag asks a person to look twice, because a
 * need for a treadmill, liquor or brand clothes really was published in 2019 and shamed the platform.
 * <ul>
 * <li>LUXURY — the title, story or an item names one of the category's suspicious words;</li>
 * <li>ABOVE_USUAL — the need is worth more than three times the category's usual value (the median
 * of its needs verified in the last year, once there are 20 of them; until then the city's figure);</li>
 * <li>REPEAT — the same household asked for the same kind of thing in the same category within the
 * category's period;</li>
 * <li>UNCLASSIFIED — an item was not given one of the category's item kinds;</li>
 * <li>PERSONAL_DATA — the title or story holds an ID or phone number (the public reads it masked).</li>
 * </ul>
 * and the rules that judge the item, not its label, from the city's lists: NON_ESSENTIAL, LUXURY_BRAND, KIND_MISFIT,
 * CATEGORY_MISFIT, ABOVE_PRICE (see {@link ItemJudge}).
 */
@Component
public class AbuseRules {

	static final int ABOVE_USUAL_FACTOR = 3;

	static final int USUAL_MIN_SAMPLES = 20;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CityItemLists lists;

	AbuseRules(JdbcClient jdbc, Clock clock, CityItemLists lists) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lists = lists;
	}

	List<Needs.Flag> check(Need need, CategoryRule rule) {
		List<Needs.Flag> flags = new ArrayList<>();
		luxury(need, rule, flags);
		aboveUsual(need, rule, flags);
		repeat(need, rule, flags);
		unclassified(need, flags);
		personalNumbers(need, flags);
		List<Needs.Flag> judged = new ItemJudge(lists.current()).judge(need.content(), rule.itemKinds());
		flags.addAll(judged);
		return withoutRepeatedWords(flags, judged);
	}

	/**
	 * The category's suspicious words again (LUXURY), when the city's lists already named each of them or a part of it (苹果手机
	 * after the brand 苹果): one line per finding for the verifier.
	 */
	private static List<Needs.Flag> withoutRepeatedWords(List<Needs.Flag> flags, List<Needs.Flag> judged) {
		List<String> named = judged.stream()
			.filter(f -> f.rule().equals("NON_ESSENTIAL") || f.rule().equals("LUXURY_BRAND"))
			.flatMap(f -> f.args().stream())
			.flatMap(a -> java.util.Arrays.stream(a.split("、")))
			.filter(t -> !t.isBlank())
			.toList();
		return flags.stream()
			.filter(f -> !f.rule().equals("LUXURY") || !java.util.Arrays.stream(f.args().get(0).split("、"))
				.allMatch(w -> named.stream().anyMatch(t -> w.contains(t) || t.contains(w))))
			.toList();
	}

	/** An ID or phone number in the title or story: masked for the public, and the verifier should ask whether it belongs there. */
	private void personalNumbers(Need need, List<Needs.Flag> flags) {
		if (org.bangfu.shared.Masking.hasNumbers(need.content().title()) || org.bangfu.shared.Masking.hasNumbers(need.content().story())) {
			flags.add(new Needs.Flag("PERSONAL_DATA", List.of()));
		}
	}

	private void luxury(Need need, CategoryRule rule, List<Needs.Flag> flags) {
		StringBuilder text = new StringBuilder(need.content().title()).append('\n').append(need.content().story());
		need.content().items().forEach(i -> text.append('\n').append(i.name()));
		String haystack = text.toString().toLowerCase(Locale.ROOT);
		Set<String> found = new LinkedHashSet<>();
		for (String word : rule.suspiciousWords()) {
			if (!word.isBlank() && haystack.contains(word.toLowerCase(Locale.ROOT))) {
				found.add(word);
			}
		}
		if (!found.isEmpty()) {
			flags.add(new Needs.Flag("LUXURY", List.of(String.join("、", found))));
		}
	}

	private void aboveUsual(Need need, CategoryRule rule, List<Needs.Flag> flags) {
		long usual = usualValueFen(need.content().category(), rule);
		long value = need.content().totalValueFen();
		if (value > ABOVE_USUAL_FACTOR * usual) {
			flags.add(new Needs.Flag("ABOVE_USUAL", List.of(yuan(value), yuan(usual))));
		}
	}

	/** The median value of the category's needs verified in the last year, or the city's figure while there are few. */
	long usualValueFen(NeedCategory category, CategoryRule rule) {
		Instant since = clock.instant().minus(Duration.ofDays(365));
		record Sample(long count, Double median) {
		}
		Sample s = jdbc.sql("""
				SELECT count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY total_value_fen) AS median
				FROM need WHERE category = ? AND verified_at >= ?""")
			.params(category.name(), Timestamp.from(since))
			.query((rs, n) -> new Sample(rs.getLong("n"), (Double) rs.getObject("median")))
			.single();
		return s.count() >= USUAL_MIN_SAMPLES && s.median() != null ? Math.max(1, Math.round(s.median())) : rule.usualValueFen();
	}

	private void repeat(Need need, CategoryRule rule, List<Needs.Flag> flags) {
		if (need.householdId() == null || rule.repeatDays() == 0) {
			return;
		}
		Instant since = clock.instant().minus(Duration.ofDays(rule.repeatDays()));
		List<String> kinds = need.content().items().stream().map(NeedItem::kind).filter(k -> k != null).distinct().toList();
		List<String> names = need.content().items().stream().map(i -> i.name().strip()).distinct().toList();
		jdbc.sql("""
				SELECT n.id, n.created_at FROM need n
				WHERE n.household_id = ? AND n.category = ? AND n.id <> ? AND n.created_at >= ?
				  AND n.state NOT IN ('DRAFT', 'REJECTED', 'WITHDRAWN')
				  AND EXISTS (SELECT 1 FROM need_item i WHERE i.need_id = n.id AND (i.kind = ANY(?) OR btrim(i.name) = ANY(?)))
				ORDER BY n.created_at DESC LIMIT 1""")
			.params(need.householdId(), need.content().category().name(), need.id(), Timestamp.from(since), kinds.toArray(String[]::new),
					names.toArray(String[]::new))
			.query((rs, n) -> new Needs.Flag("REPEAT", List.of(String.valueOf(rs.getLong("id")),
					rs.getTimestamp("created_at").toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString(),
					String.valueOf(rule.repeatDays()))))
			.optional()
			.ifPresent(flags::add);
	}

	private void unclassified(Need need, List<Needs.Flag> flags) {
		List<String> names = need.content().items().stream().filter(i -> i.kind() == null).map(NeedItem::name).toList();
		if (!names.isEmpty()) {
			flags.add(new Needs.Flag("UNCLASSIFIED", List.of(String.join("、", names))));
		}
	}

	public static String yuan(long fen) {
		return org.bangfu.shared.Money.yuan(fen);
	}
}
