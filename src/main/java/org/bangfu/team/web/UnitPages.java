package org.bangfu.team.web;

import org.bangfu.account.BangfuUser;
import org.bangfu.region.Region;
import org.bangfu.shared.Flash;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.team.DriveRankings;
import org.bangfu.team.RegistrationDrives;
import org.bangfu.team.UnitKind;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff page of registration drives (create, list with counts, close and reopen, printables) and the public ranking. */
@Controller
class UnitPages {

	private final RegistrationDrives drives;

	private final DriveRankings rankings;

	private final MessageSource messages;

	UnitPages(RegistrationDrives drives, DriveRankings rankings, MessageSource messages) {
		this.drives = drives;
		this.rankings = rankings;
		this.messages = messages;
	}

	private static void require(BangfuUser user) {
		if (!RegistrationDrives.runsDrives(user)) {
			throw new NotPermittedException("error.forbidden");
		}
	}

	@GetMapping("/units")
	String units(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region, Model model) {
		require(user);
		Region r = drives.scopeRegion(user, region);
		model.addAttribute("region", r);
		model.addAttribute("regions", drives.regionsOf(user));
		model.addAttribute("units", drives.list(user, r.code()));
		model.addAttribute("kinds", UnitKind.values());
		return "team/units";
	}

	@PostMapping("/units")
	String create(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String regionCode, RedirectAttributes redirect) {
		require(user);
		Flash.attempt(redirect, messages, "unit.created", () -> drives.create(user, name, kind, regionCode));
		return "redirect:/units";
	}

	@PostMapping("/units/{id}/close")
	String close(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		require(user);
		Flash.attempt(redirect, messages, "unit.closed", () -> drives.close(user, id));
		return "redirect:/units";
	}

	@PostMapping("/units/{id}/reopen")
	String reopen(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		require(user);
		Flash.attempt(redirect, messages, "unit.reopened", () -> drives.reopen(user, id));
		return "redirect:/units";
	}

	/** Public: units and counties by the caring people they brought; names of units only, no person. */
	@GetMapping("/units/ranking")
	String ranking(Model model) {
		model.addAttribute("units", rankings.units());
		model.addAttribute("counties", rankings.counties());
		return "team/ranking";
	}
}
