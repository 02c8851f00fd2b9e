package org.bangfu.pledge.web;

import org.bangfu.pledge.DeliveryArrangements;
import org.bangfu.pledge.Pledge;
import org.bangfu.pledge.PledgeState;
import org.bangfu.pledge.PledgeTexts;
import org.bangfu.pledge.PledgeThread;
import org.bangfu.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bangfu.account.BangfuUser;
import org.bangfu.household.Households;
import org.bangfu.need.Needs;
import org.bangfu.shared.BadInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A pledge's own page, {@code /pledges/{id}}, for its parties only: what was pledged, the delivery arrangement (the
 * village point's address and the officer's contact for the donor, the donor's contact for the officer) and the
 * message thread. Posting a message or showing a phone works with htmx (the thread or the number is swapped in) and
 * without JavaScript (redirect-after-POST).
 */
@Controller
class PledgeThreadPages {

	private final PledgeThread thread;

	private final DeliveryArrangements arrangements;

	private final Needs needs;

	private final Households households;

	private final MessageSource messages;

	PledgeThreadPages(PledgeThread thread, DeliveryArrangements arrangements, Needs needs, Households households, MessageSource messages) {
		this.thread = thread;
		this.arrangements = arrangements;
		this.needs = needs;
		this.households = households;
		this.messages = messages;
	}

	/** What the page shows of the pledge itself. */
	record Summary(long id, long needId, PledgeState state, java.time.Instant createdAt, java.time.Instant deadline) {
	}

	@GetMapping("/pledges/{id}")
	String page(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		PledgeThread.Access a = thread.access(user, id);
		Pledge p = a.pledge();
		List<String> names = a.need().householdId() == null ? List.of()
				: households.memberNames(List.of(a.need().householdId())).getOrDefault(a.need().householdId(), List.of());
		model.addAttribute("pledge", new Summary(p.id(), p.needId(), p.state(), p.createdAt(), p.deadline()));
		model.addAttribute("party", a.party().name());
		model.addAttribute("title", PledgeTexts.mask(needs.get(p.needId()).content().title(), names));
		model.addAttribute("items", PledgeTexts.describe(p.items(), a.need().items(), names));
		model.addAttribute("arrangement", arrangements.of(a));
		thread(a, model, null);
		return "pledge/pledge-thread";
	}

	private void thread(PledgeThread.Access a, Model model, String error) {
		model.addAttribute("pledgeId", a.pledge().id());
		model.addAttribute("messages", arrangements.shown(a, thread.messages(a.pledge().id())));
		model.addAttribute("mayWrite", a.pledge().state() != PledgeState.CANCELLED && a.pledge().state() != PledgeState.LAPSED);
		model.addAttribute("messageKey", UUID.randomUUID().toString());
		model.addAttribute("maxLength", PledgeThread.MAX_LENGTH);
		if (error != null) {
			model.addAttribute("threadError", error);
		}
	}

	@PostMapping("/pledges/{id}/messages")
	String post(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String body,
			@RequestParam(required = false) String key, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		String error = null;
		try {
			thread.post(user, id, body, key);
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			error = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
		}
		if (htmx != null) {
			thread(thread.access(user, id), model, error);
			if (error != null) {
				model.addAttribute("draft", body);
			}
			return "pledge/thread-parts :: thread";
		}
		if (error != null) {
			redirect.addFlashAttribute("threadError", error);
			redirect.addFlashAttribute("draft", body);
		}
		return "redirect:/pledges/" + id + "#thread";
	}

	/** The full phone of the officer or the donor ({@code who}), logged; with htmx only the number comes back. */
	@PostMapping("/pledges/{id}/contact")
	String reveal(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String who,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		try {
			String phone = arrangements.reveal(thread.access(user, id), who);
			if (htmx != null) {
				model.addAttribute("phone", phone);
				return "pledge/thread-parts :: phone";
			}
			redirect.addFlashAttribute("revealed", Map.of(who, phone));
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException && !"contact.no-phone".equals(e.messageKey())) {
				throw e;
			}
			String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
			if (htmx != null) {
				model.addAttribute("phoneError", text);
				return "pledge/thread-parts :: phone";
			}
			redirect.addFlashAttribute("error", text);
		}
		return "redirect:/pledges/" + id + "#delivery";
	}
}
