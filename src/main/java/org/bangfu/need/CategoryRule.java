package org.bangfu.need;

import java.util.List;

/**
 * The city's rules for one category: hard limits checked on submission and the inputs of the flags
 * the verifier sees (see {@link AbuseRules}).
 *
 * @param usualValueFen the usual value of a need of this category, used until enough needs have been verified to know it
 * @param repeatDays the period within which the same household asking for the same thing again is flagged
 */
public record CategoryRule(NeedCategory category, long maxItemValueFen, long maxNeedValueFen, long usualValueFen, int minPhotos,
		List<String> itemKinds, List<String> suspiciousWords, int repeatDays) {
}
