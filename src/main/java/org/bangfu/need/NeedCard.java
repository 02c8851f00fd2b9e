package org.bangfu.need;

import java.time.Instant;

/**
 * An open need as the public list shows it (masked: the beneficiary as 张*山家, the place down to the
 * village), for other modules' pages that show needs with the list's card (templates need/parts :: card).
 */
public interface NeedCard {

	long id();

	NeedState state();

	NeedCategory category();

	String title();

	String story();

	Urgency urgency();

	String regionCode();

	String place();

	String beneficiary();

	int totalQuantity();

	int pledgedQuantity();

	long totalValueFen();

	long pledgedValueFen();

	/** A product sale outside its sales window opens on this day; null otherwise. */
	java.time.LocalDate onSaleFrom();

	Instant publishedAt();

	int percentPledged();

	int remainingQuantity();
}
