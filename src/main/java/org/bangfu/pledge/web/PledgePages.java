package org.bangfu.pledge.web;

import org.bangfu.pledge.NeedPledgesView;
import org.bangfu.pledge.PledgeTexts;
import org.bangfu.pledge.Pledges;
import org.bangfu.pledge.Pledging;
import org.bangfu.pledge.Ratings;
import org.bangfu.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bangfu.account.BangfuUser;
import org.bangfu.household.Households;
import org.bangfu.need.NeedPledging;
import org.bangfu.need.Needs;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.bangfu.shared.Flash;

/**
 * The pledge pages. On a need's page (loaded by htmx from {@code /needs/{id}/pledging}, or as the
 * full page {@code /needs/{id}/pledge} without JavaScript): its pledges and thanks, the pledge form for
 * a signed-in donor, and for the household or its village officer "received" (with a photo) and the
 * rating. {@code /pledges/mine}: a donor's pledges with their next steps, and the recommendations
 * for the donor's intent. Every POST redirects (redirect-after-POST); a refused one comes back as the
 * flash error in the user's language; a 404 stays a 404.
 */
@Controller
class PledgePages {

	private final Pledging pledging;

	private final Pledges pledges;

	private final Ratings ratings;

	private final NeedPledgesView view;

	private final NeedPledging needPledging;

	private final Needs needs;

	private final Households households;

	private final MessageSource messages;

	PledgePages(Pledging pledging, Pledges pledges, Ratings ratings, NeedPledgesView view, NeedPledging needPledging, Needs needs,
			Households households, MessageSource messages) {
		this.pledging = pledging;
		this.pledges = pledges;
		this.ratings = ratings;
		this.view = view;
		this.needPledging = needPledging;
		this.needs = needs;
		this.households = households;
		this.messages = messages;
	}

	private String text(BadInputException e) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	// --- what the page shows ------------------------------------------------------------------

	/** The need's pledges, thanks and forms, for the fragment and the full page. */
	private void pledging(BangfuUser user, long id, Model model) {
		NeedPledgesView.View v = view.of(user, id);
		model.addAttribute("needId", v.needId());
		model.addAttribute("needState", v.needState());
		model.addAttribute("remaining", v.remaining());
		model.addAttribute("rows", v.rows());
		model.addAttribute("thanksCount", v.thanksCount());
		model.addAttribute("open", v.open());
		model.addAttribute("mayPledge", v.mayPledge());
		model.addAttribute("ownNeed", v.ownNeed());
		model.addAttribute("householdViewer", v.householdViewer());
		model.addAttribute("signedIn", v.signedIn());
		model.addAttribute("staffInScope", v.staffInScope());
		model.addAttribute("formItems", v.formItems());
		model.addAttribute("pledgeKey", UUID.randomUUID().toString());
		model.addAttribute("defaultDays", v.defaultDays());
		model.addAttribute("maxDays", v.maxDays());
		model.addAttribute("receiver", v.receiver());
		model.addAttribute("insider", v.insider());
	}

	@GetMapping("/needs/{id}/pledging")
	String fragment(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		pledging(user, id, model);
		return "pledge/parts :: pledging";
	}

	@GetMapping("/needs/{id}/pledge")
	String page(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		pledging(user, id, model);
		model.addAttribute("title", PledgeTexts.mask(needs.get(id).content().title(), names(needPledging.get(id).householdId())));
		return "pledge/pledge";
	}

	// --- pledging -------------------------------------------------------------------------------

	@PostMapping("/needs/{id}/pledges")
	String pledge(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		try {
			Map<Integer, Integer> items = new LinkedHashMap<>();
			NeedPledging.Open need = needPledging.get(id);
			boolean all = form.containsKey("all");
			for (int i = 0; i < need.items().size(); i++) {
				int quantity = all ? need.items().get(i).remainingQuantity() : number(form.get("item" + i), "pledgepage.error.quantity", i + 1);
				if (quantity < 0) {
					throw new BadInputException("pledgepage.error.quantity", i + 1);
				}
				if (quantity > 0) {
					items.put(i, quantity);
				}
			}
			// or an amount in yuan instead of quantities: the whole units it covers
			String amount = form.get("amount");
			Long amountFen = null;
			if (amount != null && !amount.isBlank() && !all) {
				if (!items.isEmpty()) {
					throw new BadInputException("pledgepage.error.both");
				}
				try {
					amountFen = Money.fen(amount);
				}
				catch (IllegalArgumentException e) {
					throw new BadInputException("pledgepage.error.amount");
				}
			}
			// nothing typed: the service still answers a repeat of an earlier request by its key (a double tap on 全部认领)
			String days = form.get("days");
			Integer within = days == null || days.isBlank() ? null : number(days, "pledge.days", Pledging.MAX_DEADLINE.toDays());
			Pledging.Made made = pledging.pledge(user, id, new Pledging.Request(null, items, within, "on".equals(form.get("staffInScope"))
					|| "true".equals(form.get("staffInScope")), form.get("note"), amountFen), form.get("key"));
			redirect.addFlashAttribute("notice", text("pledgepage.pledged", pledges.get(made.pledgeId()).quantity()));
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			redirect.addFlashAttribute("error", "pledge.quantity-positive".equals(e.messageKey()) ? text("pledgepage.error.nothing") : text(e));
		}
		return "redirect:/needs/" + id;
	}

	private static int number(String text, String key, Object arg) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException e) {
			throw new BadInputException(key, arg);
		}
	}

	@PostMapping("/pledges/{id}/receive")
	String receive(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) MultipartFile photo,
			RedirectAttributes redirect) {
		long needId = pledges.get(id).needId();
		act(redirect, "pledgepage.received",
				() -> pledging.receive(user, id, photo == null || photo.isEmpty() ? null : photo.getInputStream()));
		return "redirect:/needs/" + needId;
	}

	@PostMapping("/pledges/{id}/rating")
	String rate(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) Integer stars,
			@RequestParam(required = false) String thanks, RedirectAttributes redirect) {
		long needId = pledges.get(id).needId();
		act(redirect, "pledgepage.rated", () -> ratings.rate(user, id, stars, thanks));
		return "redirect:/needs/" + needId;
	}

	// --- my pledges -----------------------------------------------------------------------------

	/** A donor's pledge with the need it is for and the steps left to take. */
	@PostMapping("/pledges/{id}/ship")
	String ship(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		act(redirect, "pledgepage.shipped", () -> pledging.ship(user, id));
		return "redirect:/pledges/mine";
	}

	@PostMapping("/pledges/{id}/cancel")
	String cancel(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		act(redirect, "pledgepage.cancelled", () -> {
			if (reason != null && reason.length() > 200) {
				throw new BadInputException("pledge.note-too-long", 200);
			}
			pledging.cancel(user, id, reason == null || reason.isBlank() ? null : reason.strip());
		});
		return "redirect:/pledges/mine";
	}

	@PostMapping("/pledges/{id}/feedback")
	String feedback(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		act(redirect, "pledgepage.feedback-saved", () -> ratings.feedback(user, id, text));
		return "redirect:/pledges/mine";
	}

	private void act(RedirectAttributes redirect, String doneKey, Flash.Action action) {
		Flash.attempt(redirect, messages, doneKey, action);
	}

	// --- helpers ----------------------------------------------------------------------------------

	private List<String> names(Long householdId) {
		return householdId == null ? List.of() : households.memberNames(List.of(householdId)).getOrDefault(householdId, List.of());
	}
}
