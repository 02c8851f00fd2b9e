package org.bangfu.pledge;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many pledges some donors made (every pledge they made, whatever became of it), for the counts of other modules
 * (the registrations a drive's unit brought, issue 17): numbers only, nothing about the needs.
 */
@Component
public class DonorPledgeCounts {

	private final JdbcClient jdbc;

	DonorPledgeCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The pledges each of the donors made; a donor without any is absent. */
	public Map<Long, Long> byDonor(Collection<Long> donorIds) {
		Map<Long, Long> counts = new HashMap<>();
		if (donorIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("SELECT donor_id, count(*) FROM pledge WHERE donor_id = ANY (CAST(:ids AS bigint[])) GROUP BY donor_id")
			.param("ids", donorIds.toArray(Long[]::new))
			.query(rs -> {
				counts.put(rs.getLong(1), rs.getLong(2));
			});
		return counts;
	}
}
