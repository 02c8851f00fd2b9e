package org.bangfu.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.bangfu.region.Region;
import org.bangfu.shared.Masking;
import org.bangfu.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registry's households, always read within a region's subtree. */
@Component
public class Households {

	private static final String SELECT = """
			SELECT h.id, h.household_number, h.region_code, r.name AS region_name, h.head_name, h.head_id_cipher, h.account_id
			FROM household h JOIN region r ON r.code = h.region_code
			""";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Clock clock;

	Households(JdbcClient jdbc, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
	}

	public Optional<Household> find(long id, Region scope) {
		return jdbc.sql(SELECT + " WHERE h.id = :id AND h.region_code LIKE :prefix || '%'")
			.param("id", id)
			.param("prefix", scope.prefix())
			.query(this::household)
			.optional();
	}

	/** The households of the region's subtree, unregistered ones first, 100 a page. */
	public List<Household> within(Region scope, int page) {
		return jdbc.sql(SELECT + """
				WHERE h.region_code LIKE :prefix || '%'
				ORDER BY (h.account_id IS NOT NULL), h.region_code, h.household_number LIMIT 100 OFFSET :offset""")
			.param("prefix", scope.prefix())
			.param("offset", Math.max(page, 0) * 100)
			.query(this::household)
			.list();
	}

	/** The household whose head has this ID number (normalised) and name, for a household's self-registration. */
	Optional<Household> byHead(String idNumber, String headName) {
		return jdbc.sql(SELECT + " WHERE h.head_id_hash = ? AND h.head_name = ?")
			.params(personalData.lookupHash(idNumber), headName.strip())
			.query(this::household)
			.optional();
	}

	long add(String householdNumber, String regionCode, String headName, String headIdNumber) {
		return jdbc.sql("""
				INSERT INTO household (household_number, region_code, head_name, head_id_hash, head_id_cipher, created_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (household_number) DO UPDATE SET head_name = EXCLUDED.head_name
				RETURNING id""")
			.params(householdNumber, regionCode, headName, personalData.lookupHash(headIdNumber), personalData.encrypt(headIdNumber),
					Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	/** Links the account; false when the household already has one (a concurrent registration won). */
	boolean link(long householdId, long accountId) {
		return jdbc.sql("UPDATE household SET account_id = ? WHERE id = ? AND account_id IS NULL").params(accountId, householdId).update() == 1;
	}

	private Household household(ResultSet rs, int n) throws SQLException {
		return new Household(rs.getLong("id"), rs.getString("household_number"), rs.getString("region_code"),
				rs.getString("region_name"), rs.getString("head_name"), Masking.idNumber(personalData.decrypt(rs.getBytes("head_id_cipher"))),
				(Long) rs.getObject("account_id"));
	}
}
