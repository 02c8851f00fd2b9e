package org.bangfu.offer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.household.Households;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedPledging;
import org.bangfu.need.PublicText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the offer pages read besides the offer itself: a page of open offers with their areas by name,
 * a donor's own offers with the requests waiting, the requests as the donor reads them (titles
 * masked), and for staff and households the open needs they may ask an offer for (我想要) and what they
 * asked already. What a caller may reach is bounded by their grants' region prefixes, or by their own
 * household ({@link NeedReach}). The needs themselves are read through the need module's API.
 */
@Component
public class OfferViews {

	static final int PAGE_SIZE = 20;

	/** How many needs the 我想要 form lists at most: the most urgent, longest waiting first. */
	static final int CANDIDATE_NEEDS = 30;

	private final JdbcClient jdbc;

	private final Offers offers;

	private final Households households;

	private final NeedPledging needs;

	OfferViews(JdbcClient jdbc, Offers offers, Households households, NeedPledging needs) {
		this.jdbc = jdbc;
		this.offers = offers;
		this.households = households;
		this.needs = needs;
	}

	/** An offer with the names of the places it goes to (null: anywhere). */
	record Listed(Offers.Offer offer, String area, int pending) {
	}

	record Page(List<Listed> offers, int page, boolean hasNext) {
	}

	/** The open offers, newest first, {@link #PAGE_SIZE} a page. */
	public Page open(NeedCategory category, int page) {
		int p = Math.max(0, Math.min(page, 500));
		List<Offers.Offer> found = offers.open(category, p * PAGE_SIZE, PAGE_SIZE + 1);
		boolean next = found.size() > PAGE_SIZE;
		return new Page(listed(next ? found.subList(0, PAGE_SIZE) : found, Map.of()), p, next);
	}

	/** The donor's own offers, open or not, newest first, with how many requests wait for an answer. */
	public Page mine(long donorId, int page) {
		int p = Math.max(0, Math.min(page, 500));
		Map<Long, Integer> pending = new HashMap<>();
		List<Offers.Offer> found = offers.named(jdbc.sql("""
				SELECT o.*, (SELECT count(*) FROM offer_request r WHERE r.offer_id = o.id AND r.state = 'REQUESTED') AS pending
				FROM offer o
				WHERE o.donor_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?""")
			.params(donorId, PAGE_SIZE + 1, p * PAGE_SIZE)
			.query((rs, n) -> {
				pending.put(rs.getLong("id"), rs.getInt("pending"));
				return Offers.row(rs, n);
			})
			.list());
		boolean next = found.size() > PAGE_SIZE;
		return new Page(listed(next ? found.subList(0, PAGE_SIZE) : found, pending), p, next);
	}

	public Listed one(Offers.Offer offer) {
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
	public List<RequestRow> requestsOf(long offerId) {
		record Row(long id, long needId, int position, int quantity, String state, Long pledgeId, Instant requestedAt, boolean substitute,
				String place) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT r.id, r.need_id, r.position, r.quantity, r.state, r.pledge_id, r.requested_at, r.substitute,
				       concat_ws(' · ', c.name, CASE WHEN length(r.region_code) >= 9 THEN t.name END,
				                 CASE WHEN length(r.region_code) = 12 THEN v.name END) AS place
				FROM offer_request r
				LEFT JOIN region v ON v.code = r.region_code
				LEFT JOIN region t ON t.code = left(r.region_code, 9)
				LEFT JOIN region c ON c.code = left(r.region_code, 6)
				WHERE r.offer_id = ? ORDER BY (r.state = 'REQUESTED') DESC, r.id DESC""")
			.param(offerId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("need_id"), rs.getInt("position"), rs.getInt("quantity"), rs.getString("state"),
					(Long) rs.getObject("pledge_id"), rs.getTimestamp("requested_at").toInstant(), rs.getBoolean("substitute"), rs.getString("place")))
			.list();
		// the needs' titles, lines and households from the need module, all at once
		Map<Long, NeedPledging.Open> asked = needs.getAll(rows.stream().map(Row::needId).distinct().toList());
		Map<Long, List<String>> names = households.memberNames(householdsOf(asked.values()));
		return rows.stream().filter(r -> asked.containsKey(r.needId())).map(r -> {
			NeedPledging.Open need = asked.get(r.needId());
			NeedItem item = line(need, r.position());
			List<String> n = names.get(need.householdId());
			return new RequestRow(r.id(), r.needId(), PublicText.mask(need.title(), n), r.place(), item == null ? null : PublicText.mask(item.name(), n),
					item == null ? null : item.unit(), r.quantity(), r.state(), r.pledgeId(), r.requestedAt(), r.substitute());
		}).toList();
	}

	private static List<Long> householdsOf(Collection<NeedPledging.Open> needs) {
		return needs.stream().map(NeedPledging.Open::householdId).filter(Objects::nonNull).distinct().toList();
	}

	/** The need's line at the position, or null when it has none there (as the LEFT JOIN it replaces answered). */
	private static NeedItem line(NeedPledging.Open need, int position) {
		return position >= 0 && position < need.items().size() ? need.items().get(position) : null;
	}

	/** What the pages need to know of a request to answer a repeated tap: where it belongs, who asked, how it was decided. */
	public record RequestState(long id, long offerId, long needId, long requestedBy, int quantity, String state, Long pledgeId) {
	}

	public Optional<RequestState> request(long requestId) {
		return jdbc.sql("SELECT id, offer_id, need_id, requested_by, quantity, state, pledge_id FROM offer_request WHERE id = ?")
			.param(requestId)
			.query(OfferViews::state)
			.optional();
	}

	public Optional<RequestState> request(long offerId, long needId, int position) {
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
	public boolean mayAsk(BangfuUser user) {
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
	public Candidates candidates(BangfuUser user, Offers.Offer offer, boolean others) {
		NeedReach reach = NeedReach.of(households, user);
		if (reach == null) {
			return new Candidates(List.of(), false);
		}
		// a need's line is asked for once per offer: the lines asked for already stay out
		Map<Long, Set<Integer>> asked = new HashMap<>();
		jdbc.sql("SELECT need_id, position FROM offer_request WHERE offer_id = ?")
			.param(offer.id())
			.query(rs -> {
				asked.computeIfAbsent(rs.getLong("need_id"), k -> new java.util.HashSet<>()).add(rs.getInt("position"));
			});
		// the same test as OfferAsking.fits (an offer without a kind fits by its item name)
		String kind = offer.kind() == null ? "" : offer.kind();
		String itemName = offer.itemName().strip();
		List<NeedPledging.Open> picked = needs.openWithLines(new NeedPledging.LineQuery(offer.category(), reach.prefixes(), reach.householdId(),
				offer.regionPrefixes(), others ? null : kind, others ? null : itemName, asked, CANDIDATE_NEEDS + 1));
		Map<String, String> places = places(picked.stream().map(NeedPledging.Open::regionCode).distinct().toList());
		List<Candidate> found = new ArrayList<>();
		for (NeedPledging.Open n : picked) {
			List<CandidateItem> items = new ArrayList<>();
			for (int position = 0; position < n.items().size(); position++) {
				NeedItem i = n.items().get(position);
				boolean fits = kind.equals(i.kind()) || itemName.equals(i.name().strip());
				if (i.remainingQuantity() > 0 && !asked.getOrDefault(n.id(), Set.of()).contains(position) && (others || fits)) {
					items.add(new CandidateItem(position, i.name(), i.kind(), i.unit(), i.remainingQuantity(), fits));
				}
			}
			if (!items.isEmpty()) {
				found.add(new Candidate(n.id(), n.title(), places.get(n.regionCode()), items));
			}
		}
		boolean more = found.size() > CANDIDATE_NEEDS;
		return new Candidates(more ? found.subList(0, CANDIDATE_NEEDS) : found, more);
	}

	/** Township · village of each region code (the village only for a village's code). */
	private Map<String, String> places(Collection<String> codes) {
		Map<String, String> places = new HashMap<>();
		jdbc.sql("""
				SELECT p.code, concat_ws(' · ', t.name, CASE WHEN length(p.code) = 12 THEN v.name END) AS place
				FROM unnest(CAST(? AS text[])) AS p(code)
				LEFT JOIN region v ON v.code = p.code LEFT JOIN region t ON t.code = left(p.code, 9)""")
			.param(codes.toArray(String[]::new))
			.query(rs -> {
				places.put(rs.getString("code"), rs.getString("place"));
			});
		return places;
	}

	/** A request made for one of the caller's needs, as its asker follows it. */
	record Asked(long id, long needId, String needTitle, String item, String unit, int quantity, String state, Long pledgeId,
			boolean substitute) {
	}

	/** The requests under this offer for needs the caller reaches (their scope, or their household's own), newest first. */
	public List<Asked> askedFor(BangfuUser user, long offerId) {
		NeedReach reach = NeedReach.of(households, user);
		if (reach == null) {
			return List.of();
		}
		record Row(long id, long needId, int position, String regionCode, int quantity, String state, Long pledgeId, boolean substitute) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, need_id, position, region_code, quantity, state, pledge_id, substitute
				FROM offer_request WHERE offer_id = ? ORDER BY id DESC""")
			.param(offerId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("need_id"), rs.getInt("position"), rs.getString("region_code"),
					rs.getInt("quantity"), rs.getString("state"), (Long) rs.getObject("pledge_id"), rs.getBoolean("substitute")))
			.list();
		// the needs from the need module at once; the reach is checked on them (a household's own needs are known by the need)
		Map<Long, NeedPledging.Open> asked = needs.getAll(rows.stream().map(Row::needId).distinct().toList());
		return rows.stream()
			.filter(r -> asked.containsKey(r.needId()) && reach.reaches(r.regionCode(), asked.get(r.needId()).householdId()))
			.map(r -> {
				NeedPledging.Open need = asked.get(r.needId());
				NeedItem item = line(need, r.position());
				return new Asked(r.id(), r.needId(), need.title(), item == null ? null : item.name(), item == null ? null : item.unit(),
						r.quantity(), r.state(), r.pledgeId(), r.substitute());
			})
			.toList();
	}
}
