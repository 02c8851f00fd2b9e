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
				n.remainingQuantity(), n.content().totalValueFen(), n.content().title(), n.onSaleFrom(clock.instant()));
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
		need.pledge(wanted, by, at);
		needs.save(need);
		return new Taken(needId, need.regionCode(), need.householdId(), wanted, wanted.values().stream().mapToInt(Integer::intValue).sum(),
				value(need, wanted), need.state());
	}

	private static Map<Integer, Integer> spread(Need need, Integer quantity) {
		if (quantity == null || quantity <= 0) {
			throw new BadInputException("pledge.quantity-positive");
		}
		if (quantity > need.remainingQuantity()) {
			throw new ConflictException("pledge.more-than-remains-total", need.remainingQuantity());
		}
		Map<Integer, Integer> wanted = new LinkedHashMap<>();
		int left = quantity;
		List<NeedItem> items = need.content().items();
		for (int p = 0; p < items.size() && left > 0; p++) {
			int take = Math.min(left, items.get(p).remainingQuantity());
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
			if (item.remainingQuantity() == 0 || item.valueFen() == 0) {
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

	/** The estimated value of quantities of the items, pro rata of each line's value (fen, rounded down). */
	static long value(Need need, Map<Integer, Integer> byPosition) {
		long sum = 0;
		for (Map.Entry<Integer, Integer> e : byPosition.entrySet()) {
			NeedItem item = need.content().items().get(e.getKey());
			sum += item.valueFen() * e.getValue() / item.quantity();
		}
		return sum;
	}
}
