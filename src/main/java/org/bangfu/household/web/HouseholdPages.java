package org.bangfu.household.web;

import org.bangfu.shared.web.FailureStatus;
import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bangfu.account.BangfuUser;
import org.bangfu.household.Consent;
import org.bangfu.household.Consents;
import org.bangfu.household.Household;
import org.bangfu.household.HouseholdAccounts;
import org.bangfu.household.Households;
import org.bangfu.household.PersonalDataViews;
import org.bangfu.region.Region;
import org.bangfu.shared.BadInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The household pages for staff (list, a household, consent, accounts, coverage, personal-data views) and a household's self-registration. */
@Controller
class HouseholdPages {

	private final Households households;

	private final HouseholdAccounts householdAccounts;

	private final Consents consents;

	private final MessageSource messages;

	private final PersonalDataViews personalDataViews;

	HouseholdPages(Households households, HouseholdAccounts householdAccounts, Consents consents, PersonalDataViews personalDataViews,
			MessageSource messages) {
		this.personalDataViews = personalDataViews;
		this.households = households;
		this.householdAccounts = householdAccounts;
		this.consents = consents;
		this.messages = messages;
	}

	private String text(BadInputException e) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
	}

	@GetMapping("/households")
	String page(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean unregistered,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Region scope = households.staffScope(user, region);
		model.addAttribute("scope", scope);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("unregistered", unregistered);
		model.addAttribute("households", households.within(scope, q, unregistered, page));
		model.addAttribute("page", page);
		model.addAttribute("coverage", households.coverageOf(scope));
		return "household/households";
	}

	@GetMapping("/households/{id}")
	String detailPage(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		Household h = households.inScopeOf(user, id);
		model.addAttribute("h", h);
		model.addAttribute("members", households.members(id));
		model.addAttribute("consents", consents.of(id));
		model.addAttribute("methods", Consent.Method.values());
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		return "household/household";
	}

	/** The full ID number in place of the masked one (htmx), logged. */
	@PostMapping("/households/{id}/members/{memberId}/reveal")
	@ResponseBody
	String revealPage(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long memberId, HttpServletRequest request) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(personalDataViews.reveal(user, id, memberId, "ID_NUMBER", request.getRemoteAddr()));
	}

	@PostMapping("/households/{id}/consents")
	String addConsentPage(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean postOnBehalf, @RequestParam(defaultValue = "false") boolean publishPhotos,
			@RequestParam(required = false) String method, @RequestParam(required = false) LocalDate givenOn,
			@RequestParam(required = false) String witnessPhone, @RequestParam(required = false) MultipartFile photo,
			@RequestParam(defaultValue = "false") boolean publicity, RedirectAttributes redirect) throws IOException {
		try {
			HouseholdApiController.recordConsent(consents, user, id, postOnBehalf, publishPhotos, method, givenOn, witnessPhone, photo, publicity);
			redirect.addFlashAttribute("notice", messages.getMessage("consent.recorded", null, LocaleContextHolder.getLocale()));
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", text(e));
		}
		return "redirect:/households/" + id;
	}

	@PostMapping("/households/{id}/consents/{consentId}/revoke")
	String revokeConsentPage(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long consentId,
			RedirectAttributes redirect) {
		consents.revoke(user, id, consentId);
		redirect.addFlashAttribute("notice", messages.getMessage("consent.revoked", null, LocaleContextHolder.getLocale()));
		return "redirect:/households/" + id;
	}

	@GetMapping("/households/{id}/consents/{consentId}/photo")
	ResponseEntity<FileSystemResource> consentPhoto(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long consentId) {
		java.nio.file.Path photo = consents.photo(user, id, consentId);
		MediaType type = photo.toString().endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG;
		return ResponseEntity.ok().contentType(type).header("Cache-Control", "private, no-store").body(new FileSystemResource(photo));
	}

	@PostMapping("/households/{id}/account")
	String registerByOfficerPage(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			householdAccounts.registerByOfficer(user, id, phone);
			redirect.addFlashAttribute("notice", messages.getMessage("household.proxy.done", null, LocaleContextHolder.getLocale()));
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", text(e));
		}
		return "detail".equals(back) ? "redirect:/households/" + id : "redirect:/households";
	}

	@GetMapping("/households/coverage")
	String coveragePage(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region, Model model) {
		Region scope = households.staffScope(user, region);
		model.addAttribute("scope", scope);
		model.addAttribute("total", households.coverageOf(scope));
		model.addAttribute("units", households.coverageBelow(scope));
		return "household/coverage";
	}

	@GetMapping("/households/views")
	String viewsPage(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Region scope = personalDataViews.scope(user, region);
		model.addAttribute("views", personalDataViews.within(scope, page));
		model.addAttribute("scope", scope);
		return "household/views";
	}

	@GetMapping("/register/household")
	String selfForm(Model model) {
		model.addAttribute("form", new HouseholdAccounts.SelfRegistration("", "", "", "", ""));
		return "household/register";
	}

	@PostMapping("/register/household")
	String self(@ModelAttribute HouseholdAccounts.SelfRegistration form, Model model, HttpServletResponse response) {
		try {
			householdAccounts.registerSelf(form);
			return "redirect:/register/household/welcome";
		}
		catch (BadInputException e) {
			response.setStatus(FailureStatus.of(e).value());
			model.addAttribute("error", text(e));
			model.addAttribute("form", new HouseholdAccounts.SelfRegistration(form.phone(), "", "", form.name(), form.idNumber()));
			return "household/register";
		}
	}
}
