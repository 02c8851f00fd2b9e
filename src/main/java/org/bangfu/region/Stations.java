package org.bangfu.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stations of the four-level organisation; one is opened at a region when its first staff member is granted. */
@Component
public class Stations {

	private final JdbcClient jdbc;

	private final Clock clock;

	Stations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The station at the region, opened now if it has none yet. */
	public Station openAt(Region region) {
		Station.Kind kind = Station.Kind.at(region.level());
		jdbc.sql("""
				INSERT INTO station (region_code, kind, name, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (region_code) DO NOTHING""")
			.params(region.code(), kind.name(), region.name() + kind.suffix(), java.sql.Timestamp.from(clock.instant()))
			.update();
		return at(region).orElseThrow();
	}

	public Optional<Station> at(Region region) {
		return jdbc.sql("SELECT * FROM station WHERE region_code = ?").param(region.code()).query(Stations::station).optional();
	}

	/** The stations in the region's subtree (the scope of a staff member bound to it), top level first. */
	public List<Station> within(Region scope) {
		Scope in = Scope.of(scope);
		return in.bind(jdbc.sql("SELECT * FROM station WHERE " + in.sql("region_code") + " ORDER BY length(region_code), region_code"))
			.query(Stations::station)
			.list();
	}

	public long countWithin(Region scope) {
		Scope in = Scope.of(scope);
		return in.bind(jdbc.sql("SELECT count(*) FROM station WHERE " + in.sql("region_code")))
			.query(Long.class)
			.single();
	}

	public Optional<Station> byId(long id) {
		return jdbc.sql("SELECT * FROM station WHERE id = ?").param(id).query(Stations::station).optional();
	}

	/** The station at the region code, if one is open there. */
	public Optional<Station> atCode(String regionCode) {
		return jdbc.sql("SELECT * FROM station WHERE region_code = ?").param(regionCode).query(Stations::station).optional();
	}

	/** Sets (or, with null, clears) the station's address; who may is the caller's question. */
	public void setAddress(long stationId, String address) {
		jdbc.sql("UPDATE station SET address = ? WHERE id = ?").params(address, stationId).update();
	}

	/** Closes the station on the day (a closed station keeps its history; closing again moves the day). */
	public void close(long stationId, LocalDate on) {
		jdbc.sql("UPDATE station SET closed_on = ? WHERE id = ?").params(on, stationId).update();
	}

	/** Opens a closed station again. */
	public void reopen(long stationId) {
		jdbc.sql("UPDATE station SET closed_on = NULL WHERE id = ?").param(stationId).update();
	}

	private static Station station(ResultSet rs, int n) throws SQLException {
		return new Station(rs.getLong("id"), rs.getString("region_code"), Station.Kind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getTimestamp("created_at").toInstant(), rs.getString("address"),
				rs.getObject("closed_on", LocalDate.class));
	}
}
