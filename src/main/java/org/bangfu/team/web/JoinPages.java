package org.bangfu.team.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bangfu.account.DonorRegistration;
import org.bangfu.team.JoinCodes;
import org.bangfu.team.RegistrationDrives;
import org.bangfu.team.RegistrationUnit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a unit's QR code leads (public, for a phone): who brought you, the three steps and the button to register with
 * the unit; an unknown or ended drive says so (404) and still offers registering without it. And the guide from
 * scanning to the first pledge.
 */
@Controller
class JoinPages {

	private final RegistrationDrives drives;

	JoinPages(RegistrationDrives drives) {
		this.drives = drives;
	}

	@GetMapping("/join/guide")
	String guide() {
		return "team/guide";
	}

	@GetMapping("/join/{code}")
	String join(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (JoinCodes.isAmbassador(code)) {
			// an ambassador's link: counted by its own listener; registration carries the code as it is
			return "redirect:/register?join=" + org.springframework.web.util.UriUtils.encodeQueryParam(code, java.nio.charset.StandardCharsets.UTF_8);
		}
		Optional<RegistrationUnit> unit = drives.byJoinCode(code);
		if (unit.isEmpty() || !unit.get().open()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			// a code left by an earlier scan would be refused again: registering goes on without it
			if (request.getSession(false) != null) {
				request.getSession(false).removeAttribute(DonorRegistration.JOIN_CODE_ATTRIBUTE);
			}
			model.addAttribute("ended", unit.isPresent());
			model.addAttribute("unitName", unit.map(RegistrationUnit::name).orElse(null));
			return "team/join-missing";
		}
		// also left in the session, so a person who looks around first still registers with the unit
		request.getSession().setAttribute(DonorRegistration.JOIN_CODE_ATTRIBUTE, unit.get().joinCode());
		model.addAttribute("unit", unit.get());
		model.addAttribute("regionName", drives.regionName(unit.get().regionCode()));
		return "team/join";
	}
}
