package org.bangfu.offer;

import org.bangfu.shared.ConflictException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.household.Households;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedPledging;
import org.bangfu.need.NeedState;
import org.bangfu.notify.Notices;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我想要: asking for an offer for a line of a published need, under the offer's rules — its category, its area,
 * its item kind (another kind only as a substitute the asker accepts, which the donor sees) — and the asks as
 * the offer's donor reads them. Accepting and declining stay with {@link Offers}.
 */
@Component
public class OfferAsking {

	private final JdbcClient jdbc;

	private final Offers offers;

	private final NeedPledging needs;

	private final Households households;

	private final Accounts accounts;

	private final Notices notices;

	private final Clock clock;

	public OfferAsking(JdbcClient jdbc, Offers offers, NeedPledging needs, Households households, Accounts accounts, Notices notices, Clock clock) {
		this.jdbc = jdbc;
		this.offers = offers;
		this.needs = needs;
		this.households = households;
		this.accounts = accounts;
		this.notices = notices;
		this.clock = clock;
	}

	/**
	 * Whether the offer fits a line of a need (of its category): the same item kind, or the same item name (for a
	 * line or an offer without a kind). A line of another kind may only be asked for as a substitute, said so.
	 */
	static boolean fits(Offers.Offer offer, NeedItem item) {
		return offer.kind() != null && offer.kind().equals(item.kind()) || offer.itemName().strip().equals(item.name().strip());
	}

	/**
	 * 我想要: staff in scope (or the household itself) ask for some of the offer for an item of a published need;
	 * for an item the offer does not fit ({@link #fits}) only as a substitute, said so by the asker.
	 */
	@Transactional
	public long request(BangfuUser by, long offerId, long needId, Integer position, Integer quantity, boolean substitute) {
		Offers.Offer offer = offers.get(offerId);
		NeedPledging.Open need = needs.get(needId);
		boolean household = households.isOwnAccount(need.householdId(), by.id());
		if (!household && !by.inScope(need.regionCode())) {
			throw new NotFoundException("need.not-found");
		}
		if (!offer.open() || offer.remaining() == 0) {
			throw new ConflictException("offer.closed");
		}
		if (!NeedState.OPEN.contains(need.state())) {
			throw new ConflictException("offer.need-not-open");
		}
		if (need.category() != offer.category()) {
			throw new BadInputException("offer.category-mismatch");
		}
		if (!offer.regionPrefixes().isEmpty() && !new Scope(offer.regionPrefixes()).contains(need.regionCode())) {
			throw new BadInputException("offer.region-mismatch");
		}
		if (position == null || position < 0 || position >= need.items().size()) {
			throw new BadInputException("pledge.item-unknown", position);
		}
		NeedItem item = need.items().get(position);
		boolean fits = fits(offer, item);
		if (!fits && !substitute) {
			throw new BadInputException("offer.kind-mismatch", offer.itemName(), offer.kind() == null ? offer.itemName() : offer.kind(),
					item.name(), item.kind() == null ? item.name() : item.kind());
		}
		if (quantity == null || quantity <= 0) {
			throw new BadInputException("pledge.quantity-positive");
		}
		if (quantity > offer.remaining() || quantity > item.remainingQuantity()) {
			throw new ConflictException("offer.too-much", Math.min(offer.remaining(), item.remainingQuantity()));
		}
		try {
			long id = jdbc.sql("""
					INSERT INTO offer_request (offer_id, need_id, position, quantity, region_code, requested_by, state, requested_at, substitute)
					VALUES (?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?) RETURNING id""")
				.params(offerId, needId, position, quantity, need.regionCode(), by.id(), Timestamp.from(clock.instant()), !fits)
				.query(Long.class)
				.single();
			long donor = jdbc.sql("SELECT donor_id FROM offer WHERE id = ?").param(offerId).query(Long.class).single();
			notices.tell(donor, accounts.phoneOf(donor),
					fits ? Notices.Message.of("notice.offer.requested", offer.title(), String.valueOf(quantity), offer.unit())
							: Notices.Message.of("notice.offer.requested.substitute", offer.title(), String.valueOf(quantity), offer.unit(),
									item.name()),
					"/offers/" + offerId);
			return id;
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("offer.requested-already");
		}
	}

	/** A request as its offer's donor reads it; {@code substitute}: the asker accepts the offer in place of a line of another kind. */
	public record Request(long id, long offerId, long needId, String needTitle, String regionCode, int position, int quantity, String state,
			Long pledgeId, Instant requestedAt, boolean substitute) {
	}

	/** The requests for the donor's offer; the need titles as the public reads them (the household's names masked). */
	public List<Request> requests(BangfuUser donor, long offerId) {
		offers.requireOwner(donor, offerId);
		List<Request> rows = jdbc.sql("SELECT * FROM offer_request WHERE offer_id = ? ORDER BY id")
			.param(offerId)
			.query((rs, n) -> new Request(rs.getLong("id"), rs.getLong("offer_id"), rs.getLong("need_id"), null,
					rs.getString("region_code"), rs.getInt("position"), rs.getInt("quantity"), rs.getString("state"),
					(Long) rs.getObject("pledge_id"), rs.getTimestamp("requested_at").toInstant(), rs.getBoolean("substitute")))
			.list();
		// the needs' titles and households from the need module, all at once
		Map<Long, NeedPledging.Open> asked = needs.getAll(rows.stream().map(Request::needId).distinct().toList());
		Map<Long, List<String>> names = households.memberNames(asked.values().stream().map(NeedPledging.Open::householdId)
			.filter(java.util.Objects::nonNull).distinct().toList());
		return rows.stream().filter(q -> asked.containsKey(q.needId())).map(q -> {
			NeedPledging.Open need = asked.get(q.needId());
			return new Request(q.id(), q.offerId(), q.needId(), org.bangfu.need.PublicText.mask(need.title(), names.get(need.householdId())),
					q.regionCode(), q.position(), q.quantity(), q.state(), q.pledgeId(), q.requestedAt(), q.substitute());
		}).toList();
	}
}
