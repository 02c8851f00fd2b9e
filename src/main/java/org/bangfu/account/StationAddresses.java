package org.bangfu.account;

import java.util.Comparator;
import java.util.List;

import org.bangfu.region.Station;
import org.bangfu.region.Stations;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A station's address (the village's 村部 for a village point), where donors deliver: set by the county centre or the
 * city office over it, or by the station's own staff. Others in scope get 403, anyone outside 404.
 */
@Component
public class StationAddresses {

	private final Stations stations;

	private final OperationLog log;

	StationAddresses(Stations stations, OperationLog log) {
		this.stations = stations;
		this.log = log;
	}

	/** Whether the user may set the station's address: an administrator over it, or staff of the station itself. */
	public static boolean mayEdit(BangfuUser user, Station station) {
		return user.staffGrants().stream()
			.anyMatch(g -> g.covers(station.regionCode()) && (g.role() == Role.CITY_ADMIN || g.role() == Role.COUNTY_ADMIN
					|| g.region().code().equals(station.regionCode())));
	}

	/** The stations in the caller's scopes (the organisation a staff member works in); not there for anyone else. */
	public List<Station> within(BangfuUser user) {
		if (!user.isStaff()) {
			throw new NotFoundException("error.not-found");
		}
		return user.staffGrants().stream()
			.flatMap(g -> stations.within(g.region()).stream())
			.distinct()
			.sorted(Comparator.comparing(Station::regionCode))
			.toList();
	}

	@Transactional
	public Station set(BangfuUser user, long stationId, String address) {
		Station station = stations.byId(stationId)
			.filter(s -> user.inScope(s.regionCode()))
			.orElseThrow(() -> new NotFoundException("station.not-found"));
		if (!mayEdit(user, station)) {
			throw new NotPermittedException("station.address.who");
		}
		String text = address == null || address.isBlank() ? null : address.strip();
		if (text != null && text.length() > Station.MAX_ADDRESS) {
			throw new BadInputException("station.address.too-long", Station.MAX_ADDRESS);
		}
		stations.setAddress(stationId, text);
		log.record(user.id(), "station.address", "station:" + stationId, station.regionCode(), text);
		return stations.byId(stationId).orElseThrow();
	}
}
