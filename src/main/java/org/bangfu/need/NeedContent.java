package org.bangfu.need;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;

/** What the poster writes and may edit while a need is a draft or rejected. */
public record NeedContent(NeedCategory category, String title, String story, List<NeedItem> items, Urgency urgency,
		LocalDate neededBy, ProductSale sale) {

	public int totalQuantity() {
		return items.stream().mapToInt(NeedItem::quantity).sum();
	}

	public long totalValueFen() {
		return items.stream().mapToLong(NeedItem::valueFen).sum();
	}

	/** A product sale outside its sales window: the day it opens again; null when it may be pledged as far as the window goes. */
	LocalDate onSaleFrom(java.time.Instant at) {
		return category != NeedCategory.PRODUCT_SALES || sale == null ? null : sale.opensOn(LocalDate.ofInstant(at, Need.ZONE));
	}

	/** Refuses (409) a pledge of a product sale outside its sales window. */
	void refuseOutsideSale(java.time.Instant at) {
		LocalDate opens = onSaleFrom(at);
		if (opens != null) {
			throw new ConflictException("pledge.sale-window", sale.fromMonth(), sale.toMonth(), opens.getMonthValue(), opens.getDayOfMonth());
		}
	}

	/** Refuses (409) a goods pledge of a money line, or the fund's pledge of a goods line. */
	void refuseOtherLines(Map<Integer, Integer> byPosition, boolean throughFund) {
		for (int position : byPosition.keySet()) {
			if (position >= 0 && position < items.size() && items.get(position).money() != throughFund) {
				throw new ConflictException(throughFund ? "pledge.not-money-line" : "pledge.money-line", items.get(position).name());
			}
		}
	}

	/**
	 * The content with quantities (by item position) taken for a pledge ({@code sign} +1) or given back (-1). Refused when
	 * an item does not exist (400) or more is asked than remains of it (409).
	 */
	NeedContent withPledged(Map<Integer, Integer> byPosition, int sign) {
		List<NeedItem> changed = new ArrayList<>(items);
		for (Map.Entry<Integer, Integer> e : byPosition.entrySet()) {
			int position = e.getKey();
			int quantity = e.getValue();
			if (position < 0 || position >= changed.size()) {
				throw new BadInputException("pledge.item-unknown", position);
			}
			if (quantity <= 0) {
				throw new BadInputException("pledge.quantity-positive");
			}
			NeedItem i = changed.get(position);
			int pledged = i.pledgedQuantity() + sign * quantity;
			if (pledged > i.quantity()) {
				throw new ConflictException("pledge.more-than-remains", i.name(), i.remainingQuantity(), i.unit());
			}
			if (pledged < 0) {
				throw new IllegalStateException("releasing more of item " + position + " than was pledged");
			}
			changed.set(position, i.pledged(pledged));
		}
		return new NeedContent(category, title, story, List.copyOf(changed), urgency, neededBy, sale);
	}
}
