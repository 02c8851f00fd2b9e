package org.bangfu.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.StationAddresses;
import org.bangfu.region.Station;
import org.bangfu.shared.Flash;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Setting a station's address from the stations page and the API; who may is {@link StationAddresses}' rule. */
@Controller
@Tag(name = "stations", description = "服务站点的地址（爱心人士送达物资的地点）")
class StationAddressController {

	private final StationAddresses addresses;

	private final MessageSource messages;

	StationAddressController(StationAddresses addresses, MessageSource messages) {
		this.addresses = addresses;
		this.messages = messages;
	}

	@PostMapping("/stations/{id}/address")
	String page(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String address,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "station.address.saved", () -> addresses.set(user, id, address));
		return "redirect:/stations#station-" + id;
	}

	record AddressRequest(String address) {
	}

	@PutMapping("/api/v1/stations/{id}/address")
	@ResponseBody
	@Operation(summary = "设置服务站点的地址（县管理中心、市办，或本站点的工作人员）", description = "{\"address\":\"…\"}，200 字以内；空为清除。",
			security = @SecurityRequirement(name = "bearer"))
	Station api(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) AddressRequest request) {
		return addresses.set(user, id, request == null ? null : request.address());
	}
}
