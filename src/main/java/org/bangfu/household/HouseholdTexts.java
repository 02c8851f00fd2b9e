package org.bangfu.household;

import java.util.Optional;

import org.bangfu.account.Accounts;
import org.bangfu.notify.Sms;
import org.bangfu.shared.Masking;
import org.bangfu.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A text message to a household's phone on record, for the one purpose a household is texted without having asked for
 * platform notices: the code that confirms a need posted on its behalf (issue 16). The phone never leaves this module:
 * the caller learns only whether it was sent and to which masked number. The household account's own phone comes first
 * (the household chose it), else the registry's phone.
 */
@Component
public class HouseholdTexts {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Accounts accounts;

	private final Sms sms;

	HouseholdTexts(JdbcClient jdbc, PersonalData personalData, Accounts accounts, Sms sms) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.accounts = accounts;
		this.sms = sms;
	}

	/** Sends the text; the masked number it went to, or empty when the household has no phone on record. */
	public Optional<String> send(long householdId, String text) {
		Optional<String> phone = phoneOnRecord(householdId);
		phone.ifPresent(p -> sms.send(p, text));
		return phone.map(Masking::phone);
	}

	/** Whether the household has a phone to text at all. */
	public boolean hasPhone(long householdId) {
		return phoneOnRecord(householdId).isPresent();
	}

	private Optional<String> phoneOnRecord(long householdId) {
		record Row(Long accountId, byte[] cipher) {
		}
		Optional<Row> row = jdbc.sql("SELECT account_id, phone_cipher FROM household WHERE id = ?")
			.param(householdId)
			.query((rs, n) -> new Row((Long) rs.getObject("account_id"), rs.getBytes("phone_cipher")))
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> own = row.get().accountId() == null ? Optional.empty() : accounts.phoneOf(row.get().accountId());
		if (own.isPresent() && !own.get().isBlank()) {
			return own;
		}
		return row.get().cipher() == null ? Optional.empty() : Optional.of(personalData.decrypt(row.get().cipher()));
	}
}
