package org.bangfu.pledge.web;

import org.bangfu.pledge.HouseholdHome;
import org.bangfu.pledge.Pledging;
import org.bangfu.pledge.Ratings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.Flash;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The household's home, {@code /me/household}: written for an elderly person on a cheap phone, one
 * clear action per card. "收到了" and "谢谢" post to the same pledge operations as the need's page
 * (the household's own account may do both for its own needs) and come back here.
 */
@Controller
class HouseholdHomePage {

	static final String PATH = org.bangfu.need.NeedNotices.HOUSEHOLD_HOME;

	private final HouseholdHome home;

	private final Pledging pledging;

	private final Ratings ratings;

	private final MessageSource messages;

	private final org.bangfu.need.HouseholdWord word;

	HouseholdHomePage(HouseholdHome home, Pledging pledging, Ratings ratings, MessageSource messages, org.bangfu.need.HouseholdWord word) {
		this.word = word;
		this.home = home;
		this.pledging = pledging;
		this.ratings = ratings;
		this.messages = messages;
	}

	@GetMapping(PATH)
	String page(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("home", home.of(user));
		model.addAttribute("awaiting", word.awaiting(user)); // needs posted for it, waiting for its word (issue 16)
		return "pledge/household-home";
	}

	@GetMapping("/api/v1/me/household")
	@ResponseBody
	@Operation(summary = "贫困户：我的家", description = "本户的全部需求（自己发布的和村信息员代发的）及其认领；正在送来的帮助（捐赠者姓名按公开页面脱敏）和送达期限；已收到、还没感谢的帮助。",
			security = @SecurityRequirement(name = "bearer"))
	HouseholdHome.View api(@AuthenticationPrincipal BangfuUser user) {
		return home.of(user);
	}

	@PostMapping(PATH + "/pledges/{id}/receive")
	String receive(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) MultipartFile photo,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "household-home.received",
				() -> pledging.receive(user, id, photo == null || photo.isEmpty() ? null : photo.getInputStream()));
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/pledges/{id}/thanks")
	String thank(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) Integer stars,
			@RequestParam(required = false) String thanks, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "household-home.thanked", () -> ratings.rate(user, id, stars, thanks));
		return "redirect:" + PATH;
	}
}
