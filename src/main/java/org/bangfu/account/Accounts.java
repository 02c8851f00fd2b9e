package org.bangfu.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.region.Stations;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their grants. Phones are stored encrypted and looked up by their keyed hash. */
@Component
public class Accounts {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

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

	/** A mainland mobile number, blanks and a +86 prefix removed; 400 when it is not one. */
	public static String normalisePhone(String phone) {
		String p = phone == null ? "" : phone.replaceAll("[\\s-]", "");
		if (p.startsWith("+86")) {
			p = p.substring(3);
		}
		if (!MOBILE.matcher(p).matches()) {
			throw new BadInputException("account.phone.malformed");
		}
		return p;
	}

	public Optional<BangfuUser> findByPhone(String phone) {
		String normalised;
		try {
			normalised = normalisePhone(phone);
		}
		catch (BadInputException e) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, phone_cipher, name, password_hash, donor_type FROM account WHERE phone_hash = ?")
			.param(personalData.lookupHash(normalised))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getBytes("phone_cipher"), rs.getString("name"),
					rs.getString("password_hash"), rs.getString("donor_type")))
			.optional()
			.map(this::user);
	}

	public Optional<BangfuUser> findById(long id) {
		return jdbc.sql("SELECT id, phone_cipher, name, password_hash, donor_type FROM account WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getBytes("phone_cipher"), rs.getString("name"),
					rs.getString("password_hash"), rs.getString("donor_type")))
			.optional()
			.map(this::user);
	}

	/** Creates an account; 409 when the phone already has one. */
	@Transactional
	public long create(String phone, String name, String rawPassword, DonorType donorType) {
		String normalised = normalisePhone(phone);
		byte[] hash = personalData.lookupHash(normalised);
		boolean taken = jdbc.sql("SELECT count(*) FROM account WHERE phone_hash = ?").param(hash).query(Long.class).single() > 0;
		if (taken) {
			throw new BadInputException(409, "account.phone.taken");
		}
		return jdbc.sql("""
				INSERT INTO account (phone_hash, phone_cipher, name, donor_type, password_hash, created_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(hash, personalData.encrypt(normalised), name.strip(), donorType == null ? null : donorType.name(),
					passwords.encode(rawPassword), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	/**
	 * Grants a role. A staff role opens the station at its region if there is none yet. Who may grant
	 * what is checked by the caller's use case; this only records it.
	 */
	@Transactional
	public long grant(long accountId, Role role, Region region, Long grantedBy) {
		if (role.isStaff() && region == null) {
			throw new BadInputException("grant.scope-required");
		}
		if (region != null && role.isStaff()) {
			if (region.level() == RegionLevel.VILLAGE && role != Role.VILLAGE_OFFICER) {
				throw new BadInputException("grant.level-mismatch");
			}
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
		return jdbc.sql("""
				SELECT count(DISTINCT account_id) FROM role_grant
				WHERE revoked_at IS NULL AND region_code LIKE :prefix || '%'
				  AND role IN ('CITY_ADMIN', 'COUNTY_ADMIN', 'TOWNSHIP_MANAGER', 'VILLAGE_OFFICER')""")
			.param("prefix", scope.prefix())
			.query(Long.class)
			.single();
	}

	private BangfuUser user(Row row) {
		List<Grant> grants = jdbc.sql("""
				SELECT g.id, g.role, g.granted_at, r.code, r.name, r.level, r.parent_code, r.prefix
				FROM role_grant g LEFT JOIN region r ON r.code = g.region_code
				WHERE g.account_id = ? AND g.revoked_at IS NULL
				ORDER BY g.id""")
			.param(row.id())
			.query((rs, n) -> new Grant(rs.getLong("id"), Role.valueOf(rs.getString("role")),
					rs.getString("code") == null ? null : Regions.region(rs, n),
					rs.getTimestamp("granted_at").toInstant()))
			.list();
		return new BangfuUser(row.id(), personalData.decrypt(row.phoneCipher()), row.name(), row.passwordHash(),
				row.donorType() == null ? null : DonorType.valueOf(row.donorType()), grants);
	}

	private record Row(long id, byte[] phoneCipher, String name, String passwordHash, String donorType) {
	}
}
