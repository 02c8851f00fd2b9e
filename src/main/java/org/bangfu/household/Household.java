package org.bangfu.household;

/**
 * A 建档立卡 household of the registry. Identity numbers and phones travel only masked; the full
 * values are read through {@link Households#reveal}, which logs the view.
 */
public record Household(long id, String householdNumber, String regionCode, String regionName, String headName,
		String maskedHeadId, int memberCount, String povertyCause, boolean lifted, Integer liftedYear, String maskedPhone,
		Long accountId) {

	public boolean registered() {
		return accountId != null;
	}
}
