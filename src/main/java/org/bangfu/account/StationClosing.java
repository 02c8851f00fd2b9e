package org.bangfu.account;

import java.time.Clock;
import java.time.LocalDate;

import org.bangfu.region.Station;
import org.bangfu.region.Stations;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a station (and opening it again): a closed station is out of the expected and the reported reports of the
 * periods that start after its closing day, as DHIS2 treats closed org units (docs/assessment.md). Only the county
 * centre or the city office over it may; others in scope get 403, anyone outside 404.
 */
@Component
public class StationClosing {

	private final Stations stations;

	private final OperationLog log;

	private final Clock clock;

	StationClosing(Stations stations, OperationLog log, Clock clock) {
		this.stations = stations;
		this.log = log;
		this.clock = clock;
	}

	/** Whether the user may close or reopen the station: a county or city administrator over it. */
	public static boolean mayClose(BangfuUser user, Station station) {
		return user.staffGrants().stream()
			.anyMatch(g -> g.covers(station.regionCode()) && (g.role() == Role.CITY_ADMIN || g.role() == Role.COUNTY_ADMIN));
	}

	/** Closes the station on the day (today when null); a day in the future or before the station opened is refused. */
	@Transactional
	public Station close(BangfuUser user, long stationId, LocalDate on) {
		Station station = permitted(user, stationId);
		LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
		LocalDate day = on == null ? today : on;
		if (day.isAfter(today)) {
			throw new BadInputException("station.close.future");
		}
		LocalDate opened = station.createdAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
		if (day.isBefore(opened)) {
			throw new BadInputException("station.close.before-open", opened);
		}
		stations.close(stationId, day);
		log.record(user.id(), "station.close", "station:" + stationId, station.regionCode(), station.name() + "，" + day + " 关闭");
		return stations.byId(stationId).orElseThrow();
	}

	@Transactional
	public Station reopen(BangfuUser user, long stationId) {
		Station station = permitted(user, stationId);
		stations.reopen(stationId);
		log.record(user.id(), "station.reopen", "station:" + stationId, station.regionCode(), station.name() + " 重新开放");
		return stations.byId(stationId).orElseThrow();
	}

	private Station permitted(BangfuUser user, long stationId) {
		Station station = stations.byId(stationId)
			.filter(s -> user.inScope(s.regionCode()))
			.orElseThrow(() -> new NotFoundException("station.not-found"));
		if (!mayClose(user, station)) {
			throw new NotPermittedException("station.close.who");
		}
		return station;
	}
}
