package org.bangfu.household;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's personal data seen unmasked: an entitled staff member reveals a member's full ID number or the
 * household's phone, every time logged (who, whose, what, from where), and the log is read by the city office and the
 * county centers in their scope.
 */
@Component
public class PersonalDataViews {

	private final Households households;

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Accounts accounts;

	private final Regions regions;

	private final Clock clock;

	PersonalDataViews(Households households, JdbcClient jdbc, PersonalData personalData, Accounts accounts, Regions regions, Clock clock) {
		this.households = households;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.accounts = accounts;
		this.regions = regions;
		this.clock = clock;
	}

	/** Who looked at whose personal data is for the city office and county centers only, each in its scope. */
	public Region scope(BangfuUser user, String region) {
		if (!user.has(Role.CITY_ADMIN) && !user.has(Role.COUNTY_ADMIN)) {
			throw new NotPermittedException("error.forbidden");
		}
		return user.scopeFor(region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region)));
	}

	/** The full ID number of a member or the household's phone, for entitled staff in scope; every call is logged. */
	public String reveal(BangfuUser user, long householdId, Long memberId, String field, String ip) {
		Household household = households.inScopeOf(user, householdId);
		byte[] cipher;
		if ("ID_NUMBER".equals(field)) {
			cipher = jdbc.sql("SELECT id_cipher FROM household_member WHERE id = ? AND household_id = ?")
				.params(memberId, householdId)
				.query((rs, n) -> rs.getBytes(1))
				.optional()
				.orElseThrow(() -> new NotFoundException("household.member.not-found"));
		}
		else if ("PHONE".equals(field)) {
			// a household without a phone has a NULL here, which single() refuses: optional() takes it as empty
			cipher = jdbc.sql("SELECT phone_cipher FROM household WHERE id = ?").param(householdId).query((rs, n) -> rs.getBytes(1)).optional()
				.orElse(null);
			if (cipher == null) {
				throw new NotFoundException("household.phone.none");
			}
		}
		else {
			throw new BadInputException("household.reveal.field");
		}
		jdbc.sql("""
				INSERT INTO personal_data_view (account_id, household_id, member_id, field, region_code, ip, viewed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(user.id(), householdId, "ID_NUMBER".equals(field) ? memberId : null, field, household.regionCode(), ip,
					Timestamp.from(clock.instant()))
			.update();
		return personalData.decrypt(cipher);
	}

	public record View(String viewer, String householdNumber, String headName, String field, String ip, java.time.Instant at) {
	}

	/** Who saw whose unmasked data, newest first, within the region's subtree. */
	public List<View> within(Region scope, int page) {
		record Row(long viewerId, String householdNumber, String headName, String field, String ip, java.time.Instant at) {
		}
		Scope in = Scope.of(scope);
		List<Row> rows = in.bind(jdbc.sql("""
				SELECT v.account_id, h.household_number, h.head_name, v.field, v.ip, v.viewed_at
				FROM personal_data_view v JOIN household h ON h.id = v.household_id
				WHERE %s ORDER BY v.viewed_at DESC, v.id DESC LIMIT 100 OFFSET :offset""".formatted(in.sql("v.region_code"))))
			.param("offset", Math.max(page, 0) * 100)
			.query((rs, n) -> new Row(rs.getLong("account_id"), rs.getString("household_number"), rs.getString("head_name"),
					rs.getString("field"), rs.getString("ip"), rs.getTimestamp("viewed_at").toInstant()))
			.list();
		// the viewers' names from the account module, in one query for the page
		java.util.Map<Long, String> viewers = accounts.namesOf(rows.stream().map(Row::viewerId).toList());
		return rows.stream()
			.map(r -> new View(viewers.get(r.viewerId()), r.householdNumber(), r.headName(), r.field(), r.ip(), r.at()))
			.toList();
	}
}
