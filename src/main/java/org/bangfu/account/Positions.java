package org.bangfu.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.region.Station;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.Masking;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The positions (职务) staff grants hold at their stations: checked against the grant's level, changed by whoever may
 * grant the role there, and read back per station as seats filled or vacant.
 */
@Component
public class Positions {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final OperationLog log;

	private final PersonalData personalData;

	private final MessageSource messages;

	Positions(JdbcClient jdbc, Regions regions, OperationLog log, PersonalData personalData, MessageSource messages) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.log = log;
		this.personalData = personalData;
		this.messages = messages;
	}

	/** A position of a station and who holds it (name, masked phone, as the staff directory shows them); empty when vacant. */
	public record Seat(Position position, List<String> holders) {

		public boolean vacant() {
			return holders.isEmpty();
		}
	}

	/** The position named (blank: none), or 400. */
	static Position parse(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Position.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("position.unknown", name.strip());
		}
	}

	/** 400 when the position does not belong at a grant of this role at this region's level. */
	void check(Position position, Role role, Region region) {
		if (position == null || Position.fits(position, role, region.level())) {
			return;
		}
		List<Position> there = Position.at(region.level());
		if (!role.isStaff() || role == Role.CITY_ADMIN || there.isEmpty()) {
			throw new BadInputException("position.not-for-role", label("role." + role));
		}
		throw new BadInputException("position.wrong-level", label("position." + position), label("level." + region.level()),
				there.stream().map(p -> label("position." + p)).collect(Collectors.joining("、")));
	}

	/** Records the position of a grant just made (its checks done by the caller). */
	void set(long grantId, Position position) {
		jdbc.sql("UPDATE role_grant SET position = ? WHERE id = ?").params(position == null ? null : position.name(), grantId).update();
	}

	/** Changes the position of an active grant; staff in scope who may grant its role there. Blank clears it. */
	@Transactional
	public void change(BangfuUser by, long grantId, String positionName) {
		record Row(long accountId, Role role, String regionCode, boolean revoked, String position) {
		}
		Row row = jdbc.sql("SELECT account_id, role, region_code, revoked_at IS NOT NULL, position FROM role_grant WHERE id = ?")
			.param(grantId)
			.query((rs, n) -> new Row(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4), rs.getString(5)))
			.optional()
			.filter(r -> r.regionCode() != null && by.inScope(r.regionCode()))
			.orElseThrow(() -> new NotFoundException("grant.not-found"));
		Region region = regions.get(new RegionCode(row.regionCode()));
		if (!GrantPolicy.isGrantable(row.role()) || !GrantPolicy.mayGrant(by, row.role(), region)) {
			throw new NotPermittedException("grant.forbidden");
		}
		if (row.revoked()) {
			throw new ConflictException("grant.already-revoked");
		}
		Position position = parse(positionName);
		check(position, row.role(), region);
		set(grantId, position);
		logged(by, row.accountId(), region, position);
	}

	/** The operation log's line for a position given or changed, in words. */
	void logged(BangfuUser by, long accountId, Region region, Position position) {
		log.record(by.id(), "grant.position", "account:" + accountId, region.code(),
				region.name() + "：" + (position == null ? label("position.none") : label("position." + position)));
	}

	/** Whether one of the user's active grants over the region carries the position (read fresh: a change counts at once). */
	public boolean holds(BangfuUser user, Position position, String regionCode) {
		return jdbc.sql("SELECT region_code FROM role_grant WHERE account_id = ? AND position = ? AND revoked_at IS NULL")
			.params(user.id(), position.name())
			.query(String.class)
			.list()
			.stream()
			.anyMatch(code -> code != null && regionCode.startsWith(regions.get(new RegionCode(code)).prefix()));
	}

	/** Each station's seats, by its region code: the positions of its level, with their holders (names as the directory shows them). */
	public Map<String, List<Seat>> seatsOf(List<Station> stations) {
		Map<String, RegionLevel> levels = new LinkedHashMap<>();
		for (Station s : stations) {
			switch (s.kind()) {
				case COUNTY_CENTER -> levels.put(s.regionCode(), RegionLevel.COUNTY);
				case TOWNSHIP_STATION -> levels.put(s.regionCode(), RegionLevel.TOWNSHIP);
				case VILLAGE_POINT -> levels.put(s.regionCode(), RegionLevel.VILLAGE);
				default -> {
				}
			}
		}
		return seats(levels);
	}

	private Map<String, List<Seat>> seats(Map<String, RegionLevel> levels) {
		Map<String, List<Seat>> seats = new LinkedHashMap<>();
		if (levels.isEmpty()) {
			return seats;
		}
		record Holder(String regionCode, Position position, String name, byte[] phone) {
		}
		List<Holder> holders = jdbc.sql("""
				SELECT g.region_code, g.position, a.name, a.phone_cipher FROM role_grant g JOIN account a ON a.id = g.account_id
				WHERE g.revoked_at IS NULL AND g.position IS NOT NULL AND g.region_code IN (:codes) ORDER BY g.granted_at, g.id""")
			.param("codes", List.copyOf(levels.keySet()))
			.query((rs, n) -> new Holder(rs.getString(1), Position.valueOf(rs.getString(2)), rs.getString(3), rs.getBytes(4)))
			.list();
		levels.forEach((code, level) -> {
			List<Seat> list = new ArrayList<>();
			for (Position p : Position.at(level)) {
				list.add(new Seat(p, holders.stream()
					.filter(h -> h.regionCode().equals(code) && h.position() == p)
					.map(h -> h.name() + (h.phone() == null ? "" : " " + Masking.phone(personalData.decrypt(h.phone()))))
					.toList()));
			}
			seats.put(code, list);
		});
		return seats;
	}

	/** A region's positions for a public page: only whether each is filled, without any name (vacant ones: empty). */
	public Map<Position, Boolean> publicSeats(Region region) {
		Map<Position, Boolean> filled = new LinkedHashMap<>();
		seats(Map.of(region.code(), region.level())).getOrDefault(region.code(), List.of()).forEach(s -> filled.put(s.position(), !s.vacant()));
		return filled;
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}
}
