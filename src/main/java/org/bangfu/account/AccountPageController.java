package org.bangfu.account;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.bangfu.region.Station;
import org.bangfu.region.Stations;
import org.bangfu.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AccountPageController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Stations stations;

	AccountPageController(Stations stations) {
		this.stations = stations;
	}

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	@GetMapping("/me")
	String me(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("user", user);
		return "account/me";
	}

	/** The stations in the caller's scopes: the organisation a staff member works in. */
	@GetMapping("/stations")
	String stations(@AuthenticationPrincipal BangfuUser user, Model model) {
		if (!user.isStaff()) {
			throw new NotFoundException("error.not-found");
		}
		List<Station> within = user.staffGrants().stream()
			.flatMap(g -> stations.within(g.region()).stream())
			.distinct()
			.sorted(Comparator.comparing(Station::regionCode))
			.toList();
		model.addAttribute("stations", within);
		model.addAttribute("zone", CHINA);
		return "account/stations";
	}
}
