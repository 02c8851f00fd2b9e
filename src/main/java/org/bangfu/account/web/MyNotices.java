package org.bangfu.account.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.bangfu.account.BangfuUser;
import org.bangfu.notify.Notices;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The signed-in account's notices, in the app and through the API. */
@Controller
class MyNotices {

	private final Notices notices;

	MyNotices(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/api/v1/me/notices")
	@ResponseBody
	@Operation(summary = "我的消息（新的在前，每页 50 条）", security = @SecurityRequirement(name = "bearer"))
	List<Notices.Notice> list(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page, Locale locale) {
		return notices.of(user.id(), page, locale);
	}

	@GetMapping("/me/notices")
	String page(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		model.addAttribute("notices", notices.of(user.id(), page, locale));
		model.addAttribute("page", page);
		return "account/notices";
	}

	@PostMapping("/me/notices/read")
	String read(@AuthenticationPrincipal BangfuUser user) {
		notices.markAllRead(user.id());
		return "redirect:/me/notices";
	}
}
