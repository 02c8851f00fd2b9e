package org.bangfu.need;

import java.util.Optional;

import org.bangfu.account.Accounts;
import org.bangfu.household.Households;
import org.bangfu.notify.Notices;
import org.springframework.stereotype.Component;

/**
 * Telling the people of a need what happened to it: its poster (often the village officer, who keeps
 * getting every notice) and the household it is for, in words of its own, when the household has a
 * platform account. Only an account's own phone gets the SMS: the registry's phone of a household
 * without an account is never texted, it never asked for that.
 */
@Component
public class NeedNotices {

	/** Where a household's notices lead: its home, where it sees all its needs and what is on its way. */
	public static final String HOUSEHOLD_HOME = "/me/household";

	private final Households households;

	private final Accounts accounts;

	private final Notices notices;

	NeedNotices(Households households, Accounts accounts, Notices notices) {
		this.households = households;
		this.accounts = accounts;
		this.notices = notices;
	}

	/**
	 * Tells the poster {@code toPoster} and the household's account {@code toHousehold}; a household
	 * that posted its own need is told once, in the poster's words. Whoever did it ({@code actor},
	 * may be null) is not told of their own act. The poster's notice links to {@code link}, the
	 * household's to its home.
	 */
	public void tell(long posterId, Long householdId, Notices.Message toPoster, Notices.Message toHousehold, String link, Long actor) {
		Optional<Long> household = households.accountOf(householdId);
		if (household.isPresent() && household.get() != posterId && !household.get().equals(actor)) {
			tellAccount(household.get(), toHousehold, HOUSEHOLD_HOME);
		}
		if (!Long.valueOf(posterId).equals(actor)) {
			tellAccount(posterId, toPoster, link);
		}
	}

	/** Tells the household's own account only (nothing when it has none). */
	public void tellHousehold(Long householdId, Notices.Message message) {
		households.accountOf(householdId).ifPresent(account -> tellAccount(account, message, HOUSEHOLD_HOME));
	}

	/** Tells staff accounts (the managers who decide next), each once. */
	void tellAccounts(java.util.Collection<Long> accountIds, Notices.Message message, String link) {
		accountIds.stream().distinct().forEach(account -> tellAccount(account, message, link));
	}

	private void tellAccount(long accountId, Notices.Message message, String link) {
		notices.tell(accountId, accounts.phoneOf(accountId), message, link);
	}
}
