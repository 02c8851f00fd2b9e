package org.bangfu.account.web;

import java.time.Clock;
import java.time.LocalDate;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.InformationManagerRegister;
import org.bangfu.account.Positions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.web.FailureStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff page's position form (change a grant's 职务) and the register of information managers as XLSX. */
@Controller
class PositionsPageController {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Positions positions;

	private final InformationManagerRegister register;

	private final MessageSource messages;

	private final Clock clock;

	PositionsPageController(Positions positions, InformationManagerRegister register, MessageSource messages, Clock clock) {
		this.positions = positions;
		this.register = register;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping("/staff/grants/{id}/position")
	String change(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String position,
			@RequestParam(required = false) String scope, RedirectAttributes redirect) {
		try {
			positions.change(user, id, position);
			redirect.addFlashAttribute("notice", text("position.changed"));
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("grantError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
		}
		redirect.addAttribute("region", scope == null ? "" : scope);
		return "redirect:/staff";
	}

	/** 信息管理员登记表 of the region (default: the caller's scope); {@code full=true} shows phones and ID numbers, logged. */
	@GetMapping("/staff/register.xlsx")
	ResponseEntity<byte[]> register(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "false") boolean full) {
		InformationManagerRegister.Register r = register.of(user, region, full);
		byte[] book = new RegisterWorkbook(this::text).write(r, LocalDate.now(clock.withZone(AccountPageController.CHINA)));
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("register-" + r.region().code() + ".xlsx").build().toString())
			.body(book);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
