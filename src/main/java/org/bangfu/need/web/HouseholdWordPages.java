package org.bangfu.need.web;

import java.nio.file.Path;

import org.bangfu.account.BangfuUser;
import org.bangfu.need.HouseholdWord;
import org.bangfu.need.NeedNotices;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Flash;
import org.bangfu.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The household's word in pages: the household confirms or disputes from its home ({@code /me/household}); the officer
 * sends the SMS code, enters it, uploads the signed form and prints the form from the need's page. Every POST redirects.
 */
@Controller
class HouseholdWordPages {

	private final HouseholdWord word;

	private final MessageSource messages;

	HouseholdWordPages(HouseholdWord word, MessageSource messages) {
		this.word = word;
		this.messages = messages;
	}

	// --- the household's own account --------------------------------------------------------------

	@PostMapping("/needs/{id}/confirm")
	String confirm(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "need.confirm.done-household", () -> word.confirmByAccount(user, id));
		return "redirect:" + NeedNotices.HOUSEHOLD_HOME;
	}

	@PostMapping("/needs/{id}/dispute")
	String dispute(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "need.dispute.done", () -> word.dispute(user, id, note));
		return "redirect:" + NeedNotices.HOUSEHOLD_HOME;
	}

	// --- staff in scope ---------------------------------------------------------------------------

	@PostMapping("/needs/{id}/confirm/sms-code")
	String sendCode(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			HouseholdWord.CodeSent sent = word.sendCode(user, id);
			redirect.addFlashAttribute("notice", messages.getMessage("need.confirm.code-sent", new Object[] { sent.maskedPhone() },
					LocaleContextHolder.getLocale()));
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
		}
		return "redirect:/needs/" + id + "#household-word";
	}

	@PostMapping("/needs/{id}/confirm/code")
	String enterCode(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String smsCode,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "need.confirm.done", () -> word.confirmByCode(user, id, smsCode));
		return "redirect:/needs/" + id + "#household-word";
	}

	@PostMapping("/needs/{id}/confirm/form")
	String uploadForm(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "need.confirm.done", () -> {
			if (file == null || file.isEmpty()) {
				throw new BadInputException("photo.empty");
			}
			word.confirmByForm(user, id, file.getInputStream());
		});
		return "redirect:/needs/" + id + "#household-word";
	}

	/** The form the officer prints, reads out and has the household sign or thumb-print. */
	@GetMapping("/needs/{id}/confirmation-form")
	String sheet(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		model.addAttribute("sheet", word.sheet(user, id));
		return "need/confirmation-form";
	}

	@GetMapping({ "/needs/{id}/confirmations/{confirmationId:\\d+}.jpg", "/needs/{id}/confirmations/{confirmationId:\\d+}-thumb.jpg" })
	ResponseEntity<FileSystemResource> formPhoto(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@PathVariable long confirmationId, jakarta.servlet.http.HttpServletRequest request) {
		Path file = word.formPhoto(user, id, confirmationId, request.getRequestURI().endsWith("-thumb.jpg"));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore().cachePrivate())
			.body(new FileSystemResource(file));
	}
}
