package org.bangfu.account;

import java.util.Optional;

import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who to talk to about a delivery, and their phone for those entitled to it. Phones are shown
 * masked; the full number is read only through {@link #revealPhone}, which records the view in the
 * operation log (who saw whose phone, where, when, from which address) in the same transaction.
 */
@Component
public class WorkContacts {

	private final Accounts accounts;

	private final OperationLog log;

	private final JdbcClient jdbc;

	WorkContacts(Accounts accounts, OperationLog log, JdbcClient jdbc) {
		this.accounts = accounts;
		this.log = log;
		this.jdbc = jdbc;
	}

	/** A person to contact: the name in full (the caller decides whether to mask it) and the phone masked. */
	public record Contact(long accountId, String name, String maskedPhone, Role role) {

		public boolean hasPhone() {
			return maskedPhone != null && !maskedPhone.isBlank();
		}
	}

	/** The account as a contact: its name and masked phone, and the staff role by which it covers the region (null for none). */
	public Optional<Contact> of(long accountId, String regionCode) {
		return accounts.findById(accountId).map(u -> new Contact(u.id(), u.name(), u.maskedPhone(), roleCovering(u, regionCode)));
	}

	/**
	 * The staff contact of something at the region: its poster while the poster is staff covering the region (the officer
	 * who posted the need), else the staff member working at exactly that region, a village officer before a township
	 * manager, the longest serving first.
	 */
	public Optional<Contact> officerFor(long posterId, String regionCode) {
		Optional<Contact> poster = of(posterId, regionCode).filter(c -> c.role() != null);
		if (poster.isPresent()) {
			return poster;
		}
		return jdbc.sql("""
				SELECT account_id FROM role_grant
				WHERE revoked_at IS NULL AND region_code = ? AND role IN ('VILLAGE_OFFICER', 'TOWNSHIP_MANAGER', 'COUNTY_ADMIN', 'CITY_ADMIN')
				ORDER BY CASE role WHEN 'VILLAGE_OFFICER' THEN 0 WHEN 'TOWNSHIP_MANAGER' THEN 1 WHEN 'COUNTY_ADMIN' THEN 2 ELSE 3 END,
				         granted_at, id
				LIMIT 1""")
			.param(regionCode)
			.query(Long.class)
			.optional()
			.flatMap(id -> of(id, regionCode));
	}

	/**
	 * The account's full phone for the viewer, logged as a view of personal data ({@code personal-data.view}). Whether the
	 * viewer may see it is the caller's question; 404 when the account has no phone.
	 */
	@Transactional
	public String revealPhone(long viewerId, long accountId, String regionCode, String why) {
		String phone = accounts.findById(accountId).map(BangfuUser::phone).filter(p -> !p.isBlank())
			.orElseThrow(() -> new NotFoundException("contact.no-phone"));
		log.record(viewerId, "personal-data.view", "account:" + accountId, regionCode, "PHONE " + why);
		return phone;
	}

	/** The lowest staff role by which the user covers the region: a village officer is 村信息员 there even if also a manager. */
	private static Role roleCovering(BangfuUser user, String regionCode) {
		return user.staffGrants().stream()
			.filter(g -> g.covers(regionCode))
			.map(Grant::role)
			.max(java.util.Comparator.comparingInt(Role::ordinal))
			.orElse(null);
	}
}
