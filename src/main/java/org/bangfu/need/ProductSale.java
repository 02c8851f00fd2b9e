package org.bangfu.need;

import java.time.LocalDate;

/**
 * What a 特色产品销售 need sells: the product, its price per unit in fen, its production cycle, and the
 * sales window from the harvest month to the last month it is sold (a window may run over the new
 * year, e.g. 11 to 2). Outside its window a product-sales need is not pledgeable.
 */
public record ProductSale(String product, long priceFen, String productionCycle, int fromMonth, int toMonth) {

	public boolean inWindow(int month) {
		return fromMonth <= toMonth ? month >= fromMonth && month <= toMonth : month >= fromMonth || month <= toMonth;
	}

	/** The day the window next opens, or null when today lies in it. */
	public LocalDate opensOn(LocalDate today) {
		if (inWindow(today.getMonthValue())) {
			return null;
		}
		LocalDate start = today.withDayOfMonth(1).withMonth(fromMonth);
		return start.isAfter(today) ? start : start.plusYears(1);
	}

	/**
	 * SQL: the need (table alias) is not a product sale, or its sales window holds the month; for the
	 * queries that offer needs to be pledged (list badges, recommendations, campaigns).
	 */
	public static String windowHoldsSql(String alias, int month) {
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("month " + month);
		}
		return ("(%1$s.category <> 'PRODUCT_SALES' OR CASE WHEN %1$s.sales_from_month <= %1$s.sales_to_month"
				+ " THEN %2$d BETWEEN %1$s.sales_from_month AND %1$s.sales_to_month"
				+ " ELSE %2$d >= %1$s.sales_from_month OR %2$d <= %1$s.sales_to_month END)").formatted(alias, month);
	}
}
