package org.bangfu.need;

/** The categories of the city plan (DESIGN.md §2); the first three are the three guarantees (三保障). */
public enum NeedCategory {

	MEDICAL, EDUCATION, HOUSING, ORPHAN_CARE, ELDERLY_CARE, CENTRAL_SUPPORT, PRODUCT_SALES, VILLAGE, OTHER;

	/** The message key of the category's name. */
	public String label() {
		return "need.category." + name();
	}
}
