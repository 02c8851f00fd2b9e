package org.bangfu.team.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.DonorRegistration;
import org.bangfu.account.Role;
import org.bangfu.need.PublicUrl;
import org.bangfu.need.QrCodes;
import org.bangfu.shared.Flash;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.team.AmbassadorLinks;
import org.bangfu.team.AmbassadorReach;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An ambassador's share link (/a/{code}), the ambassador's own page with QR codes, and the city's page of every ambassador's reach. */
@Controller
class AmbassadorPages {

	private final AmbassadorLinks links;

	private final AmbassadorReach reach;

	private final Accounts accounts;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	AmbassadorPages(AmbassadorLinks links, AmbassadorReach reach, Accounts accounts, PublicUrl publicUrl, MessageSource messages) {
		this.links = links;
		this.reach = reach;
		this.accounts = accounts;
		this.publicUrl = publicUrl;
		this.messages = messages;
	}

	/**
	 * The share link: counts the visit once per session, leaves the code in the session for the register page, and goes to
	 * the target. An unknown code goes to the home page with nothing kept; an ended link still leads to its target but
	 * keeps no code (a registration through it would be refused).
	 */
	@GetMapping("/a/{code}")
	String follow(@PathVariable String code, HttpServletRequest request) {
		var link = links.byCode(code);
		if (link.isEmpty()) {
			return "redirect:/";
		}
		if (!link.get().ended()) {
			var session = request.getSession(true);
			links.visited(link.get(), session.getId());
			session.setAttribute(DonorRegistration.JOIN_CODE_ATTRIBUTE, link.get().code());
		}
		return "redirect:" + link.get().targetPath();
	}

	@GetMapping("/ambassador")
	String page(@AuthenticationPrincipal BangfuUser user, HttpServletRequest request, Model model) {
		if (!AmbassadorLinks.isAmbassador(user)) {
			throw new NotPermittedException("ambassador.only");
		}
		model.addAttribute("links", reach.of(user.id()));
		model.addAttribute("base", publicUrl.of(request));
		model.addAttribute("targets", AmbassadorLinks.Target.values());
		return "team/ambassador";
	}

	@PostMapping("/ambassador/links")
	String create(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String target, @RequestParam(required = false) String needId, RedirectAttributes redirect) {
		String t = "NEED".equals(target) ? "NEED:" + (needId == null ? "" : needId.strip()) : target;
		Flash.attempt(redirect, messages, "ambassador.created", () -> links.create(user, name, t));
		return "redirect:/ambassador";
	}

	@PostMapping("/ambassador/links/{id}/end")
	String end(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "ambassador.ended", () -> links.end(user, id));
		return "redirect:/ambassador";
	}

	@GetMapping(path = "/ambassador/links/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, HttpServletRequest request) {
		if (!AmbassadorLinks.isAmbassador(user)) {
			throw new NotPermittedException("ambassador.only");
		}
		var link = links.of(user.id()).stream().filter(l -> l.id() == id).findFirst()
			.orElseThrow(() -> new org.bangfu.shared.NotFoundException("ambassador.link-not-found"));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(publicUrl.of(request) + "/a/" + link.code(), 300));
	}

	record Row(String name, AmbassadorReach.AmbassadorTotal total) {
	}

	/** Every ambassador's reach, for the city office. */
	@GetMapping("/ambassadors")
	String city(@AuthenticationPrincipal BangfuUser user, Model model) {
		if (user == null || !user.has(Role.CITY_ADMIN)) {
			throw new NotPermittedException("error.forbidden");
		}
		List<AmbassadorReach.AmbassadorTotal> totals = reach.all();
		Map<Long, String> names = accounts.namesOf(totals.stream().map(AmbassadorReach.AmbassadorTotal::ambassadorId).toList());
		model.addAttribute("rows", totals.stream().map(t -> new Row(names.getOrDefault(t.ambassadorId(), ""), t)).toList());
		return "team/ambassadors";
	}
}
