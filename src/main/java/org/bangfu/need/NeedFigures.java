package org.bangfu.need;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.bangfu.shared.ClusterLock;
import org.bangfu.shared.database.ReplicaReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What other modules' pages show of the needs of a region (the region pages, the home page): how many
 * wait for help, are pledged, arrived; and the most urgent open ones. Public figures, so nothing here
 * is scoped. The counts come from {@code need_state_count} (V18), kept by a trigger as needs change:
 * one index lookup whatever the size of the region, where counting the needs would read them all.
 */
@Component
public class NeedFigures {

	/**
	 * @param open      published and waiting for help (PUBLISHED, PARTLY_PLEDGED)
	 * @param pledged   fully pledged, being delivered (PLEDGED, DELIVERED)
	 * @param confirmed arrived, confirmed by the household or its officer (CONFIRMED, CLOSED)
	 */
	public record Figures(long open, long pledged, long confirmed) {

		/** Every need that has been on the public list and not expired or withdrawn. */
		public long published() {
			return open + pledged + confirmed;
		}
	}

	private final JdbcClient jdbc;

	private final NeedListing listing;

	private final ClusterLock cluster;

	private final ReplicaReads reads;

	NeedFigures(JdbcClient jdbc, NeedListing listing, ClusterLock cluster, ReplicaReads reads) {
		this.cluster = cluster;
		this.reads = reads;
		this.jdbc = jdbc;
		this.listing = listing;
	}

	public Figures of(Region region) {
		Map<NeedState, Long> byState = new EnumMap<>(NeedState.class);
		reads.readEach(db -> db.sql("SELECT state, sum(n) FROM need_state_count WHERE region_code = ? GROUP BY state")
			.param(region.prefix())
			.query(rs -> {
				byState.put(NeedState.valueOf(rs.getString(1)), rs.getLong(2));
			}));
		return new Figures(sum(byState, NeedState.PUBLISHED, NeedState.PARTLY_PLEDGED), sum(byState, NeedState.PLEDGED, NeedState.DELIVERED),
				sum(byState, NeedState.CONFIRMED, NeedState.CLOSED));
	}

	/** How many needs wait for help in each of the regions (by code; none where nothing waits), in one query. */
	public Map<String, Long> openIn(List<Region> regions) {
		Map<String, Long> open = new java.util.HashMap<>();
		if (regions.isEmpty()) {
			return open;
		}
		Map<String, String> codeOfPrefix = new java.util.HashMap<>();
		regions.forEach(r -> codeOfPrefix.put(r.prefix(), r.code()));
		reads.readEach(db -> db.sql("""
				SELECT region_code, sum(n) FROM need_state_count
				WHERE region_code IN (:prefixes) AND state IN ('PUBLISHED', 'PARTLY_PLEDGED')
				GROUP BY region_code HAVING sum(n) > 0""")
			.param("prefixes", codeOfPrefix.keySet())
			.query(rs -> {
				open.put(codeOfPrefix.get(rs.getString(1)), rs.getLong(2));
			}));
		return open;
	}

	/**
	 * The need side of the matching rate: the needs of the region's subtree verified in [from, to), how many of them are
	 * confirmed (CONFIRMED, CLOSED), their values, and the confirmed ones' ids (so that the pledge module can say which
	 * were met by staff within their own scope).
	 */
	public record Verified(long verified, long confirmed, long verifiedValueFen, long confirmedValueFen, List<Long> confirmedIds) {
	}

	public Verified verifiedIn(Region region, java.time.Instant from, java.time.Instant to) {
		Scope scope = Scope.of(region);
		return scope.bind(jdbc.sql("""
				SELECT count(*) AS verified,
				       count(*) FILTER (WHERE n.state IN ('CONFIRMED', 'CLOSED')) AS confirmed,
				       coalesce(sum(n.total_value_fen), 0) AS verified_value,
				       coalesce(sum(n.total_value_fen) FILTER (WHERE n.state IN ('CONFIRMED', 'CLOSED')), 0) AS confirmed_value,
				       coalesce(array_agg(n.id) FILTER (WHERE n.state IN ('CONFIRMED', 'CLOSED')), '{}') AS confirmed_ids
				FROM need n
				WHERE %s AND n.verified_at >= :from AND n.verified_at < :to""".formatted(scope.sql("n.region_code"))))
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.query((rs, n) -> new Verified(rs.getLong("verified"), rs.getLong("confirmed"), rs.getLong("verified_value"),
					rs.getLong("confirmed_value"), List.of((Long[]) rs.getArray("confirmed_ids").getArray())))
			.single();
	}

	/** The region's open needs, most urgent and longest waiting first, as the public list orders them. */
	public List<NeedCard> mostUrgent(Region region, int count) {
		return List.copyOf(listing.open(new NeedListing.Filter(region, null, null, null), 0, count).cards());
	}

	/** Once across the cluster: the node holding the lock does it, the others skip this tick (see ClusterLock). */
	@Scheduled(fixedDelayString = "${bangfu.needs.figures-compaction:1m}", initialDelayString = "${bangfu.needs.figures-compaction:1m}")
	void compactOncePerCluster() {
		cluster.runIfFree("need.NeedFigures.compact", this::compact);
	}

	/**
	 * Folds each region's and state's delta rows into one. Rows are only ever inserted (by the trigger)
	 * and replaced here in one statement, so a reader always sums to the right figure.
	 */
	void compact() {
		jdbc.sql("""
				WITH many AS (SELECT region_code, state FROM need_state_count GROUP BY region_code, state HAVING count(*) > 1),
				     gone AS (DELETE FROM need_state_count c USING many m WHERE c.region_code = m.region_code AND c.state = m.state
				              RETURNING c.region_code, c.state, c.n)
				INSERT INTO need_state_count (region_code, state, n)
				SELECT region_code, state, sum(n) FROM gone GROUP BY region_code, state""")
			.update();
	}

	private static long sum(Map<NeedState, Long> byState, NeedState... states) {
		long n = 0;
		for (NeedState s : states) {
			n += byState.getOrDefault(s, 0L);
		}
		return n;
	}
}
