package org.bangfu.need;

import java.util.Map;

/**
 * How strongly each abuse rule's finding speaks against publishing (issue 16): 1 is advice (the verifier reads it),
 * 2 asks the verifier's written reason to publish, 3 also asks the next level up (the county for a township) to
 * approve. A rule not listed counts as 2: a new rule is never silently harmless.
 */
public final class FlagSeverity {

	public static final int ADVICE = 1;

	public static final int REASON = 2;

	public static final int ESCALATE = 3;

	private static final Map<String, Integer> BY_RULE = Map.of("PERSONAL_DATA", ADVICE, "UNCLASSIFIED", REASON, "REPEAT", REASON,
			"ABOVE_USUAL", REASON, "LUXURY", ESCALATE,
			// the rules that judge the item: clear non-essential goods and luxury brands go up a level, doubts need a reason
			"NON_ESSENTIAL", ESCALATE, "LUXURY_BRAND", ESCALATE, "KIND_MISFIT", REASON, "CATEGORY_MISFIT", REASON, "ABOVE_PRICE", REASON);

	private FlagSeverity() {
	}

	public static int of(String rule) {
		return BY_RULE.getOrDefault(rule, REASON);
	}
}
