package org.bangfu.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.IdentityNumber;
import org.bangfu.shared.Masking;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.bangfu.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registry's households, always read within a region's subtree (the caller's scope), masked. */
@Component
public class Households {

	private static final String SELECT = """
			SELECT h.id, h.household_number, h.region_code, r.name AS region_name, h.head_name, h.head_id_cipher, h.member_count,
			       h.poverty_cause, h.lifted, h.lifted_year, h.phone_cipher, h.account_id
			FROM household h JOIN region r ON r.code = h.region_code
			""";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Clock clock;

	private final Regions regions;

	private final org.bangfu.shared.database.ReplicaReads reads;

	Households(JdbcClient jdbc, PersonalData personalData, Clock clock, Regions regions, org.bangfu.shared.database.ReplicaReads reads) {
		this.reads = reads;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
		this.regions = regions;
	}

	/** The part of the registry a staff member works on: their scope, or the typed region within it; nobody else's. */
	public Region staffScope(BangfuUser user, String region) {
		if (!user.isStaff()) {
			throw new NotPermittedException("error.forbidden");
		}
		return requestedScope(user, region);
	}

	private Region requestedScope(BangfuUser user, String region) {
		return user.scopeFor(region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region)));
	}

	public Optional<Household> find(long id, Region scope) {
		Scope in = Scope.of(scope);
		return in.bind(jdbc.sql(SELECT + " WHERE h.id = :id AND " + in.sql("h.region_code")))
			.param("id", id)
			.query(this::household)
			.optional();
	}

	/** The household whose platform account this is, if any: what a household's own post belongs to. */
	public Optional<Household> ofAccount(long accountId) {
		return jdbc.sql(SELECT + " WHERE h.account_id = ?").param(accountId).query(this::household).optional();
	}

	/**
	 * The names of the members of each household: what public pages mask wherever an officer wrote
	 * them into a text meant for the public.
	 */
	public java.util.Map<Long, List<String>> memberNames(java.util.Collection<Long> householdIds) {
		java.util.Map<Long, List<String>> names = new java.util.HashMap<>();
		if (householdIds.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT household_id, name FROM household_member WHERE household_id = ANY(?) UNION SELECT id, head_name FROM household WHERE id = ANY(?)")
			.params(householdIds.toArray(Long[]::new), householdIds.toArray(Long[]::new))
			.query(rs -> {
				names.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
			});
		return names;
	}

	/** What public pages show of a household: the head's name (masked where shown) and every name to mask in its texts. */
	public record PublicNames(String head, List<String> all) {
	}

	/** {@link PublicNames} of many households in one query (for a page of needs); ids without a household are missing. */
	public java.util.Map<Long, PublicNames> publicNames(java.util.Collection<Long> householdIds) {
		java.util.Map<Long, PublicNames> names = new java.util.HashMap<>();
		if (householdIds.isEmpty()) {
			return names;
		}
		jdbc.sql("""
				SELECT h.id, h.head_name, array(SELECT m.name FROM household_member m WHERE m.household_id = h.id) AS members
				FROM household h WHERE h.id = ANY(?)""")
			.param(householdIds.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				List<String> all = new java.util.ArrayList<>(java.util.Arrays.asList((String[]) rs.getArray("members").getArray()));
				all.add(rs.getString("head_name"));
				names.put(rs.getLong("id"), new PublicNames(rs.getString("head_name"), java.util.Collections.unmodifiableList(all)));
			});
		return names;
	}

	/** The household's own platform account, if it has one (read from the link alone, nothing decrypted). */
	public Optional<Long> accountOf(Long householdId) {
		if (householdId == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT account_id FROM household WHERE id = ? AND account_id IS NOT NULL").param(householdId).query(Long.class).optional();
	}

	/**
	 * Whether the account is the household's own platform account: the check behind "the household
	 * itself may …", answered from the link alone (no personal data decrypted).
	 */
	public boolean isOwnAccount(Long householdId, long accountId) {
		return householdId != null && jdbc.sql("SELECT count(*) FROM household WHERE id = ? AND account_id = ?")
			.params(householdId, accountId)
			.query(Long.class)
			.single() > 0;
	}

	/** A household by id, without a scope: for public pages, which show it masked, and for the module's own checks. */
	public Optional<Household> byId(long id) {
		return jdbc.sql(SELECT + " WHERE h.id = ?").param(id).query(this::household).optional();
	}

	/** The household if one of the user's staff grants covers it; otherwise 404 (whether or not it exists). */
	public Household inScopeOf(BangfuUser user, long id) {
		return user.staffGrants().stream()
			.map(g -> find(id, g.region()))
			.flatMap(Optional::stream)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("household.not-found"));
	}

	/**
	 * The households of the region's subtree, 100 a page, unregistered ones first; {@code q} finds by
	 * a member's full ID number (exact, through its keyed hash) or by part of a member's name.
	 */
	public List<Household> within(Region scope, String q, boolean unregisteredOnly, int page) {
		String query = q == null ? "" : q.strip();
		String idHash = null;
		if (query.length() >= 15) {
			try {
				idHash = java.util.HexFormat.of().formatHex(personalData.lookupHash(IdentityNumber.parse(query, clock).value()));
			}
			catch (org.bangfu.shared.BadInputException e) {
				idHash = null;
			}
		}
		Scope in = Scope.of(scope);
		return in.bind(jdbc.sql(SELECT + """
				WHERE %s
				  AND (NOT :unregistered OR h.account_id IS NULL)
				  AND (:q = '' OR EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = h.id
				                          AND (m.id_hash = decode(:idHash, 'hex') OR (:idHash = '' AND strpos(m.name, :q) > 0))))
				ORDER BY (h.account_id IS NOT NULL), h.region_code, h.household_number LIMIT 100 OFFSET :offset""".formatted(in.sql("h.region_code"))))
			.param("unregistered", unregisteredOnly)
			.param("q", query)
			.param("idHash", idHash == null ? "" : idHash)
			.param("offset", Math.max(page, 0) * 100)
			.query(this::household)
			.list();
	}

	public List<Member> members(long householdId) {
		return jdbc.sql("SELECT * FROM household_member WHERE household_id = ? ORDER BY (relation NOT IN ('户主', '本人')), id")
			.param(householdId)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getString("name"),
					Masking.idNumber(personalData.decrypt(rs.getBytes("id_cipher"))), rs.getString("relation"), rs.getString("gender"),
					rs.getDate("birth_date") == null ? null : rs.getDate("birth_date").toLocalDate(), rs.getString("education"),
					rs.getString("schooling"), rs.getString("health"), rs.getString("labor_skill"), rs.getString("work_status")))
			.list();
	}

	/** Registration coverage of each unit directly below the region: registry households and those with an account. */
	public List<Coverage> coverageBelow(Region region) {
		int childLength = switch (region.level()) {
			case PROVINCE -> 4;
			case CITY -> 6;
			case COUNTY -> 9;
			case TOWNSHIP, VILLAGE -> 12;
		};
		Scope in = Scope.of(region);
		return reads.read(db -> in.bind(db.sql("""
				SELECT c.code, c.name, coalesce(s.households, 0) AS households, coalesce(s.registered, 0) AS registered
				FROM region c LEFT JOIN (
				    SELECT substr(region_code, 1, :len) AS unit, count(*) AS households, count(account_id) AS registered
				    FROM household WHERE %s GROUP BY 1) s
				  ON s.unit = (CASE WHEN :len = 4 THEN substr(c.code, 1, 4) ELSE c.code END)
				WHERE c.parent_code = :code OR (:leaf AND c.code = :code)
				ORDER BY c.code""".formatted(in.sql("region_code"))))
			.param("len", childLength)
			.param("code", region.code())
			.param("leaf", region.level() == org.bangfu.region.RegionLevel.VILLAGE)
			.query((rs, n) -> new Coverage(rs.getString("code"), rs.getString("name"), rs.getLong("households"), rs.getLong("registered")))
			.list());
	}

	/**
	 * The totals for the region itself. A household counts as on the platform (registered) when it has its own account,
	 * made by itself or by an officer on its behalf (the city plan's 建档立卡贫困户全部注册); served by an index-only scan
	 * of household_region_account_idx (V35).
	 */
	public Coverage coverageOf(Region region) {
		Scope in = Scope.of(region);
		return reads.read(db -> in.bind(db.sql("SELECT count(*), count(account_id) FROM household WHERE " + in.sql("region_code")))
			.query((rs, n) -> new Coverage(region.code(), region.name(), rs.getLong(1), rs.getLong(2)))
			.single());
	}

	public record Coverage(String code, String name, long households, long registered) {

		/** Registered ÷ registry households, in percent with one decimal; 0 when there are none. */
		public double percent() {
			return households == 0 ? 0 : Math.round(registered * 1000.0 / households) / 10.0;
		}
	}

	/** The household whose head has this ID number (normalised) and name, for a household's self-registration. */
	Optional<Household> byHead(String idNumber, String headName) {
		return jdbc.sql(SELECT + " WHERE h.head_id_hash = ? AND h.head_name = ?")
			.params(personalData.lookupHash(idNumber), headName.strip())
			.query(this::household)
			.optional();
	}

	/** Links the account; false when the household already has one (a concurrent registration won). */
	boolean link(long householdId, long accountId) {
		return jdbc.sql("UPDATE household SET account_id = ? WHERE id = ? AND account_id IS NULL").params(accountId, householdId).update() == 1;
	}

	private Household household(ResultSet rs, int n) throws SQLException {
		byte[] phone = rs.getBytes("phone_cipher");
		return new Household(rs.getLong("id"), rs.getString("household_number"), rs.getString("region_code"),
				rs.getString("region_name"), rs.getString("head_name"), Masking.idNumber(personalData.decrypt(rs.getBytes("head_id_cipher"))),
				rs.getInt("member_count"), rs.getString("poverty_cause"), rs.getBoolean("lifted"), (Integer) rs.getObject("lifted_year"),
				phone == null ? "" : Masking.phone(personalData.decrypt(phone)), (Long) rs.getObject("account_id"));
	}
}
