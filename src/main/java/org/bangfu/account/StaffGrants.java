package org.bangfu.account;

import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotPermittedException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.bangfu.notify.Sms;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Masking;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.PhoneNumbers;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Granting and revoking staff and team roles, top-down within the granter's scope ({@link GrantPolicy}),
 * and the staff directory of a region. A phone without an account gets one (an invitation): its
 * holder logs in with an SMS code and sets a password.
 */
@Component
public class StaffGrants {

	private final Accounts accounts;

	private final Regions regions;

	private final OperationLog log;

	private final Sms sms;

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final MessageSource messages;

	private final Clock clock;

	private final Positions positions;

	StaffGrants(Accounts accounts, Regions regions, OperationLog log, Sms sms, JdbcClient jdbc, PersonalData personalData,
			MessageSource messages, Clock clock, Positions positions) {
		this.positions = positions;
		this.accounts = accounts;
		this.regions = regions;
		this.log = log;
		this.sms = sms;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * @param revocable whether the caller may revoke this grant (and change its position)
	 * @param position the grant's position at its station, or null (grants made before positions have none)
	 */
	public record StaffMember(long grantId, Role role, String regionCode, String regionName, long accountId, String name,
			String phone, Instant grantedAt, String grantedBy, boolean revocable, Position position) {
	}

	@Transactional
	public StaffMember grant(BangfuUser by, String phone, String name, String roleName, String regionCode) {
		return grant(by, phone, name, roleName, regionCode, null);
	}

	/** A grant with its position at the station (optional; blank for none), which must belong at the region's level. */
	@Transactional
	public StaffMember grant(BangfuUser by, String phone, String name, String roleName, String regionCode, String positionName) {
		if (!by.isStaff()) {
			throw new NotPermittedException("grant.forbidden");
		}
		Role role = parseRole(roleName);
		Region region = by.scopeFor(regions.get(RegionCode.parse(regionCode == null ? "" : regionCode)));
		if (!GrantPolicy.isGrantable(role)) {
			throw new NotPermittedException("grant.forbidden");
		}
		if (GrantPolicy.levelOf(role) != null && GrantPolicy.levelOf(role) != region.level()) {
			throw new BadInputException("grant.level-mismatch", label("role." + role), label("level." + GrantPolicy.levelOf(role)));
		}
		if (!GrantPolicy.mayGrant(by, role, region)) {
			throw new NotPermittedException("grant.forbidden");
		}
		Position position = Positions.parse(positionName);
		positions.check(position, role, region);
		String normalised = PhoneNumbers.normalise(phone);
		BangfuUser grantee = accounts.findByPhone(normalised).orElse(null);
		boolean invited = grantee == null;
		long accountId;
		if (invited) {
			if (name == null || name.isBlank() || name.strip().length() > 50) {
				throw new BadInputException("grant.name-required");
			}
			accountId = accounts.create(new Accounts.NewAccount(normalised, name, null, null, null, null, by.id()));
		}
		else {
			accountId = grantee.id();
			if (grantee.grants().stream().anyMatch(g -> g.role() == role && g.region() != null && g.region().code().equals(region.code()))) {
				throw new ConflictException("grant.exists");
			}
		}
		long grantId = accounts.grant(accountId, role, region, by.id());
		log.record(by.id(), "grant.create", "account:" + accountId, region.code(),
				role + " @ " + region.code() + " " + region.name() + (invited ? " (invited " + Masking.phone(normalised) + ")" : ""));
		if (position != null) {
			positions.set(grantId, position);
			positions.logged(by, accountId, region, position);
		}
		sms.send(normalised, "您已被授予“" + label("role." + role) + "”权限（" + region.name() + "）。"
				+ (invited ? "请用本手机号和短信验证码登录，并设置密码。" : "重新登录后生效。"));
		return member(grantId, by);
	}

	@Transactional
	public void revoke(BangfuUser by, long grantId) {
		var row = jdbc.sql("SELECT account_id, role, region_code, revoked_at FROM role_grant WHERE id = ?")
			.param(grantId)
			.query((rs, n) -> new Object[] { rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4) })
			.optional()
			.orElseThrow(() -> new NotFoundException("grant.not-found"));
		String regionCode = (String) row[2];
		if (regionCode == null || !by.inScope(regionCode)) {
			throw new NotFoundException("grant.not-found");
		}
		Region region = regions.get(new RegionCode(regionCode));
		if (!GrantPolicy.isGrantable((Role) row[1]) || !GrantPolicy.mayGrant(by, (Role) row[1], region)) {
			throw new NotPermittedException("grant.forbidden");
		}
		if (row[3] != null) {
			throw new ConflictException("grant.already-revoked");
		}
		if ((Long) row[0] == by.id()) {
			throw new NotPermittedException("grant.own");
		}
		jdbc.sql("UPDATE role_grant SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), by.id(), grantId)
			.update();
		log.record(by.id(), "grant.revoke", "account:" + row[0], regionCode, row[1] + " @ " + regionCode + " " + region.name());
	}

	/** The staff and team members of the region's subtree, 100 a page; the region must lie in the caller's scope. */
	public List<StaffMember> directory(BangfuUser by, String regionCode, int page) {
		if (!by.isStaff()) {
			throw new NotPermittedException("error.forbidden");
		}
		Region scope = by.scopeFor(regionCode == null || regionCode.isBlank() ? null : regions.get(RegionCode.parse(regionCode)));
		Scope in = Scope.of(scope);
		return in.bind(jdbc.sql(MEMBER_SQL + """
				WHERE g.revoked_at IS NULL AND %s AND g.role NOT IN ('HOUSEHOLD', 'DONOR')
				ORDER BY length(g.region_code), g.region_code, g.role, g.id
				LIMIT 100 OFFSET :offset""".formatted(in.sql("g.region_code"))))
			.param("offset", Math.max(page, 0) * 100)
			.query((rs, n) -> staffMember(rs, by))
			.list();
	}

	private static final String MEMBER_SQL = """
			SELECT g.id AS grant_id, g.role, g.region_code, g.position, r.name AS region_name, r.level, r.parent_code, r.prefix,
			       a.id AS account_id, a.name, a.phone_cipher, g.granted_at, gb.name AS granted_by
			FROM role_grant g JOIN account a ON a.id = g.account_id JOIN region r ON r.code = g.region_code
			LEFT JOIN account gb ON gb.id = g.granted_by
			""";

	private StaffMember member(long grantId, BangfuUser by) {
		return jdbc.sql(MEMBER_SQL + " WHERE g.id = ?")
			.param(grantId)
			.query((rs, n) -> staffMember(rs, by))
			.single();
	}

	private StaffMember staffMember(java.sql.ResultSet rs, BangfuUser viewer) throws java.sql.SQLException {
		byte[] phone = rs.getBytes("phone_cipher");
		Role role = Role.valueOf(rs.getString("role"));
		Region region = new Region(rs.getString("region_code"), rs.getString("region_name"),
				org.bangfu.region.RegionLevel.valueOf(rs.getString("level")), rs.getString("parent_code"), rs.getString("prefix"));
		long accountId = rs.getLong("account_id");
		boolean revocable = GrantPolicy.isGrantable(role) && GrantPolicy.mayGrant(viewer, role, region) && accountId != viewer.id();
		return new StaffMember(rs.getLong("grant_id"), role, region.code(), region.name(), accountId, rs.getString("name"),
				phone == null ? "" : Masking.phone(personalData.decrypt(phone)), rs.getTimestamp("granted_at").toInstant(),
				rs.getString("granted_by"), revocable, rs.getString("position") == null ? null : Position.valueOf(rs.getString("position")));
	}

	private static Role parseRole(String name) {
		try {
			return Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("grant.role.unknown", String.valueOf(name));
		}
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}
}
