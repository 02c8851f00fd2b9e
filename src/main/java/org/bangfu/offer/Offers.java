package org.bangfu.offer;

import org.bangfu.pledge.Pledging;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotPermittedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.need.ItemKinds;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedPledging;
import org.bangfu.notify.Notices;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Masking;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers (我要捐赠) and the donor's answers to the requests for them (我想要, made through {@link OfferAsking}).
 * A request points at an item of a published need of a household (so the need has been verified like any
 * other); when the donor accepts, the request becomes a pledge of that quantity through the normal pledge
 * rules, and the offer's remaining quantity shrinks — under the offer's row lock, so an offer is never given
 * twice over.
 */
@Component
public class Offers {

	private final JdbcClient jdbc;

	private final Pledging pledging;

	private final NeedPledging needs;

	private final Accounts accounts;

	private final Regions regions;

	private final Notices notices;

	private final OperationLog log;

	private final Clock clock;

	private final ItemKinds kinds;

	public Offers(JdbcClient jdbc, Pledging pledging, NeedPledging needs, Accounts accounts, Regions regions, Notices notices,
			OperationLog log, Clock clock, ItemKinds kinds) {
		this.kinds = kinds;
		this.jdbc = jdbc;
		this.pledging = pledging;
		this.needs = needs;
		this.accounts = accounts;
		this.regions = regions;
		this.notices = notices;
		this.log = log;
		this.clock = clock;
	}

	/** A new offer; {@code kind} is one of the category's item kinds (学习用品, 校服被褥 …), required. */
	public record NewOffer(NeedCategory category, String title, String description, String itemName, String kind, String unit, Integer quantity,
			List<String> regionCodes) {
	}

	/** An offer; {@code kind} is null for offers made before offers had one (they fit lines of the same item name only). */
	public record Offer(long id, String donor, NeedCategory category, String title, String description, String itemName, String kind, String unit,
			int quantity, int remaining, List<String> regionPrefixes, boolean open, Instant createdAt) {

		Offer withDonor(String name) {
			return new Offer(id, name, category, title, description, itemName, kind, unit, quantity, remaining, regionPrefixes, open, createdAt);
		}
	}

	/** Whether the account may put up offers: anyone but a household's own account. */
	public static boolean mayOffer(BangfuUser user) {
		return user != null && !(user.has(Role.HOUSEHOLD) && !user.isStaff());
	}

	@Transactional
	public long create(BangfuUser donor, NewOffer o) {
		return create(donor, o, null).id();
	}

	/** The offer and whether this call made it (false: a repeat of an earlier call with the same key). */
	public record Created(long id, boolean created) {
	}

	@Transactional
	public Created create(BangfuUser donor, NewOffer o, String idempotencyKey) {
		if (!mayOffer(donor)) {
			throw new NotPermittedException("offer.household");
		}
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null) {
			if (key.length() > 100) {
				throw new BadInputException("pledge.key-too-long");
			}
			// calls with the same key queue here; the second finds the first's offer once it commits
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("offer/" + donor.id() + "/" + key).query(Object.class).single();
			var earlier = jdbc.sql("SELECT id FROM offer WHERE donor_id = ? AND idempotency_key = ?")
				.params(donor.id(), key)
				.query(Long.class)
				.optional();
			if (earlier.isPresent()) {
				return new Created(earlier.get(), false);
			}
		}
		if (o == null || o.category() == null) {
			throw new BadInputException("offer.category");
		}
		String title = text(o.title(), 4, 60, "offer.title");
		String description = text(o.description(), 0, 1000, "offer.description");
		String item = text(o.itemName(), 1, 40, "offer.item");
		String unit = text(o.unit(), 1, 10, "offer.unit");
		List<String> allowed = kinds.of(o.category());
		String kind = o.kind() == null ? "" : o.kind().strip();
		if (!allowed.contains(kind)) {
			throw new BadInputException("offer.kind", String.join("、", allowed));
		}
		if (o.quantity() == null || o.quantity() <= 0 || o.quantity() > 1_000_000) {
			throw new BadInputException("offer.quantity");
		}
		List<String> prefixes = new ArrayList<>();
		for (String code : o.regionCodes() == null ? List.<String>of() : o.regionCodes()) {
			prefixes.add(regions.find(RegionCode.parse(code)).orElseThrow(() -> new BadInputException("intent.region", code)).prefix());
		}
		long id = jdbc.sql("""
				INSERT INTO offer (donor_id, category, title, description, item_name, item_kind, unit, quantity, remaining, region_prefixes,
				                   created_at, idempotency_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(donor.id(), o.category().name(), title, description, item, kind, unit, o.quantity(), o.quantity(),
					prefixes.toArray(String[]::new), Timestamp.from(clock.instant()), key)
			.query(Long.class)
			.single();
		log.record(donor.id(), "offer.create", "offer:" + id, null, title);
		return new Created(id, true);
	}

	private static String text(String value, int min, int max, String key) {
		String t = value == null ? "" : value.strip();
		if (t.length() < min || t.length() > max) {
			throw new BadInputException(key, min, max);
		}
		return t;
	}

	public List<Offer> open(NeedCategory category, int page) {
		return open(category, Math.max(0, page) * 50, 50);
	}

	/** The open offers, newest first, from the offset on (the pages ask for one more than they show, to know whether a next page follows). */
	List<Offer> open(NeedCategory category, int offset, int limit) {
		return named(jdbc.sql("""
				SELECT o.* FROM offer o
				WHERE o.open AND o.remaining > 0 AND (:category = '' OR o.category = :category)
				ORDER BY o.created_at DESC, o.id DESC LIMIT :limit OFFSET :offset""")
			.param("category", category == null ? "" : category.name())
			.param("limit", limit)
			.param("offset", Math.max(0, offset))
			.query(Offers::row)
			.list());
	}

	public Offer get(long id) {
		Row row = jdbc.sql("SELECT o.* FROM offer o WHERE o.id = ?")
			.param(id)
			.query(Offers::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("offer.not-found"));
		return named(List.of(row)).get(0);
	}

	/** An offer as read from its table: the donor's name is the account module's, added by {@link #named}. */
	record Row(long donorId, Offer offer) {
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("donor_id"), new Offer(rs.getLong("id"), null, NeedCategory.valueOf(rs.getString("category")),
				rs.getString("title"), rs.getString("description"), rs.getString("item_name"), rs.getString("item_kind"), rs.getString("unit"),
				rs.getInt("quantity"), rs.getInt("remaining"), Arrays.asList((String[]) rs.getArray("region_prefixes").getArray()),
				rs.getBoolean("open"), rs.getTimestamp("created_at").toInstant()));
	}

	/** The offers with their donors' names (a person's masked), asked of the account module in one query; order kept. */
	List<Offer> named(List<Row> rows) {
		Map<Long, Accounts.Named> donors = accounts.namedOf(rows.stream().map(Row::donorId).toList());
		return rows.stream().map(r -> {
			Accounts.Named donor = donors.get(r.donorId());
			String name = donor == null ? null : donor.person() ? Masking.name(donor.name()) : donor.name();
			return r.offer().withDonor(name);
		}).toList();
	}

	/** Whether the offer is the account's own. */
	public boolean ownedBy(long offerId, long accountId) {
		long owner = jdbc.sql("SELECT donor_id FROM offer WHERE id = ?").param(offerId).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("offer.not-found"));
		return owner == accountId;
	}

	void requireOwner(BangfuUser donor, long offerId) {
		if (!ownedBy(offerId, donor.id())) {
			throw new NotFoundException("offer.not-found");
		}
	}

	/** The donor accepts a request: the offer shrinks and the request becomes a pledge (or nothing happens). */
	@Transactional
	public long accept(BangfuUser donor, long requestId) {
		record Row(long offerId, long needId, int position, int quantity, String state) {
		}
		// the request's row lock: a second tap on 同意 waits here and then finds the request decided
		Row r = jdbc.sql("SELECT offer_id, need_id, position, quantity, state FROM offer_request WHERE id = ? FOR UPDATE")
			.param(requestId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getString(5)))
			.optional()
			.orElseThrow(() -> new NotFoundException("offer.request-not-found"));
		requireOwner(donor, r.offerId());
		// the offer's row lock: two acceptances at once cannot both take its last units
		int remaining = jdbc.sql("SELECT remaining FROM offer WHERE id = ? FOR UPDATE").param(r.offerId()).query(Integer.class).single();
		if (!"REQUESTED".equals(r.state())) {
			throw new ConflictException("offer.request-decided");
		}
		if (r.quantity() > remaining) {
			throw new ConflictException("offer.too-much", remaining);
		}
		long pledge = pledging.pledge(donor, r.needId(), Pledging.Request.of(Map.of(r.position(), r.quantity()),
				donor.inScope(needs.get(r.needId()).regionCode()) ? true : null, null), "offer-request-" + requestId).pledgeId();
		jdbc.sql("UPDATE offer SET remaining = remaining - ?, open = (remaining - ? > 0) WHERE id = ?")
			.params(r.quantity(), r.quantity(), r.offerId())
			.update();
		jdbc.sql("UPDATE offer_request SET state = 'ACCEPTED', pledge_id = ?, decided_at = ? WHERE id = ?")
			.params(pledge, Timestamp.from(clock.instant()), requestId)
			.update();
		return pledge;
	}

	/** The donor declines a request; whoever asked is told, so the household is not left waiting. */
	@Transactional
	public void decline(BangfuUser donor, long requestId) {
		record Row(long offerId, long requestedBy, long needId) {
		}
		Row r = jdbc.sql("SELECT offer_id, requested_by, need_id FROM offer_request WHERE id = ?")
			.param(requestId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.optional()
			.orElseThrow(() -> new NotFoundException("offer.request-not-found"));
		requireOwner(donor, r.offerId());
		if (jdbc.sql("UPDATE offer_request SET state = 'DECLINED', decided_at = ? WHERE id = ? AND state = 'REQUESTED'")
			.params(Timestamp.from(clock.instant()), requestId)
			.update() == 0) {
			throw new ConflictException("offer.request-decided");
		}
		notices.tell(r.requestedBy(), accounts.phoneOf(r.requestedBy()),
				Notices.Message.of("notice.offer.declined", String.valueOf(r.needId()), get(r.offerId()).title()), "/offers/" + r.offerId());
	}

	/**
	 * The donor takes the rest of an offer back (given elsewhere, no longer available): it leaves the
	 * list, and the requests still waiting are declined with a word to whoever asked.
	 */
	@Transactional
	public void close(BangfuUser donor, long offerId) {
		requireOwner(donor, offerId);
		// the offer's row lock: an acceptance running now finishes first, or sees the offer closed
		boolean open = jdbc.sql("SELECT open FROM offer WHERE id = ? FOR UPDATE").param(offerId).query(Boolean.class).single();
		if (!open) {
			throw new ConflictException("offer.closed");
		}
		jdbc.sql("UPDATE offer SET open = false WHERE id = ?").param(offerId).update();
		String title = get(offerId).title();
		record Waiting(long requestedBy, long needId) {
		}
		List<Waiting> waiting = jdbc.sql("""
				UPDATE offer_request SET state = 'DECLINED', decided_at = ? WHERE offer_id = ? AND state = 'REQUESTED'
				RETURNING requested_by, need_id""")
			.params(Timestamp.from(clock.instant()), offerId)
			.query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2)))
			.list();
		for (Waiting w : waiting) {
			notices.tell(w.requestedBy(), accounts.phoneOf(w.requestedBy()),
					Notices.Message.of("notice.offer.closed", String.valueOf(w.needId()), title), "/offers/" + offerId);
		}
		log.record(donor.id(), "offer.close", "offer:" + offerId, null, waiting.size() + " waiting requests declined");
	}
}
