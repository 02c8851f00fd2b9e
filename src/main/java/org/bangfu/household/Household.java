package org.bangfu.household;

/**
 * A 建档立卡 household of the registry, as far as accounts need it: its number, village, head and
 * the platform account linked to it (if any). The head's ID number stays encrypted; only its masked
 * form travels.
 */
public record Household(long id, String householdNumber, String regionCode, String regionName, String headName,
		String maskedHeadId, Long accountId) {

	public boolean registered() {
		return accountId != null;
	}
}
