package org.bangfu.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.region.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The units of registration drives and the registrations they brought (tables registration_unit, unit_registration). */
@Repository
class RegistrationUnits {

	private final JdbcClient jdbc;

	RegistrationUnits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, UnitKind kind, String regionCode, long createdBy, Instant at) {
		return jdbc.sql("""
				INSERT INTO registration_unit (name, kind, region_code, open, created_by, created_at)
				VALUES (?, ?, ?, true, ?, ?) RETURNING id""")
			.params(name, kind.name(), regionCode, createdBy, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	Optional<RegistrationUnit> find(long id) {
		return jdbc.sql("SELECT * FROM registration_unit WHERE id = ?").param(id).query(RegistrationUnits::unit).optional();
	}

	/** The unit's row locked, so a close and a registration through it do not cross. */
	Optional<RegistrationUnit> lock(long id) {
		return jdbc.sql("SELECT * FROM registration_unit WHERE id = ? FOR UPDATE").param(id).query(RegistrationUnits::unit).optional();
	}

	void save(RegistrationUnit u) {
		jdbc.sql("UPDATE registration_unit SET open = ?, closed_at = ? WHERE id = ?")
			.params(u.open(), u.closedAt() == null ? null : Timestamp.from(u.closedAt()), u.id())
			.update();
	}

	/** The units in the scope, newest first. */
	List<RegistrationUnit> in(Scope scope) {
		return scope.bind(jdbc.sql("SELECT * FROM registration_unit u WHERE " + scope.sql("u.region_code") + " ORDER BY u.id DESC LIMIT 500"))
			.query(RegistrationUnits::unit)
			.list();
	}

	void recordRegistration(long unitId, long accountId, String regionCode, Instant at) {
		jdbc.sql("""
				INSERT INTO unit_registration (account_id, unit_id, region_code, registered_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (account_id) DO NOTHING""")
			.params(accountId, unitId, regionCode, Timestamp.from(at))
			.update();
	}

	/** The accounts each unit brought, for the units asked. */
	Map<Long, List<Long>> accountsOf(Collection<Long> unitIds) {
		Map<Long, List<Long>> byUnit = new HashMap<>();
		if (unitIds.isEmpty()) {
			return byUnit;
		}
		jdbc.sql("SELECT unit_id, account_id FROM unit_registration WHERE unit_id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", unitIds.toArray(Long[]::new))
			.query(rs -> {
				byUnit.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return byUnit;
	}

	/** A unit of the public ranking: name, kind, region's name, registrations. */
	record Ranked(long id, String name, UnitKind kind, String regionName, boolean open, long registrations) {
	}

	/** Units by registrations (most first; ties by the older unit), those with at least one. */
	List<Ranked> rankUnits(Scope scope, int limit) {
		return scope.bind(jdbc.sql("""
				SELECT u.id, u.name, u.kind, r.name AS region_name, u.open, count(*) AS registrations
				FROM registration_unit u JOIN unit_registration ur ON ur.unit_id = u.id JOIN region r ON r.code = u.region_code
				WHERE \s""" + scope.sql("u.region_code") + """
				 GROUP BY u.id, u.name, u.kind, r.name, u.open
				ORDER BY registrations DESC, u.id LIMIT :limit"""))
			.param("limit", limit)
			.query((rs, n) -> new Ranked(rs.getLong("id"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")), rs.getString("region_name"),
					rs.getBoolean("open"), rs.getLong("registrations")))
			.list();
	}

	/** A county of the public ranking: code, name, its units, the registrations they brought. */
	record RankedCounty(String code, String name, long units, long registrations) {
	}

	List<RankedCounty> rankCounties(Scope scope) {
		return scope.bind(jdbc.sql("""
				SELECT c.code, c.name, count(DISTINCT u.id) AS units, count(ur.account_id) AS registrations
				FROM registration_unit u JOIN region c ON c.code = left(u.region_code, 6)
				LEFT JOIN unit_registration ur ON ur.unit_id = u.id
				WHERE \s""" + scope.sql("u.region_code") + """
				 GROUP BY c.code, c.name
				ORDER BY registrations DESC, c.code"""))
			.query((rs, n) -> new RankedCounty(rs.getString("code"), rs.getString("name"), rs.getLong("units"), rs.getLong("registrations")))
			.list();
	}

	static RegistrationUnit unit(ResultSet rs, int rowNum) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new RegistrationUnit(rs.getLong("id"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")), rs.getString("region_code"),
				rs.getBoolean("open"), rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(), closed == null ? null : closed.toInstant());
	}
}
