package org.bangfu.team.web;

import java.time.ZoneId;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.region.Regions;
import org.bangfu.shared.Flash;
import org.bangfu.team.Memberships;
import org.bangfu.team.OrganisationFigures;
import org.bangfu.team.OrganisationKind;
import org.bangfu.team.Organisations;
import org.bangfu.team.SocialOrganisation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Social organisations' pages: the public list and page, registration, members (administrators), the county's queue. */
@Controller
class OrganisationPages {

	private final Organisations organisations;

	private final Memberships memberships;

	private final OrganisationFigures figures;

	private final Regions regions;

	private final MessageSource messages;

	OrganisationPages(Organisations organisations, Memberships memberships, OrganisationFigures figures, Regions regions, MessageSource messages) {
		this.organisations = organisations;
		this.memberships = memberships;
		this.figures = figures;
		this.regions = regions;
		this.messages = messages;
	}

	record Listed(SocialOrganisation organisation, String countyName, long members) {
	}

	@GetMapping("/organisations")
	String list(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String county, Model model) {
		model.addAttribute("organisations", organisations.approved(county).stream()
			.map(o -> new Listed(o, organisations.regionName(o.regionCode()), memberships.activeCount(o.id())))
			.toList());
		model.addAttribute("reviews", Organisations.reviews(user));
		model.addAttribute("signedIn", user != null);
		model.addAttribute("cityAdmin", user != null && user.has(org.bangfu.account.Role.CITY_ADMIN));
		return "team/organisations";
	}

	@GetMapping("/organisations/{id}")
	String page(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		SocialOrganisation o = organisations.visible(user, id);
		model.addAttribute("org", o);
		model.addAttribute("countyName", organisations.regionName(o.regionCode()));
		model.addAttribute("members", memberships.activeCount(id));
		model.addAttribute("help", figures.help(o));
		model.addAttribute("recent", figures.recent(o, 10));
		model.addAttribute("zone", ZoneId.of("Asia/Shanghai"));
		model.addAttribute("administrator", memberships.administrator(user, id));
		model.addAttribute("decides", Organisations.decides(user, o.regionCode()));
		Memberships.Member mine = user == null ? null : memberships.open(id, user.id()).orElse(null);
		model.addAttribute("mine", mine);
		model.addAttribute("mayJoin", user != null && mine == null);
		return "team/organisation";
	}

	@GetMapping("/organisations/new")
	String form(Model model) {
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("counties", organisations.counties());
		return "team/organisation-new";
	}

	@PostMapping("/organisations")
	String register(@AuthenticationPrincipal BangfuUser user, Organisations.Form form, RedirectAttributes redirect) {
		long[] id = { 0 };
		Flash.attempt(redirect, messages, "org.registered", () -> id[0] = organisations.register(user, form));
		return id[0] == 0 ? "redirect:/organisations/new" : "redirect:/organisations/" + id[0];
	}

	@GetMapping("/organisations/review")
	String review(@AuthenticationPrincipal BangfuUser user, Model model) {
		List<SocialOrganisation> queue = organisations.queue(user);
		model.addAttribute("queue", queue.stream().map(o -> new Listed(o, organisations.regionName(o.regionCode()), 0)).toList());
		return "team/organisation-review";
	}

	@PostMapping("/organisations/{id}/approve")
	String approve(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "org.approved", () -> organisations.approve(user, id));
		return "redirect:/organisations/review";
	}

	@PostMapping("/organisations/{id}/reject")
	String reject(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "org.rejected", () -> organisations.reject(user, id, reason));
		return "redirect:/organisations/review";
	}

	@GetMapping("/organisations/{id}/members")
	String members(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		model.addAttribute("shares", figures.shares(memberships.all(user, id)));
		model.addAttribute("org", organisations.visible(user, id));
		return "team/organisation-members";
	}

	@PostMapping("/organisations/{id}/members")
	String join(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String phone,
			RedirectAttributes redirect) {
		boolean invite = phone != null && !phone.isBlank();
		Flash.attempt(redirect, messages, invite ? "org.invited" : "org.join-requested", () -> memberships.request(user, id, phone));
		return invite ? "redirect:/organisations/" + id + "/members" : "redirect:/organisations/" + id;
	}

	@PostMapping("/organisations/{id}/members/{memberId}/accept")
	String accept(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long memberId, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "org.accepted", () -> memberships.accept(user, id, memberId));
		return memberships.administrator(user, id) ? "redirect:/organisations/" + id + "/members" : "redirect:/organisations/" + id;
	}

	@PostMapping("/organisations/{id}/members/{memberId}/leave")
	String leave(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long memberId, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "org.left", () -> memberships.leave(user, id, memberId));
		return memberships.administrator(user, id) ? "redirect:/organisations/" + id + "/members" : "redirect:/organisations/" + id;
	}
}
