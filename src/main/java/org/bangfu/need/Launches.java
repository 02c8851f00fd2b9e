package org.bangfu.need;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bangfu.region.Regions;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The live launch page's figures (F24), from the needs alone: before the release how many needs wait; after it how many
 * the launch published, how many of those are pledged (partly or fully, or further on) and confirmed since, the value
 * pledged, and the latest pledged needs, masked as on the public list. A big screen and many phones poll the page at
 * the ceremony, so a released launch's board is read from the database at most once every {@value #FRESH_MILLIS} ms.
 */
@Component
public class Launches {

	static final long FRESH_MILLIS = 2000;

	/** How many of the latest pledged needs the board shows. */
	static final int LATEST = 6;

	private final PublicationHolds holds;

	private final NeedListing listing;

	private final Regions regions;

	private final JdbcClient jdbc;

	private final Map<Long, Read> recent = new ConcurrentHashMap<>();

	private record Read(long atNanos, Board board) {
	}

	Launches(PublicationHolds holds, NeedListing listing, Regions regions, JdbcClient jdbc) {
		this.holds = holds;
		this.listing = listing;
		this.regions = regions;
		this.jdbc = jdbc;
	}

	/**
	 * A launch as the public sees it. {@code waiting}: needs held now (before the release). After it: {@code published}
	 * by the launch; of those {@code pledged} (partly, fully or further: delivered, confirmed, closed) and
	 * {@code confirmed} (received, confirmed by the household, or closed); {@code pledgedValueFen} of {@code totalValueFen}.
	 */
	public record Board(long campaignId, String regionCode, String regionName, boolean released, Instant releasedAt, long waiting, long published,
			long pledged, long confirmed, long pledgedValueFen, long totalValueFen, List<NeedListing.Card> latest) {

		/** The share of the launch's value pledged, in whole percent. */
		public int percentPledged() {
			return totalValueFen <= 0 ? 0 : (int) Math.min(100, pledgedValueFen * 100 / totalValueFen);
		}
	}

	/** The board of the campaign's launch; 404 for a campaign that never held needs. */
	public Board board(long campaignId) {
		Read read = recent.get(campaignId);
		if (read != null && System.nanoTime() - read.atNanos() < FRESH_MILLIS * 1_000_000) {
			return read.board();
		}
		Board board = read(campaignId);
		// only a released board is kept: the one before the release is two index lookups, and the page must turn at the moment
		if (board.released()) {
			recent.put(campaignId, new Read(System.nanoTime(), board));
		}
		return board;
	}

	private Board read(long campaignId) {
		PublicationHolds.Hold hold = holds.find(campaignId).orElseThrow(() -> new NotFoundException("need.launch-not-found"));
		// the area as people say it: 常宁市 · 烟洲镇 (the county and below)
		String regionName = regions.find(RegionCode.parse(hold.regionCode()))
			.map(r -> java.util.stream.Stream.concat(regions.ancestors(r).stream(), java.util.stream.Stream.of(r))
				.filter(a -> a.level().ordinal() >= org.bangfu.region.RegionLevel.COUNTY.ordinal())
				.map(org.bangfu.region.Region::name)
				.collect(java.util.stream.Collectors.joining(" · ")))
			.orElse(hold.regionCode());
		if (!hold.released()) {
			return new Board(campaignId, hold.regionCode(), regionName, false, null, holds.heldCount(campaignId), 0, 0, 0, 0, 0, List.of());
		}
		// the needs the launch published: kept by its hold and published (one withdrawn while held never was)
		Board board = jdbc.sql("""
				SELECT count(*) FILTER (WHERE n.state IN ('PARTLY_PLEDGED', 'PLEDGED', 'DELIVERED', 'CONFIRMED', 'CLOSED')) AS pledged,
				       count(*) FILTER (WHERE n.state IN ('CONFIRMED', 'CLOSED')) AS confirmed,
				       coalesce(sum(pv.v), 0) AS pledged_value, coalesce(sum(n.total_value_fen), 0) AS total_value
				FROM need n
				CROSS JOIN LATERAL (SELECT coalesce(sum(i.value_fen * i.pledged_quantity / i.quantity), 0) AS v
				                    FROM need_item i WHERE i.need_id = n.id) pv
				WHERE n.held_by = ? AND n.published_at IS NOT NULL""")
			.param(campaignId)
			.query((rs, n) -> new Board(campaignId, hold.regionCode(), regionName, true, hold.releasedAt(), 0, hold.releasedCount(), rs.getLong("pledged"),
					rs.getLong("confirmed"), rs.getLong("pledged_value"), rs.getLong("total_value"), List.of()))
			.single();
		List<Long> latest = jdbc.sql("""
				SELECT n.id FROM need n
				JOIN LATERAL (SELECT max(t.at) AS at FROM need_transition t
				              WHERE t.need_id = n.id AND t.action IN ('PLEDGE_PART', 'PLEDGE_ALL')) p ON p.at IS NOT NULL
				WHERE n.held_by = ? AND n.published_at IS NOT NULL
				  AND n.state IN ('PARTLY_PLEDGED', 'PLEDGED', 'DELIVERED', 'CONFIRMED', 'CLOSED')
				ORDER BY p.at DESC, n.id DESC LIMIT ?""")
			.params(campaignId, LATEST)
			.query(Long.class)
			.list();
		return new Board(campaignId, hold.regionCode(), regionName, true, hold.releasedAt(), 0, board.published(), board.pledged(), board.confirmed(),
				board.pledgedValueFen(), board.totalValueFen(), listing.publicCards(latest));
	}
}
