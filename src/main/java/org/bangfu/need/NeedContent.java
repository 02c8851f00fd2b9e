package org.bangfu.need;

import java.time.LocalDate;
import java.util.List;

/** What the poster writes and may edit while a need is a draft or rejected. */
public record NeedContent(NeedCategory category, String title, String story, List<NeedItem> items, Urgency urgency,
		LocalDate neededBy, ProductSale sale) {

	public int totalQuantity() {
		return items.stream().mapToInt(NeedItem::quantity).sum();
	}

	public long totalValueFen() {
		return items.stream().mapToLong(NeedItem::valueFen).sum();
	}
}
