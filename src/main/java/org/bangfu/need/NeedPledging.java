package org.bangfu.need;

import org.bangfu.shared.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bangfu.shared.BadInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the pledge, offer and campaign modules ask of a need: read it as they see it, and take quantities for a
 * pledge. Taking locks the need's row first, so concurrent pledges on one need queue up and none can take what another
 * just took: the need's remaining quantity is the invariant (need_item's CHECK stands behind it), kept synchronous in
 * the caller's transaction. Everything after the taking (sent, arrived, given back, rated) reaches the need as a pledge
 * event, see {@link PledgeProgress}.
 */
@Component
public class NeedPledging {

	private final Needs needs;

	private final JdbcClient jdbc;

	private final Clock clock;

	NeedPledging(Needs needs, JdbcClient jdbc, Clock clock) {
		this.needs = needs;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What a pledge took: quantities by item position, their sum and their estimated value. */
	public record Taken(long needId, String regionCode, Long householdId, Map<Integer, Integer> byPosition, int quantity, long valueFen,
			NeedState needState) {
	}

	/**
	 * A need as the matching module sees it; {@code onSaleFrom} is the day a product sale outside its
	 * sales window may be pledged again (null: the window does not stand in the way).
	 */
	public record Open(long id, String regionCode, NeedCategory category, Long householdId, long posterId, NeedState state,
			List<NeedItem> items, int remainingQuantity, long totalValueFen, String title, LocalDate onSaleFrom) {

		/** Open to pledges now: in an open state, something left, and in its sales window. */
		public boolean pledgeable() {
			return NeedState.OPEN.contains(state) && remainingQuantity > 0 && onSaleFrom == null;
		}
	}

	/** The current month (1–12) where the city is, for {@link ProductSale#windowHoldsSql}. */
	public int currentMonth() {
		return LocalDate.ofInstant(clock.instant(), Need.ZONE).getMonthValue();
	}

	public Open get(long needId) {
		return open(needs.get(needId));
	}

	/** Many needs at once (two queries), by id; ids that do not exist are missing. */
	public Map<Long, Open> getAll(List<Long> needIds) {
		Map<Long, Open> all = new LinkedHashMap<>();
		needs.findAll(needIds).forEach((id, n) -> all.put(id, open(n)));
		return all;
	}

	private Open open(Need n) {
		return new Open(n.id(), n.regionCode(), n.content().category(), n.householdId(), n.posterId(), n.state(), n.content().items(),
				n.remainingQuantity(), n.content().totalValueFen(), n.content().title(), n.content().onSaleFrom(clock.instant()));
	}

	/** The need, its row locked until the transaction ends. */
	Need locked(long needId) {
		jdbc.sql("SELECT id FROM need WHERE id = ? FOR UPDATE").param(needId).query(Long.class).optional()
			.orElseThrow(() -> new org.bangfu.shared.NotFoundException("need.not-found"));
		return needs.get(needId);
	}

	/**
	 * Takes either explicit quantities by item position, or a plain quantity spread over the items in their order (what
	 * remains of the first item first), or what an amount of money buys. {@code admit} sees the need as it is under the
	 * lock and refuses (by throwing) a pledger the caller's rules do not let pledge it: one load of the need for the step.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Taken take(long needId, Consumer<Open> admit, Integer quantity, Map<Integer, Integer> byPosition, Long amountFen, Long by,
			Instant at) {
		Need need = locked(needId);
		admit.accept(open(need));
		Map<Integer, Integer> wanted = byPosition != null && !byPosition.isEmpty() ? byPosition
				: amountFen != null ? forAmount(need, amountFen) : spread(need, quantity);
		need.pledge(wanted, false, by, at);
		needs.save(need);
		return new Taken(needId, need.regionCode(), need.householdId(), wanted, wanted.values().stream().mapToInt(Integer::intValue).sum(),
				value(need, wanted), need.state());
	}

	private static Map<Integer, Integer> spread(Need need, Integer quantity) {
		if (quantity == null || quantity <= 0) {
			throw new BadInputException("pledge.quantity-positive");
		}
		int goodsLeft = need.content().items().stream().filter(i -> !i.money()).mapToInt(NeedItem::remainingQuantity).sum();
		if (quantity > goodsLeft) {
			throw new ConflictException("pledge.more-than-remains-total", goodsLeft);
		}
		Map<Integer, Integer> wanted = new LinkedHashMap<>();
		int left = quantity;
		List<NeedItem> items = need.content().items();
		for (int p = 0; p < items.size() && left > 0; p++) {
			int take = items.get(p).money() ? 0 : Math.min(left, items.get(p).remainingQuantity());
			if (take > 0) {
				wanted.put(p, take);
				left -= take;
			}
		}
		return wanted;
	}

	/**
	 * An amount of money turned into whole units: from the items in their order, as many of what remains
	 * as the amount still covers (a unit's value pro rata of its line, as a pledge counts it). Items of no
	 * stated value are not bought with money.
	 */
	private static Map<Integer, Integer> forAmount(Need need, long amountFen) {
		if (amountFen <= 0) {
			throw new BadInputException("pledge.amount-positive");
		}
		Map<Integer, Integer> wanted = new LinkedHashMap<>();
		long left = amountFen;
		long cheapest = Long.MAX_VALUE;
		List<NeedItem> items = need.content().items();
		for (int p = 0; p < items.size(); p++) {
			NeedItem item = items.get(p);
			if (item.remainingQuantity() == 0 || item.valueFen() == 0 || item.money()) {
				continue;
			}
			cheapest = Math.min(cheapest, Math.max(1, item.valueFen() / item.quantity()));
			int k = (int) Math.min(item.remainingQuantity(), left * item.quantity() / item.valueFen());
			while (k < item.remainingQuantity() && item.valueFen() * (k + 1) / item.quantity() <= left) {
				k++;
			}
			if (k > 0) {
				wanted.put(p, k);
				left -= item.valueFen() * k / item.quantity();
			}
		}
		if (wanted.isEmpty()) {
			if (cheapest == Long.MAX_VALUE) {
				throw new ConflictException("pledge.more-than-remains-total", need.remainingQuantity());
			}
			throw new BadInputException("pledge.amount-too-small", org.bangfu.shared.Money.yuan(cheapest));
		}
		return wanted;
	}

	/**
	 * The fund pledges a money line whose gifts now cover it: the whole line, by the fund's account, in the caller's
	 * transaction. Refused (409) when the line is no money line, is already pledged or the need is no longer open.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Taken takeMoneyLine(long needId, int position, long by, Instant at) {
		Need need = locked(needId);
		Map<Integer, Integer> wanted = Map.of(position, 1);
		need.pledge(wanted, true, by, at);
		needs.save(need);
		return new Taken(needId, need.regionCode(), need.householdId(), wanted, 1, value(need, wanted), need.state());
	}

	/** The estimated value of quantities of the items, pro rata of each line's value (fen, rounded down). */
	static long value(Need need, Map<Integer, Integer> byPosition) {
		long sum = 0;
		for (Map.Entry<Integer, Integer> e : byPosition.entrySet()) {
			NeedItem item = need.content().items().get(e.getKey());
			sum += item.valueFen() * e.getValue() / item.quantity();
		}
		return sum;
	}

	/** Many needs in the order of their ids (ids that do not exist left out): {@link #getAll} for an ordered list. */
	private List<Open> inOrder(List<Long> ids) {
		Map<Long, Open> found = getAll(ids);
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * The needs open for pledging inside the scope, of the categories (empty: all), with a line still open, product
	 * sales only in their sales window in the given month (1–12); by id. What a campaign may fund.
	 */
	public List<Open> pledgeableWithin(org.bangfu.region.Scope scope, List<NeedCategory> categories, int month) {
		List<Long> ids = scope.bind(jdbc.sql("""
				SELECT n.id FROM need n
				WHERE n.state IN ('PUBLISHED', 'PARTLY_PLEDGED') AND %s
				  AND (cardinality(CAST(:categories AS text[])) = 0 OR n.category = ANY (CAST(:categories AS text[])))
				  AND %s
				  AND EXISTS (SELECT 1 FROM need_item i WHERE i.need_id = n.id AND i.pledged_quantity < i.quantity)
				ORDER BY n.id""".formatted(scope.sql("n.region_code"), ProductSale.windowHoldsSql("n", month))))
			.param("categories", categories.stream().map(Enum::name).toArray(String[]::new))
			.query(Long.class)
			.list();
		return inOrder(ids);
	}

	/**
	 * Which open needs {@link #openWithLines} looks for: of the category, in one of {@code reach}'s regions (by
	 * prefix) or of the household {@code householdId} (null: none), inside one of {@code area}'s regions (empty:
	 * anywhere), with a line still open that {@code leaveOut} (need id → positions) does not name and that is of
	 * {@code kind} or named {@code itemName} (both null: any line); at most {@code limit}.
	 */
	public record LineQuery(NeedCategory category, List<String> reach, Long householdId, List<String> area, String kind, String itemName,
			Map<Long, ? extends java.util.Collection<Integer>> leaveOut, int limit) {
	}

	/** The open needs (published, partly pledged) the query asks for, the most urgent and longest waiting first. */
	public List<Open> openWithLines(LineQuery q) {
		List<Object> params = new java.util.ArrayList<>();
		params.add(q.category().name());
		List<String> reach = new java.util.ArrayList<>();
		for (String prefix : q.reach()) {
			reach.add(prefixMatch("n.region_code", prefix));
			params.add(prefix);
		}
		if (q.householdId() != null) {
			reach.add("n.household_id = ?");
			params.add(q.householdId());
		}
		if (reach.isEmpty()) {
			return List.of();
		}
		List<String> area = new java.util.ArrayList<>();
		for (String prefix : q.area()) {
			area.add(prefixMatch("n.region_code", prefix));
			params.add(prefix);
		}
		List<Long> leftNeeds = new java.util.ArrayList<>();
		List<Integer> leftPositions = new java.util.ArrayList<>();
		q.leaveOut().forEach((need, positions) -> positions.forEach(p -> {
			leftNeeds.add(need);
			leftPositions.add(p);
		}));
		params.add(leftNeeds.toArray(Long[]::new));
		params.add(leftPositions.toArray(Integer[]::new));
		boolean anyLine = q.kind() == null && q.itemName() == null;
		if (!anyLine) {
			params.add(q.kind());
			params.add(q.itemName() == null ? null : q.itemName().strip());
		}
		params.add(q.limit());
		// the left(code, n) = prefix form: the one the per-level open-need indexes (V11) answer
		List<Long> ids = jdbc.sql("""
				SELECT n.id FROM need n
				WHERE n.state IN ('PUBLISHED', 'PARTLY_PLEDGED') AND n.category = ? AND (%s)%s
				  AND EXISTS (SELECT 1 FROM need_item i WHERE i.need_id = n.id AND i.quantity > i.pledged_quantity
				              AND NOT EXISTS (SELECT 1 FROM unnest(CAST(? AS bigint[]), CAST(? AS int[])) AS l(need_id, position)
				                              WHERE l.need_id = i.need_id AND l.position = i.position)%s)
				ORDER BY n.urgency DESC, n.published_at, n.id LIMIT ?""".formatted(String.join(" OR ", reach),
						area.isEmpty() ? "" : " AND (" + String.join(" OR ", area) + ")",
						anyLine ? "" : " AND (coalesce(i.kind = ?, false) OR btrim(i.name) = ?)"))
			.params(params)
			.query(Long.class)
			.list();
		return inOrder(ids);
	}

	/** left(code, n) = prefix; a village's code is compared whole. */
	private static String prefixMatch(String column, String prefix) {
		return prefix.length() >= 12 ? column + " = ?" : "left(" + column + ", " + prefix.length() + ") = ?";
	}
}
