package org.bangfu.offer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.household.Households;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.PublicText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the offer pages read besides the offer itself: a page of open offers with their areas by name,
 * a donor's own offers with the requests waiting, the requests as the donor reads them (titles
 * masked), and for staff and households the open needs they may ask an offer for (我想要) and what they
 * asked already. What a caller may reach is bounded in SQL by their grants' region prefixes, or by
 * their own household.
 */
@Component
class OfferViews {

	static final int PAGE_SIZE = 20;

	/** How many needs the 我想要 form lists at most: the most urgent, longest waiting first. */
	static final int CANDIDATE_NEEDS = 30;

	private final JdbcClient jdbc;

	private final Offers offers;

	private final Households households;

	OfferViews(JdbcClient jdbc, Offers offers, Households households) {
		this.jdbc = jdbc;
		this.offers = offers;
		this.households = households;
	}

	/** An offer with the names of the places it goes to (null: anywhere). */
	record Listed(Offers.Offer offer, String area, int pending) {
	}

	record Page(List<Listed> offers, int page, boolean hasNext) {
	}

	/** The open offers, newest first, {@link #PAGE_SIZE} a page. */
	Page open(NeedCategory category, int page) {
		int p = Math.max(0, Math.min(page, 500));
		List<Offers.Offer> found = offers.open(category, p * PAGE_SIZE, PAGE_SIZE + 1);
		boolean next = found.size() > PAGE_SIZE;
		return new Page(listed(next ? found.subList(0, PAGE_SIZE) : found, Map.of()), p, next);
	}

	/** The donor's own offers, open or not, newest first, with how many requests wait for an answer. */
	Page mine(long donorId, int page) {
		int p = Math.max(0, Math.min(page, 500));
		Map<Long, Integer> pending = new HashMap<>();
		List<Offers.Offer> found = jdbc.sql("""
				SELECT o.*, a.name AS donor_name, a.donor_type,
				       (SELECT count(*) FROM offer_request r WHERE r.offer_id = o.id AND r.state = 'REQUESTED') AS pending
				FROM offer o JOIN account a ON a.id = o.donor_id
				WHERE o.donor_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?""")
			.params(donorId, PAGE_SIZE + 1, p * PAGE_SIZE)
			.query((rs, n) -> {
				pending.put(rs.getLong("id"), rs.getInt("pending"));
				return Offers.offer(rs, n);
			})
			.list();
		boolean next = found.size() > PAGE_SIZE;
		return new Page(listed(next ? found.subList(0, PAGE_SIZE) : found, pending), p, next);
	}

	Listed one(Offers.Offer offer) {
		return listed(List.of(offer), Map.of()).get(0);
	}

	private List<Listed> listed(List<Offers.Offer> list, Map<Long, Integer> pending) {
		Map<String, String> names = areaNames(list.stream().flatMap(o -> o.regionPrefixes().stream()).distinct().toList());
		return list.stream()
			.map(o -> new Listed(o, o.regionPrefixes().isEmpty() ? null
					: String.join("、", o.regionPrefixes().stream().map(p -> names.getOrDefault(p, p)).toList()), pending.getOrDefault(o.id(), 0)))
			.toList();
	}

	/** Region names by prefix: a county by its name, a township or village after its county's (衡阳县 · 西渡镇). */
	private Map<String, String> areaNames(Collection<String> prefixes) {
		Map<String, String> names = new HashMap<>();
		if (prefixes.isEmpty()) {
			return names;
		}
		jdbc.sql("""
				SELECT r.prefix, CASE WHEN length(r.prefix) > 6 AND c.name IS NOT NULL THEN c.name || ' · ' || r.name ELSE r.name END AS name
				FROM region r LEFT JOIN region c ON c.code = left(r.code, 6) AND c.code <> r.code
				WHERE r.prefix = ANY(?)""")
			.param(prefixes.toArray(String[]::new))
			.query(rs -> {
				names.put(rs.getString("prefix"), rs.getString("name"));
			});
		return names;
	}

	// --- the donor's side -----------------------------------------------------------------------------

	/** A request as the offer's donor reads it: the need's title masked as the public reads it, the place down to the village. */
	record RequestRow(long id, long needId, String needTitle, String place, String item, String unit, int quantity, String state,
			Long pledgeId, Instant requestedAt, boolean substitute) {

		public boolean waiting() {
			return "REQUESTED".equals(state);
		}
	}

	/** The requests for an offer, those waiting for an answer first; the caller has checked the offer is theirs. */
	List<RequestRow> requestsOf(long offerId) {
		record Row(RequestRow row, Long householdId) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT r.id, r.need_id, r.quantity, r.state, r.pledge_id, r.requested_at, r.substitute, n.title, n.household_id, i.name AS item,
				       i.unit, concat_ws(' · ', c.name, CASE WHEN length(r.region_code) >= 9 THEN t.name END,
				                         CASE WHEN length(r.region_code) = 12 THEN v.name END) AS place
				FROM offer_request r JOIN need n ON n.id = r.need_id
				LEFT JOIN need_item i ON i.need_id = r.need_id AND i.position = r.position
				LEFT JOIN region v ON v.code = r.region_code
				LEFT JOIN region t ON t.code = left(r.region_code, 9)
				LEFT JOIN region c ON c.code = left(r.region_code, 6)
				WHERE r.offer_id = ? ORDER BY (r.state = 'REQUESTED') DESC, r.id DESC""")
			.param(offerId)
			.query((rs, n) -> new Row(new RequestRow(rs.getLong("id"), rs.getLong("need_id"), rs.getString("title"), rs.getString("place"),
					rs.getString("item"), rs.getString("unit"), rs.getInt("quantity"), rs.getString("state"), (Long) rs.getObject("pledge_id"),
					rs.getTimestamp("requested_at").toInstant(), rs.getBoolean("substitute")), (Long) rs.getObject("household_id")))
			.list();
		Map<Long, List<String>> names = households.memberNames(rows.stream().map(Row::householdId).filter(Objects::nonNull).distinct().toList());
		return rows.stream().map(r -> {
			RequestRow q = r.row();
			List<String> n = names.get(r.householdId());
			return new RequestRow(q.id(), q.needId(), PublicText.mask(q.needTitle(), n), q.place(), PublicText.mask(q.item(), n), q.unit(),
					q.quantity(), q.state(), q.pledgeId(), q.requestedAt(), q.substitute());
		}).toList();
	}

	/** What the pages need to know of a request to answer a repeated tap: where it belongs, who asked, how it was decided. */
	record RequestState(long id, long offerId, long needId, long requestedBy, int quantity, String state, Long pledgeId) {
	}

	Optional<RequestState> request(long requestId) {
		return jdbc.sql("SELECT id, offer_id, need_id, requested_by, quantity, state, pledge_id FROM offer_request WHERE id = ?")
			.param(requestId)
			.query(OfferViews::state)
			.optional();
	}

	Optional<RequestState> request(long offerId, long needId, int position) {
		return jdbc.sql("""
				SELECT id, offer_id, need_id, requested_by, quantity, state, pledge_id FROM offer_request
				WHERE offer_id = ? AND need_id = ? AND position = ?""")
			.params(offerId, needId, position)
			.query(OfferViews::state)
			.optional();
	}

	private static RequestState state(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new RequestState(rs.getLong("id"), rs.getLong("offer_id"), rs.getLong("need_id"), rs.getLong("requested_by"),
				rs.getInt("quantity"), rs.getString("state"), (Long) rs.getObject("pledge_id"));
	}

	// --- the asking side (staff in scope, the household itself) ---------------------------------------

	/** Whether the user may ask for offers at all: staff with a region, or a household's own account. */
	boolean mayAsk(BangfuUser user) {
		return user != null && (user.isStaff() || user.has(Role.HOUSEHOLD));
	}

	/** A line of a need that still lacks something, with how much; {@code fits}: of the offer's kind or name ({@link OfferAsking#fits}). */
	record CandidateItem(int position, String name, String kind, String unit, int remaining, boolean fits) {
	}

	/** An open need the user may ask the offer for, with its lines that are still open and not yet asked for. */
	record Candidate(long needId, String title, String place, List<CandidateItem> items) {
	}

	record Candidates(List<Candidate> needs, boolean more) {
	}

	/**
	 * The caller's published, still open needs of the offer's category inside the offer's area: for
	 * staff those of their scope, for a household its own. Lines already asked for under this offer
	 * are left out (a need's line is asked for once per offer), and so are lines the offer does not fit
	 * (another item kind) unless {@code others} asks for them too, to be asked for as a substitute.
	 */
	Candidates candidates(BangfuUser user, Offers.Offer offer, boolean others) {
		NeedReach.Where reach = NeedReach.of(households, user, "n.region_code", "n.household_id");
		if (reach == null) {
			return new Candidates(List.of(), false);
		}
		List<Object> params = new ArrayList<>();
		String area = "";
		if (!offer.regionPrefixes().isEmpty()) {
			List<String> parts = new ArrayList<>();
			for (String prefix : offer.regionPrefixes()) {
				parts.add(NeedReach.prefixMatch("n.region_code", prefix));
				params.add(prefix);
			}
			area = " AND (" + String.join(" OR ", parts) + ")";
		}
		// the same test as Offers.fits: the offer's kind, or the offer's item name
		String fits = "(coalesce(i.kind = ?, false) OR btrim(i.name) = ?)";
		String unasked = """
				i.quantity > i.pledged_quantity
				AND NOT EXISTS (SELECT 1 FROM offer_request r WHERE r.offer_id = ? AND r.need_id = i.need_id AND r.position = i.position)"""
				+ (others ? "" : " AND " + fits);
		List<Object> unaskedParams = new ArrayList<>(List.of(offer.id()));
		if (!others) {
			unaskedParams.add(offer.kind() == null ? "" : offer.kind());
			unaskedParams.add(offer.itemName().strip());
		}
		List<Object> all = new ArrayList<>();
		all.add(offer.category().name());
		all.addAll(reach.params());
		all.addAll(params);
		all.addAll(unaskedParams);
		all.add(CANDIDATE_NEEDS + 1);
		all.add(offer.kind() == null ? "" : offer.kind());
		all.add(offer.itemName().strip());
		all.addAll(unaskedParams);
		Map<Long, Candidate> byNeed = new LinkedHashMap<>();
		jdbc.sql("""
				WITH picked AS (
				  SELECT n.id, n.title, n.region_code, n.urgency, n.published_at FROM need n
				  WHERE n.state IN ('PUBLISHED', 'PARTLY_PLEDGED') AND n.category = ? AND %s%s
				    AND EXISTS (SELECT 1 FROM need_item i WHERE i.need_id = n.id AND %s)
				  ORDER BY n.urgency DESC, n.published_at, n.id LIMIT ?)
				SELECT p.id, p.title, concat_ws(' · ', t.name, CASE WHEN length(p.region_code) = 12 THEN v.name END) AS place,
				       i.position, i.name, i.kind, i.unit, i.quantity - i.pledged_quantity AS remaining, %s AS fits
				FROM picked p JOIN need_item i ON i.need_id = p.id
				LEFT JOIN region v ON v.code = p.region_code
				LEFT JOIN region t ON t.code = left(p.region_code, 9)
				WHERE %s
				ORDER BY p.urgency DESC, p.published_at, p.id, i.position""".formatted(reach.sql(), area, unasked, fits, unasked))
			.params(all)
			.query(rs -> {
				long id = rs.getLong("id");
				Candidate need = byNeed.get(id);
				if (need == null) {
					need = new Candidate(id, rs.getString("title"), rs.getString("place"), new ArrayList<>());
					byNeed.put(id, need);
				}
				need.items().add(new CandidateItem(rs.getInt("position"), rs.getString("name"), rs.getString("kind"), rs.getString("unit"),
						rs.getInt("remaining"), rs.getBoolean("fits")));
			});
		List<Candidate> needs = new ArrayList<>(byNeed.values());
		boolean more = needs.size() > CANDIDATE_NEEDS;
		return new Candidates(more ? needs.subList(0, CANDIDATE_NEEDS) : needs, more);
	}

	/** A request made for one of the caller's needs, as its asker follows it. */
	record Asked(long id, long needId, String needTitle, String item, String unit, int quantity, String state, Long pledgeId,
			boolean substitute) {
	}

	/** The requests under this offer for needs the caller reaches (their scope, or their household's own), newest first. */
	List<Asked> askedFor(BangfuUser user, long offerId) {
		NeedReach.Where reach = NeedReach.of(households, user, "r.region_code", "n.household_id");
		if (reach == null) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(offerId);
		params.addAll(reach.params());
		return jdbc.sql("""
				SELECT r.id, r.need_id, r.quantity, r.state, r.pledge_id, r.substitute, n.title, i.name, i.unit
				FROM offer_request r JOIN need n ON n.id = r.need_id
				LEFT JOIN need_item i ON i.need_id = r.need_id AND i.position = r.position
				WHERE r.offer_id = ? AND %s ORDER BY r.id DESC""".formatted(reach.sql()))
			.params(params)
			.query((rs, n) -> new Asked(rs.getLong("id"), rs.getLong("need_id"), rs.getString("title"), rs.getString("name"),
					rs.getString("unit"), rs.getInt("quantity"), rs.getString("state"), (Long) rs.getObject("pledge_id"), rs.getBoolean("substitute")))
			.list();
	}
}
