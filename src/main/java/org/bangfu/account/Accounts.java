package org.bangfu.account;

import org.bangfu.shared.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Stations;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and their grants: the account module's public API. Phones and ID numbers are stored
 * encrypted and looked up by their keyed hash; passwords as bcrypt hashes.
 */
@Component
public class Accounts {

	private static final String COLUMNS = "id, phone_cipher, name, password_hash, donor_type, credit_code, locked_until, sessions_valid_after, registered_by";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final PasswordEncoder passwords;

	private final Stations stations;

	private final Clock clock;

	Accounts(JdbcClient jdbc, PersonalData personalData, PasswordEncoder passwords, Stations stations, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.passwords = passwords;
		this.stations = stations;
		this.clock = clock;
	}

	/** What a new account starts with; the phone and password may be absent (proxy registration, invitations). */
	public record NewAccount(String phone, String name, String rawPassword, DonorType donorType, String creditCode,
			String idNumber, Long registeredBy) {
	}

	public Optional<BangfuUser> findByPhone(String phone) {
		if (!PhoneNumbers.isValid(phone)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE phone_hash = ?")
			.param(personalData.lookupHash(PhoneNumbers.normalise(phone)))
			.query(this::row)
			.optional()
			.map(this::user);
	}

	public Optional<BangfuUser> findById(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(id).query(this::row).optional().map(this::user);
	}

	public boolean phoneTaken(String phone) {
		return jdbc.sql("SELECT count(*) FROM account WHERE phone_hash = ?")
			.param(personalData.lookupHash(PhoneNumbers.normalise(phone)))
			.query(Long.class)
			.single() > 0;
	}

	/** Creates an account; 409 when the phone or ID number already has one. */
	@Transactional
	public long create(NewAccount a) {
		String phone = a.phone() == null ? null : PhoneNumbers.normalise(a.phone());
		if (phone != null && phoneTaken(phone)) {
			throw new ConflictException("account.phone.taken");
		}
		byte[] idHash = a.idNumber() == null ? null : personalData.lookupHash(a.idNumber());
		if (idHash != null && jdbc.sql("SELECT count(*) FROM account WHERE id_number_hash = ?").param(idHash).query(Long.class).single() > 0) {
			throw new ConflictException("account.id-number.taken");
		}
		if (a.creditCode() != null && jdbc.sql("SELECT count(*) FROM account WHERE credit_code = ?").param(a.creditCode()).query(Long.class).single() > 0) {
			throw new ConflictException("account.credit-code.taken");
		}
		try {
			return insert(a, phone, idHash);
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			// two registrations at once: the unique indexes decide, and the loser hears why
			String m = String.valueOf(e.getMessage());
			throw new ConflictException(m.contains("credit_code") ? "account.credit-code.taken"
					: m.contains("id_number") ? "account.id-number.taken" : "account.phone.taken");
		}
	}

	private long insert(NewAccount a, String phone, byte[] idHash) {
		return jdbc.sql("""
				INSERT INTO account (phone_hash, phone_cipher, name, donor_type, credit_code, id_number_hash, id_number_cipher,
				                     password_hash, registered_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(phone == null ? null : personalData.lookupHash(phone), phone == null ? null : personalData.encrypt(phone),
					a.name().strip(), a.donorType() == null ? null : a.donorType().name(), a.creditCode(), idHash,
					a.idNumber() == null ? null : personalData.encrypt(a.idNumber()),
					a.rawPassword() == null ? null : passwords.encode(a.rawPassword()), a.registeredBy(),
					Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	/** Gives an account without a phone (registered on a household's behalf) its own phone and password. */
	@Transactional
	public void claim(long accountId, String phone, String rawPassword) {
		String normalised = PhoneNumbers.normalise(phone);
		if (phoneTaken(normalised)) {
			throw new ConflictException("account.phone.taken");
		}
		int changed = jdbc.sql("""
				UPDATE account SET phone_hash = ?, phone_cipher = ?, password_hash = ?
				WHERE id = ? AND phone_hash IS NULL""")
			.params(personalData.lookupHash(normalised), personalData.encrypt(normalised), passwords.encode(rawPassword), accountId)
			.update();
		if (changed == 0) {
			throw new ConflictException("household.account.already-claimed");
		}
	}

	/** The account's phone, for a notice by SMS; empty for an unclaimed household account. */
	public Optional<String> phoneOf(long accountId) {
		return findById(accountId).map(BangfuUser::phone).filter(p -> p != null && !p.isBlank());
	}

	public void changePassword(long accountId, String rawPassword) {
		jdbc.sql("UPDATE account SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?")
			.params(passwords.encode(rawPassword), accountId)
			.update();
	}

	/** Ends every session and token of the account that started before now ("log out everywhere"). */
	public void endAllSessions(long accountId) {
		Instant now = endWebSessions(accountId);
		jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL").params(Timestamp.from(now), accountId).update();
	}

	/** Ends the account's page sessions signed in before now; answers now. */
	Instant endWebSessions(long accountId) {
		Instant now = clock.instant();
		jdbc.sql("UPDATE account SET sessions_valid_after = ? WHERE id = ?").params(Timestamp.from(now), accountId).update();
		return now;
	}

	/**
	 * Records a grant. A staff role opens the station at its region if there is none yet. Whether
	 * the granter may grant it is {@link GrantPolicy}'s question, asked by {@link StaffGrants}.
	 */
	@Transactional
	public long grant(long accountId, Role role, Region region, Long grantedBy) {
		if (role.isStaff() && region == null) {
			throw new BadInputException("grant.scope-required");
		}
		if (region != null && role.isStaff()) {
			stations.openAt(region);
		}
		return jdbc.sql("""
				INSERT INTO role_grant (account_id, role, region_code, granted_by, granted_at)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (account_id, role, coalesce(region_code, '')) WHERE revoked_at IS NULL DO UPDATE SET role = EXCLUDED.role
				RETURNING id""")
			.params(accountId, role.name(), region == null ? null : region.code(), grantedBy, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
	}

	/** Accounts holding an active staff grant inside the region's subtree. */
	public long countStaffWithin(Region scope) {
		Scope in = Scope.of(scope);
		return in.bind(jdbc.sql("""
				SELECT count(DISTINCT account_id) FROM role_grant
				WHERE revoked_at IS NULL AND %s
				  AND role IN ('CITY_ADMIN', 'COUNTY_ADMIN', 'TOWNSHIP_MANAGER', 'VILLAGE_OFFICER')""".formatted(in.sql("region_code"))))
			.query(Long.class)
			.single();
	}

	/** The accounts holding an active staff grant at exactly the region (a station's own staff), in grant order. */
	public List<Long> staffAt(String regionCode) {
		return jdbc.sql("""
				SELECT account_id FROM role_grant
				WHERE revoked_at IS NULL AND region_code = ? AND role IN ('CITY_ADMIN', 'COUNTY_ADMIN', 'TOWNSHIP_MANAGER', 'VILLAGE_OFFICER')
				GROUP BY account_id ORDER BY min(granted_at), account_id""")
			.param(regionCode)
			.query(Long.class)
			.list();
	}

	/** An account's name and donor type: what lists show of whoever did something (nothing decrypted). */
	public record Named(long id, String name, DonorType donorType) {

		/** A person, or an account that never said (a household's, staff's): whose name public pages mask. */
		public boolean person() {
			return donorType == null || donorType == DonorType.INDIVIDUAL;
		}
	}

	/** The names and donor types of many accounts in one query; ids without an account are missing. */
	public Map<Long, Named> namedOf(Collection<Long> ids) {
		Map<Long, Named> named = new HashMap<>();
		if (ids.isEmpty()) {
			return named;
		}
		jdbc.sql("SELECT id, name, donor_type FROM account WHERE id = ANY(?)")
			.param(ids.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				String type = rs.getString("donor_type");
				named.put(rs.getLong("id"), new Named(rs.getLong("id"), rs.getString("name"), type == null ? null : DonorType.valueOf(type)));
			});
		return named;
	}

	/** The names of many accounts in one query; ids without an account are missing. */
	public Map<Long, String> namesOf(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		namedOf(ids).forEach((id, n) -> names.put(id, n.name()));
		return names;
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getBytes("phone_cipher"), rs.getString("name"), rs.getString("password_hash"),
				rs.getString("donor_type"), rs.getString("credit_code"), instant(rs, "locked_until"),
				instant(rs, "sessions_valid_after"), (Long) rs.getObject("registered_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private BangfuUser user(Row row) {
		List<Grant> grants = jdbc.sql("""
				SELECT g.id, g.role, g.granted_at, r.code, r.name, r.level, r.parent_code, r.prefix
				FROM role_grant g LEFT JOIN region r ON r.code = g.region_code
				WHERE g.account_id = ? AND g.revoked_at IS NULL
				ORDER BY g.id""")
			.param(row.id())
			.query((rs, n) -> new Grant(rs.getLong("id"), Role.valueOf(rs.getString("role")),
					rs.getString("code") == null ? null : Regions.region(rs, n), rs.getTimestamp("granted_at").toInstant()))
			.list();
		return new BangfuUser(row.id(), row.phoneCipher() == null ? null : personalData.decrypt(row.phoneCipher()), row.name(),
				row.passwordHash(), row.donorType() == null ? null : DonorType.valueOf(row.donorType()), row.creditCode(), grants,
				row.lockedUntil(), row.sessionsValidAfter(), row.registeredBy(), clock.instant());
	}

	private record Row(long id, byte[] phoneCipher, String name, String passwordHash, String donorType, String creditCode,
			Instant lockedUntil, Instant sessionsValidAfter, Long registeredBy) {
	}
}
