package org.bangfu.account;

import org.bangfu.shared.NotPermittedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.region.Station;
import org.bangfu.region.Stations;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Flash;
import org.bangfu.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A station's address (the village's 村部 for a village point), where donors deliver: set by the county centre or the
 * city office over it, or by the station's own staff. Others in scope get 403, anyone outside 404.
 */
@Controller
@Tag(name = "stations", description = "服务站点的地址（爱心人士送达物资的地点）")
class StationAddresses {

	private final Stations stations;

	private final OperationLog log;

	private final MessageSource messages;

	StationAddresses(Stations stations, OperationLog log, MessageSource messages) {
		this.stations = stations;
		this.log = log;
		this.messages = messages;
	}

	/** Whether the user may set the station's address: an administrator over it, or staff of the station itself. */
	static boolean mayEdit(BangfuUser user, Station station) {
		return user.staffGrants().stream()
			.anyMatch(g -> g.covers(station.regionCode()) && (g.role() == Role.CITY_ADMIN || g.role() == Role.COUNTY_ADMIN
					|| g.region().code().equals(station.regionCode())));
	}

	Station set(BangfuUser user, long stationId, String address) {
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

	@PostMapping("/stations/{id}/address")
	@Transactional
	String page(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String address,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "station.address.saved", () -> set(user, id, address));
		return "redirect:/stations#station-" + id;
	}

	record AddressRequest(String address) {
	}

	@PutMapping("/api/v1/stations/{id}/address")
	@ResponseBody
	@Transactional
	@Operation(summary = "设置服务站点的地址（县管理中心、市办，或本站点的工作人员）", description = "{\"address\":\"…\"}，200 字以内；空为清除。",
			security = @SecurityRequirement(name = "bearer"))
	Station api(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) AddressRequest request) {
		return set(user, id, request == null ? null : request.address());
	}
}
