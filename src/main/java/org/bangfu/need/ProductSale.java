package org.bangfu.need;

/**
 * What a 特色产品销售 need sells: the product, its price per unit in fen, its production cycle, and the
 * sales window from the harvest month to the last month it is sold (a window may run over the new
 * year, e.g. 11 to 2).
 */
public record ProductSale(String product, long priceFen, String productionCycle, int fromMonth, int toMonth) {

	public boolean inWindow(int month) {
		return fromMonth <= toMonth ? month >= fromMonth && month <= toMonth : month >= fromMonth || month <= toMonth;
	}
}
