package org.bangfu.need;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.region.Region;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.events.HeldNeedsPublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collect, then publish together (F24): while a hold covers a need's region, verification leaves the need VERIFIED
 * (invisible to the public) instead of publishing it; releasing the hold publishes every need it held in one
 * transaction, at one moment. The assessment module's collection campaigns place and release holds.
 *
 * <p>The race of a verification with the release: {@link NeedReview#verify} reads the holds covering the need FOR SHARE,
 * the release locks its hold FOR UPDATE. A verification that comes first is committed (and its need held) before the
 * release reads the held needs; one that comes during the release waits, then finds the hold released and publishes at
 * once. Where holds overlap (a city's and a county's campaign), the narrowest area keeps the need; between equal areas
 * the earliest campaign.
 */
@Component
public class PublicationHolds {

	/** How many needs one read loads while releasing (their items come along). */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final Needs needs;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PublicationHolds(JdbcClient jdbc, Needs needs, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.needs = needs;
		this.clock = clock;
	}

	/** A hold as the launch page reads it: its area, and once released the moment and how many needs it published. */
	public record Hold(long campaignId, String regionCode, Instant placedAt, Instant releasedAt, Integer releasedCount) {

		public boolean released() {
			return releasedAt != null;
		}
	}

	/** Places a hold over the region's subtree, keyed by the campaign's id (placing it twice changes nothing). */
	public void hold(long campaignId, Region area) {
		if (area == null) {
			throw new BadInputException("need.hold-area-required");
		}
		jdbc.sql("""
				INSERT INTO need_publication_hold (campaign_id, region_code, prefix, placed_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (campaign_id) DO NOTHING""")
			.params(campaignId, area.code(), area.prefix(), Timestamp.from(clock.instant()))
			.update();
	}

	/** How many verified needs the hold keeps back now (0 for an unknown or released hold). */
	public long heldCount(long campaignId) {
		return jdbc.sql("SELECT count(*) FROM need WHERE held_by = ? AND state = 'VERIFIED'").param(campaignId).query(Long.class).single();
	}

	/** The hold of the campaign, released or not. */
	public Optional<Hold> find(long campaignId) {
		return jdbc.sql("SELECT * FROM need_publication_hold WHERE campaign_id = ?").param(campaignId).query((rs, n) -> hold(rs)).optional();
	}

	/** The released hold: its region, its moment, how many needs it published; empty while it holds (or is unknown). */
	public Optional<Hold> released(long campaignId) {
		return find(campaignId).filter(Hold::released);
	}

	/**
	 * The hold that keeps a need of the region back now, if any: the unreleased holds covering it are read FOR SHARE, so that
	 * a release in progress is waited for (and then no longer holds).
	 */
	Optional<Long> holding(String regionCode) {
		List<Map.Entry<Long, String>> covering = jdbc.sql("""
				SELECT campaign_id, prefix FROM need_publication_hold
				WHERE released_at IS NULL AND starts_with(?, prefix) FOR SHARE""")
			.param(regionCode)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list();
		// not ORDER BY … LIMIT 1 in SQL: a row released meanwhile would drop out after the lock wait and take the LIMIT with it
		return covering.stream()
			.min(Comparator.<Map.Entry<Long, String>>comparingInt(e -> -e.getValue().length()).thenComparing(Map.Entry::getKey))
			.map(Map.Entry::getKey);
	}

	/**
	 * Publishes every need the hold kept back, all with {@code at} as their publication moment, in one transaction; ends
	 * the hold. Returns how many. An unknown hold 404; a released one 409 (nothing changes).
	 */
	@Transactional
	public int release(long campaignId, Instant at) {
		if (at == null) {
			throw new BadInputException("need.hold-moment-required");
		}
		Hold hold = jdbc.sql("SELECT * FROM need_publication_hold WHERE campaign_id = ? FOR UPDATE")
			.param(campaignId)
			.query((rs, n) -> hold(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("need.hold-not-found"));
		if (hold.released()) {
			throw new ConflictException("need.hold-released",
					DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Need.ZONE).format(hold.releasedAt()), hold.releasedCount());
		}
		List<Long> ids = jdbc.sql("SELECT id FROM need WHERE held_by = ? AND state = 'VERIFIED' ORDER BY id")
			.param(campaignId)
			.query(Long.class)
			.list();
		// each need through its own transition (VERIFIED → PUBLISHED, recorded), saved with its version check
		for (int from = 0; from < ids.size(); from += CHUNK) {
			for (Need need : needs.findAll(ids.subList(from, Math.min(ids.size(), from + CHUNK))).values()) {
				need.publishHeld(at);
				needs.save(need);
			}
		}
		jdbc.sql("UPDATE need_publication_hold SET released_at = ?, released_count = ? WHERE campaign_id = ?")
			.params(Timestamp.from(at), ids.size(), campaignId)
			.update();
		if (!ids.isEmpty()) {
			events.publishEvent(new HeldNeedsPublished(campaignId, ids, at));
		}
		return ids.size();
	}

	private static Hold hold(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp released = rs.getTimestamp("released_at");
		return new Hold(rs.getLong("campaign_id"), rs.getString("region_code"), rs.getTimestamp("placed_at").toInstant(),
				released == null ? null : released.toInstant(), (Integer) rs.getObject("released_count"));
	}
}
