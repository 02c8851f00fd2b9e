package org.bangfu.account.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.StationClosing;
import org.bangfu.region.Station;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Flash;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Closing and reopening a station from the stations page and the API; who may is {@link StationClosing}'s rule. */
@Controller
@Tag(name = "stations")
class StationClosingController {

	private final StationClosing closing;

	private final MessageSource messages;

	StationClosingController(StationClosing closing, MessageSource messages) {
		this.closing = closing;
		this.messages = messages;
	}

	@PostMapping("/stations/{id}/close")
	String closePage(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String on,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "station.closed", () -> closing.close(user, id, day(on)));
		return "redirect:/stations#station-" + id;
	}

	@PostMapping("/stations/{id}/reopen")
	String reopenPage(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "station.reopened", () -> closing.reopen(user, id));
		return "redirect:/stations#station-" + id;
	}

	record CloseRequest(String on) {
	}

	@PostMapping("/api/v1/stations/{id}/close")
	@ResponseBody
	@Operation(summary = "关闭服务站点（县管理中心、市办）", description = "{\"on\":\"2026-11-30\"}，缺省为今天；关闭日之后开始的统计期不再计入应报与已报。",
			security = @SecurityRequirement(name = "bearer"))
	Station closeApi(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) CloseRequest request) {
		return closing.close(user, id, day(request == null ? null : request.on()));
	}

	@PostMapping("/api/v1/stations/{id}/reopen")
	@ResponseBody
	@Operation(summary = "重新开放服务站点（县管理中心、市办）", security = @SecurityRequirement(name = "bearer"))
	Station reopenApi(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return closing.reopen(user, id);
	}

	private static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new BadInputException("station.close.day", text);
		}
	}
}
