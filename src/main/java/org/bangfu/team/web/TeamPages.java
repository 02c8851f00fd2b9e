package org.bangfu.team.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.account.TeamGrants;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Flash;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.bangfu.team.ExpertAdvice;
import org.bangfu.team.ExpertField;
import org.bangfu.team.TaskKind;
import org.bangfu.team.TeamApplications;
import org.bangfu.team.VolunteerTasks;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The teams' pages, written for a phone: applying, the county's queue, volunteer tasks and hours, experts' requests. */
@Controller
class TeamPages {

	private final TeamApplications applications;

	private final VolunteerTasks tasks;

	private final ExpertAdvice advice;

	private final Regions regions;

	private final MessageSource messages;

	TeamPages(TeamApplications applications, VolunteerTasks tasks, ExpertAdvice advice, Regions regions, MessageSource messages) {
		this.applications = applications;
		this.tasks = tasks;
		this.advice = advice;
		this.regions = regions;
		this.messages = messages;
	}

	/** A county of Hengyang with its townships, for the area choice. */
	record AreaGroup(Region county, List<Region> townships) {
	}

	@GetMapping("/teams/apply")
	String apply(@AuthenticationPrincipal BangfuUser user, Model model) {
		List<AreaGroup> areas = new ArrayList<>();
		for (Regions.RegionNode county : regions.children(new RegionCode("430400"), null)) {
			areas.add(new AreaGroup(county.region(),
					regions.children(county.region().regionCode(), null).stream().map(Regions.RegionNode::region).toList()));
		}
		model.addAttribute("areas", areas);
		model.addAttribute("fields", ExpertField.values());
		model.addAttribute("roles", List.of(Role.VOLUNTEER, Role.EXPERT, Role.AMBASSADOR));
		model.addAttribute("mine", applications.mine(user));
		model.addAttribute("volunteer", user.has(Role.VOLUNTEER));
		return "team/apply";
	}

	@PostMapping("/teams/apply")
	String applied(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String role,
			@RequestParam(required = false) String area, @RequestParam(required = false) String skills,
			@RequestParam(required = false) String availability, @RequestParam(required = false) List<String> fields,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "team.page.applied",
				() -> applications.apply(user, new TeamApplications.Form(role, area, skills, availability, fields)));
		return "redirect:/teams/apply";
	}

	@GetMapping("/teams/applications")
	String queue(@AuthenticationPrincipal BangfuUser user, Model model) {
		if (!TeamGrants.approvesAnywhere(user)) {
			throw new NotPermittedException("team.application.not-approver");
		}
		model.addAttribute("applications", applications.list(user));
		return "team/applications";
	}

	@PostMapping("/teams/applications/{id}/approve")
	String approve(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "team.page.approved", () -> applications.approve(user, id));
		return "redirect:/teams/applications";
	}

	@PostMapping("/teams/applications/{id}/reject")
	String reject(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "team.page.rejected", () -> applications.reject(user, id, reason));
		return "redirect:/teams/applications";
	}

	/** Volunteers' and staff's tasks on one page; staff reach it as /teams/work from the 管理 menu. */
	@GetMapping({ "/teams/tasks", "/teams/work" })
	String tasks(@AuthenticationPrincipal BangfuUser user, Model model) {
		boolean volunteer = user.has(Role.VOLUNTEER);
		if (!volunteer && !user.isStaff()) {
			throw new NotPermittedException("team.task.not-volunteer");
		}
		model.addAttribute("volunteer", volunteer);
		model.addAttribute("staff", user.isStaff());
		if (volunteer) {
			model.addAttribute("open", tasks.open(user));
			model.addAttribute("myHours", tasks.hoursOf(user.id()).stripTrailingZeros().toPlainString());
		}
		if (user.isStaff()) {
			model.addAttribute("scopeTasks", tasks.inScope(user));
			model.addAttribute("places", taskPlaces(user));
			model.addAttribute("kinds", TaskKind.values());
			model.addAttribute("volunteerHours", tasks.hoursInScope(user));
		}
		model.addAttribute("me", user.id());
		return "team/tasks";
	}

	/** Where a staff member may post a task: its own village or township and those under it (a county: its townships). */
	private List<Region> taskPlaces(BangfuUser user) {
		List<Region> places = new ArrayList<>();
		for (Region r : user.workRegions()) {
			if (r.level() == RegionLevel.VILLAGE || r.level() == RegionLevel.TOWNSHIP) {
				places.add(r);
			}
			if (r.level() != RegionLevel.VILLAGE) {
				regions.children(r.regionCode(), null).stream().limit(300).forEach(n -> places.add(n.region()));
			}
		}
		return places;
	}

	@PostMapping("/teams/tasks")
	String post(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String startsAt,
			@RequestParam(required = false) String estimatedHours, @RequestParam(required = false) String wanted,
			@RequestParam(required = false) String needId, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "team.page.posted", () -> tasks.post(user, new VolunteerTasks.Form(kind, title, description,
				regionCode, TeamApiController.when(startsAt), decimal(estimatedHours), integer(wanted, "team.task.wanted-range"),
				needId == null || needId.isBlank() ? null : integer(needId, "need.not-found").longValue())));
		return "redirect:/teams/tasks";
	}

	@PostMapping("/teams/tasks/{id}/signup")
	String signUp(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "team.page.signed", () -> tasks.signUp(user, id));
		return "redirect:/teams/tasks";
	}

	@PostMapping("/teams/tasks/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "team.page.withdrawn", () -> tasks.withdraw(user, id));
		return "redirect:/teams/tasks";
	}

	@PostMapping("/teams/tasks/{id}/signups/{signupId}/hours")
	String confirm(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long signupId,
			@RequestParam(required = false) String hours, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "team.page.confirmed", () -> tasks.confirmHours(user, id, signupId, decimal(hours)));
		return "redirect:/teams/tasks";
	}

	@GetMapping("/teams/advice")
	String advice(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("requests", advice.forExpert(user));
		return "team/advice";
	}

	@PostMapping("/teams/advice/{id}/answer")
	String answer(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String answer,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "team.page.answered", () -> advice.answer(user, id, answer));
		return "redirect:/teams/advice";
	}

	/** The advice on a need, loaded by htmx into the need's page: for staff in scope and experts of the area; empty for anyone else. */
	@GetMapping("/teams/needs/{id}/advice")
	String onNeed(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		boolean reads = advice.mayRead(user, id);
		model.addAttribute("reads", reads);
		model.addAttribute("needId", id);
		if (reads) {
			model.addAttribute("advice", advice.ofNeed(user, id));
			model.addAttribute("asks", user.isStaff() && user.inScope(regionOfNeed(user, id)));
			model.addAttribute("fields", ExpertField.values());
		}
		return "team/need-advice :: advice";
	}

	@PostMapping("/teams/needs/{id}/advice")
	String ask(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String field,
			@RequestParam(required = false) String question, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "team.page.asked", () -> advice.ask(user, id, field, question));
		return "redirect:/needs/" + id;
	}

	private String regionOfNeed(BangfuUser user, long needId) {
		return advice.ofNeedRegion(needId);
	}

	private static BigDecimal decimal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			throw new BadInputException("team.hours.range");
		}
	}

	private static Integer integer(String text, String key) {
		try {
			return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw new BadInputException(key);
		}
	}
}
