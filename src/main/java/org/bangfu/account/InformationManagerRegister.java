package org.bangfu.account;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.Masking;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 信息管理员登记表: one line per active staff grant of the county, township and village stations in the caller's scope,
 * with its position, for the county centre and the city office. Phone and ID number are masked unless the caller asks
 * for them in full, which the operation log records (who, which region, how many lines) as the registry's reveals are.
 */
@Component
public class InformationManagerRegister {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final Regions regions;

	private final PersonalData personalData;

	private final OperationLog log;

	InformationManagerRegister(JdbcClient jdbc, Regions regions, PersonalData personalData, OperationLog log) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.personalData = personalData;
		this.log = log;
	}

	/**
	 * A line of the register.
	 *
	 * @param gender M or F (男, 女) from the ID number's 17th digit, or null when the account has no ID number
	 * @param position null for a grant made before positions
	 */
	public record Line(String county, String township, String village, String name, String gender, Position position, Role role,
			String phone, String idNumber, LocalDate registeredOn) {
	}

	public record Register(Region region, List<Line> lines, boolean full) {
	}

	/** The register of the region (the caller's own scope when blank; another county 404); county centre or city office. */
	public Register of(BangfuUser by, String regionCode, boolean full) {
		if (!by.has(Role.CITY_ADMIN) && !by.has(Role.COUNTY_ADMIN)) {
			throw new NotPermittedException("error.forbidden");
		}
		Region region = by.scopeFor(regionCode == null || regionCode.isBlank() ? null : regions.get(RegionCode.parse(regionCode)));
		Scope in = Scope.of(region);
		List<Line> lines = in.bind(jdbc.sql("""
				SELECT rc.name AS county, rt.name AS township, rv.name AS village, a.name, a.phone_cipher, a.id_number_cipher,
				       g.position, g.role, g.granted_at
				FROM role_grant g JOIN account a ON a.id = g.account_id
				LEFT JOIN region rc ON rc.code = left(g.region_code, 6)
				LEFT JOIN region rt ON length(g.region_code) >= 9 AND rt.code = left(g.region_code, 9)
				LEFT JOIN region rv ON length(g.region_code) = 12 AND rv.code = g.region_code
				WHERE g.revoked_at IS NULL AND g.role IN ('COUNTY_ADMIN', 'TOWNSHIP_MANAGER', 'VILLAGE_OFFICER') AND %s
				ORDER BY g.region_code, g.position NULLS LAST, g.granted_at, g.id""".formatted(in.sql("g.region_code"))))
			.query((rs, n) -> {
				String id = rs.getBytes("id_number_cipher") == null ? null : personalData.decrypt(rs.getBytes("id_number_cipher"));
				String phone = rs.getBytes("phone_cipher") == null ? "" : personalData.decrypt(rs.getBytes("phone_cipher"));
				return new Line(rs.getString("county"), rs.getString("township"), rs.getString("village"), rs.getString("name"), gender(id),
						rs.getString("position") == null ? null : Position.valueOf(rs.getString("position")), Role.valueOf(rs.getString("role")),
						full ? phone : Masking.phone(phone), id == null ? "" : full ? id : Masking.idNumber(id),
						rs.getTimestamp("granted_at").toInstant().atZone(CHINA).toLocalDate());
			})
			.list();
		if (full) {
			log.record(by.id(), "staff.register.full", "region:" + region.code(), region.code(),
					region.name() + "信息管理员登记表，含完整手机号和身份证号，共 " + lines.size() + " 行");
		}
		return new Register(region, lines, full);
	}

	/** The 17th digit of an 18-digit ID number: odd for men, even for women. */
	static String gender(String id) {
		if (id == null || id.length() != 18 || !Character.isDigit(id.charAt(16))) {
			return null;
		}
		return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
	}
}
