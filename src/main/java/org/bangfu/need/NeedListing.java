package org.bangfu.need;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bangfu.household.Households;
import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.bangfu.shared.Masking;
import org.bangfu.shared.database.ReplicaReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public list of open needs: filtered by region (any level, by code prefix), category, urgency and
 * a Chinese keyword, most urgent and longest waiting first, 20 a page. It never counts all matches
 * (that would read them all): a page says only whether another follows. Masked: the beneficiary
 * appears as 张*山家, with no cause of poverty and no address below the village.
 */
@Component
public class NeedListing {

	public static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;

	private final Households households;

	private final Clock clock;

	private final ReplicaReads reads;

	NeedListing(JdbcClient jdbc, Households households, Clock clock, ReplicaReads reads) {
		this.reads = reads;
		this.jdbc = jdbc;
		this.households = households;
		this.clock = clock;
	}

	/**
	 * What the list shows of a need. Progress is by value ({@code pledgedValueFen} of {@code totalValueFen},
	 * each line's value pro rata of its pledged quantity), or for a need of no stated value the mean share of
	 * its lines ({@code lineShare}, percent): quantities in different units are never added up.
	 * {@code onSaleFrom}: a product sale outside its sales window opens on that day (else null). {@code held}: verified and
	 * kept back by a campaign's publication hold until its launch (待集中发布, staff lists only).
	 */
	public record Card(long id, NeedState state, NeedCategory category, String title, String story, Urgency urgency, String regionCode, String place, String beneficiary,
			int totalQuantity, int pledgedQuantity, long totalValueFen, long pledgedValueFen, int lineShare, Instant publishedAt,
			Long householdId, LocalDate onSaleFrom, boolean held) implements NeedCard {

		Card with(String beneficiaryName, String maskedTitle, String maskedStory) {
			return new Card(id, state, category, maskedTitle, maskedStory, urgency, regionCode, place, beneficiaryName, totalQuantity,
					pledgedQuantity, totalValueFen, pledgedValueFen, lineShare, publishedAt, householdId, onSaleFrom, held);
		}

		@Override
		public int percentPledged() {
			return NeedProgress.percent(pledgedValueFen, totalValueFen, lineShare);
		}

		@Override
		public int remainingQuantity() {
			return totalQuantity - pledgedQuantity;
		}
	}

	public record Page(List<Card> cards, int page, boolean hasNext) {
	}

	public record Filter(Region region, NeedCategory category, Urgency urgency, String keyword) {
	}

	public Page open(Filter filter, int page) {
		return open(filter, page, PAGE_SIZE);
	}

	/** A page of {@code size} open needs (a region page shows the 5 most urgent, the list 20). */
	Page open(Filter filter, int page, int size) {
		int p = Math.max(0, Math.min(page, 500));
		StringBuilder where = new StringBuilder("n.state IN ('PUBLISHED', 'PARTLY_PLEDGED')");
		List<Object> params = new ArrayList<>();
		if (filter.region() != null && !filter.region().prefix().isEmpty()) {
			// not LIKE 'prefix%': each level's index (V11) answers left(region_code, length) = prefix in the list's order
			String prefix = filter.region().prefix();
			where.append(prefix.length() >= 12 ? " AND n.region_code = ?" : " AND left(n.region_code, " + prefix.length() + ") = ?");
			params.add(prefix);
		}
		if (filter.category() != null) {
			where.append(" AND n.category = ?");
			params.add(filter.category().name());
		}
		if (filter.urgency() != null) {
			where.append(" AND n.urgency = ?");
			params.add(filter.urgency().rank());
		}
		String keyword = NeedSearch.normalise(filter.keyword());
		if (!keyword.isEmpty()) {
			Set<String> pairs = NeedSearch.keywordPairs(keyword);
			for (String pair : pairs) {
				where.append(" AND n.search_pairs LIKE ?");
				params.add("% " + pair + " %");
			}
			where.append(" AND strpos(regexp_replace(lower(n.title || n.story), '\\s+', '', 'g'), ?) > 0");
			params.add(keyword);
		}
		params.add(size + 1);
		params.add(p * size);
		// the public list reads the replica when it may (ReplicaReads); the page then names the households from the primary
		List<Card> cards = reads.read(db -> db.sql(CARD_SELECT + """
				WHERE %s
				ORDER BY n.urgency DESC, n.published_at, n.id
				LIMIT ? OFFSET ?""".formatted(where))
			.params(params)
			.query(this::card)
			.list());
		boolean hasNext = cards.size() > size;
		return new Page(named(hasNext ? cards.subList(0, size) : cards, true), p, hasNext);
	}

	private static final String CARD_SELECT = """
			SELECT n.id, n.state, n.category, n.title, n.story, n.urgency, n.region_code, n.household_id, n.producer, n.total_quantity,
			       n.pledged_quantity, n.total_value_fen, n.published_at, n.product, n.price_fen, n.sales_from_month,
			       n.sales_to_month, n.held_by, pv.pledged_value_fen, pv.line_share,
			       concat_ws(' · ', c.name, CASE WHEN length(n.region_code) >= 9 THEN t.name END,
			                 CASE WHEN length(n.region_code) = 12 THEN v.name END) AS place
			FROM need n
			LEFT JOIN region v ON v.code = n.region_code
			LEFT JOIN region t ON t.code = left(n.region_code, 9)
			LEFT JOIN region c ON c.code = left(n.region_code, 6)
			CROSS JOIN LATERAL (SELECT coalesce(sum(i.value_fen * i.pledged_quantity / i.quantity), 0) AS pledged_value_fen,
			                           coalesce(floor(avg(i.pledged_quantity * 100 / i.quantity)), 0)::int AS line_share
			                    FROM need_item i WHERE i.need_id = n.id) pv
			""";

	/** The needs as the public list shows them (masked), in the order of {@code ids}; ids not found are left out. */
	List<Card> publicCards(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		java.util.Map<Long, Card> found = new java.util.HashMap<>();
		named(jdbc.sql(CARD_SELECT + " WHERE n.id = ANY(?)").param(ids.toArray(Long[]::new)).query(this::card).list(), true)
			.forEach(c -> found.put(c.id(), c));
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Staff: the needs of the region's subtree (already checked to be in scope) in one state or all, newest first. */
	public List<Card> inScope(Region scope, NeedState state, int page) {
		Scope in = Scope.of(scope);
		return named(in.bind(jdbc.sql(CARD_SELECT + """
				WHERE %s AND (:state = '' OR n.state = :state)
				ORDER BY n.updated_at DESC, n.id DESC LIMIT 50 OFFSET :offset""".formatted(in.sql("n.region_code"))))
			.param("state", state == null ? "" : state.name())
			.param("offset", Math.max(0, page) * 50)
			.query(this::card)
			.list(), false);
	}

	/**
	 * The account's own needs: what it posted and, for a household's account, every need of its
	 * household, whoever posted it on the household's behalf.
	 */
	public List<Card> own(org.bangfu.account.BangfuUser user) {
		Long household = user.has(org.bangfu.account.Role.HOUSEHOLD)
				? households.ofAccount(user.id()).map(org.bangfu.household.Household::id).orElse(null) : null;
		return own(user.id(), household);
	}

	/** A poster's or a household's own needs, newest first. */
	List<Card> own(long accountId, Long householdId) {
		return named(jdbc.sql(CARD_SELECT + """
				WHERE n.poster_id = :account OR n.household_id = :household
				ORDER BY n.updated_at DESC, n.id DESC LIMIT 200""")
			.param("account", accountId)
			.param("household", householdId == null ? -1L : householdId)
			.query(this::card)
			.list(), false);
	}

	/** How many needs of the region's subtree are in each state. */
	public java.util.Map<NeedState, Long> countsByState(Region scope) {
		java.util.Map<NeedState, Long> counts = new java.util.EnumMap<>(NeedState.class);
		Scope in = Scope.of(scope);
		in.bind(jdbc.sql("SELECT state, count(*) FROM need WHERE " + in.sql("region_code") + " GROUP BY state"))
			.query(rs -> {
				counts.put(NeedState.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * The household's head's masked name as the beneficiary, asked of the household module in one query for all the
	 * cards; for the public ({@code masked}) also the household members' names, ID and phone numbers in titles and
	 * stories masked (staff read them as written).
	 */
	private List<Card> named(List<Card> cards, boolean masked) {
		List<Long> ids = cards.stream().map(Card::householdId).filter(java.util.Objects::nonNull).distinct().toList();
		java.util.Map<Long, Households.PublicNames> names = households.publicNames(ids);
		return cards.stream().map(c -> {
			if (c.householdId() == null) {
				return masked ? c.with(c.beneficiary(), PublicText.mask(c.title(), List.of()), PublicText.mask(c.story(), List.of())) : c;
			}
			Households.PublicNames of = names.get(c.householdId());
			String beneficiary = beneficiary(c.householdId(), of == null ? null : of.head(), null, c.place());
			List<String> all = of == null ? List.of() : of.all();
			return masked ? c.with(beneficiary, PublicText.mask(c.title(), all), PublicText.mask(c.story(), all))
					: c.with(beneficiary, c.title(), c.story());
		}).toList();
	}

	static String beneficiary(Long householdId, String headName, String producer, String place) {
		if (householdId != null) {
			return Masking.name(headName) + "家";
		}
		return producer != null ? producer : place;
	}

	private Card card(ResultSet rs, int n) throws SQLException {
		String place = rs.getString("place");
		NeedCategory category = NeedCategory.valueOf(rs.getString("category"));
		LocalDate onSaleFrom = category != NeedCategory.PRODUCT_SALES || rs.getObject("sales_from_month") == null ? null
				: new ProductSale(rs.getString("product"), rs.getLong("price_fen"), null, rs.getInt("sales_from_month"),
						rs.getInt("sales_to_month")).opensOn(LocalDate.ofInstant(clock.instant(), Need.ZONE));
		return new Card(rs.getLong("id"), NeedState.valueOf(rs.getString("state")), category,
				rs.getString("title"), rs.getString("story"),
				Urgency.ofRank(rs.getInt("urgency")), rs.getString("region_code"), place,
				// a household's head is named by the household module afterwards (named)
				rs.getObject("household_id") == null ? beneficiary(null, null, rs.getString("producer"), place) : null,
				rs.getInt("total_quantity"), rs.getInt("pledged_quantity"), rs.getLong("total_value_fen"), rs.getLong("pledged_value_fen"),
				rs.getInt("line_share"), rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
				(Long) rs.getObject("household_id"), onSaleFrom, rs.getObject("held_by") != null && "VERIFIED".equals(rs.getString("state")));
	}
}
