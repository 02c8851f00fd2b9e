package org.bangfu.need;

import java.util.Comparator;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;

/**
 * Which station's work a need is, for quotas and reporting rates: the region of the poster's most specific staff grant
 * covering the need (a village officer's village point, a township manager's station even for a village's need); none
 * for a household's or a donor's own post.
 */
final class ReportingUnit {

	private ReportingUnit() {
	}

	static String of(BangfuUser poster, String needRegion) {
		return poster.staffGrants()
			.stream()
			.filter(g -> g.covers(needRegion))
			.max(Comparator.comparingInt(g -> g.region().code().length()))
			.map(Grant::region)
			.map(r -> r.code())
			.orElse(null);
	}
}
