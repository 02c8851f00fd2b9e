package org.bangfu.need.web;

import org.bangfu.need.CategoryRule;
import org.bangfu.need.CategoryRules;
import org.bangfu.need.Need;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedPosting;
import org.bangfu.need.NeedReports;
import org.bangfu.need.NeedReview;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Flash;
import org.bangfu.shared.web.FailureStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The need's workflow pages: submit, verify, reject, withdraw and repost a need, the verification
 * queue, the public's reports and the category rules. Every POST redirects; a refused one comes back
 * with the reason.
 */
@Controller
class NeedReviewPages {

	private final NeedPosting posting;

	private final NeedReview review;

	private final NeedReports reports;

	private final CategoryRules rules;

	private final Regions regions;

	private final MessageSource messages;

	private final org.bangfu.need.HouseholdConfirmations confirmations;

	NeedReviewPages(NeedPosting posting, NeedReview review, NeedReports reports, CategoryRules rules, Regions regions,
			MessageSource messages, org.bangfu.need.HouseholdConfirmations confirmations) {
		this.confirmations = confirmations;
		this.posting = posting;
		this.review = review;
		this.reports = reports;
		this.rules = rules;
		this.regions = regions;
		this.messages = messages;
	}

	private String text(BadInputException e) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	@PostMapping("/needs/{id}/submit")
	String submit(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "need.submitted", () -> posting.submit(user, id));
	}

	@PostMapping("/needs/{id}/verify")
	String verify(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			// a gravely flagged need's first approval leaves it waiting for the next level (issue 16)
			Need need = review.verify(user, id, reason);
			redirect.addFlashAttribute("notice", text(need.state() == org.bangfu.need.NeedState.SUBMITTED ? "need.escalated-ok" : "need.verified"));
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", text(e));
			redirect.addFlashAttribute("verifyReason", reason);
		}
		return "redirect:/needs/" + id;
	}

	@PostMapping("/needs/{id}/reject")
	String reject(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, "need.rejected", () -> review.reject(user, id, reason));
	}

	@PostMapping("/needs/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, "need.withdrawn", () -> posting.withdraw(user, id, reason));
	}

	@PostMapping("/needs/{id}/repost")
	String repost(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			Need fresh = posting.repost(user, id);
			redirect.addFlashAttribute("notice", text("need.reposted"));
			return "redirect:/needs/" + fresh.id();
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", text(e));
			return "redirect:/needs/" + id;
		}
	}

	private String act(long id, RedirectAttributes redirect, String doneKey, Flash.Action action) {
		Flash.attempt(redirect, messages, doneKey, action);
		return "redirect:/needs/" + id;
	}

	// --- managers and supervisors -------------------------------------------------------------

	@GetMapping("/needs/queue")
	String queue(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Region scope = NeedPages.staffScope(user, region, regions);
		model.addAttribute("scope", scope);
		List<NeedReview.Waiting> waiting = review.queue(user, scope, page);
		model.addAttribute("waiting", waiting);
		model.addAttribute("householdWords", confirmations.statuses(waiting.stream().map(NeedReview.Waiting::id).toList()));
		model.addAttribute("count", review.waitingCount(user, scope));
		model.addAttribute("page", page);
		return "need/queue";
	}

	@GetMapping("/needs/reports")
	String reportsPage(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region, Model model) {
		Region scope = NeedPages.reportScope(user, region, regions);
		model.addAttribute("scope", scope);
		model.addAttribute("reports", reports.open(user, scope));
		return "need/reports";
	}

	@PostMapping("/needs/reports/{reportId}/handle")
	String handle(@AuthenticationPrincipal BangfuUser user, @PathVariable long reportId,
			@RequestParam(defaultValue = "false") boolean withdrawNeed, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			reports.handle(user, reportId, withdrawNeed, note);
			redirect.addFlashAttribute("notice", text("need.report.handled-ok"));
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", text(e));
		}
		return "redirect:/needs/reports";
	}

	@GetMapping("/needs/rules")
	String rulesPage(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("rules", rules.all());
		model.addAttribute("editable", user.has(Role.CITY_ADMIN));
		return "need/rules";
	}

	@PostMapping("/needs/rules/{category}")
	String updateRule(@AuthenticationPrincipal BangfuUser user, @PathVariable NeedCategory category,
			@RequestParam(required = false) String maxItemValue, @RequestParam(required = false) String maxNeedValue,
			@RequestParam(required = false) String usualValue, @RequestParam(defaultValue = "0") int minPhotos,
			@RequestParam(required = false) String itemKinds, @RequestParam(required = false) String suspiciousWords,
			@RequestParam(defaultValue = "0") int repeatDays, RedirectAttributes redirect) {
		try {
			rules.update(user, new CategoryRule(category, NeedFormPages.NeedForm.fen(nz(maxItemValue), "need.rule.values", 0),
					NeedFormPages.NeedForm.fen(nz(maxNeedValue), "need.rule.values", 0), NeedFormPages.NeedForm.fen(nz(usualValue), "need.rule.values", 0), minPhotos,
					words(itemKinds), words(suspiciousWords), repeatDays));
			redirect.addFlashAttribute("notice", text("need.rule.saved"));
		}
		catch (BadInputException e) {
			redirect.addFlashAttribute("error", text(e));
		}
		return "redirect:/needs/rules";
	}

	private static String nz(String s) {
		return s == null || s.isBlank() ? "0" : s;
	}

	private static List<String> words(String text) {
		if (text == null) {
			return List.of();
		}
		return List.of(text.split("[,，、\\s]+")).stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
	}
}
