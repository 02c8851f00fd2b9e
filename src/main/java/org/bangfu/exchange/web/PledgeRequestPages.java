package org.bangfu.exchange.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.exchange.NodeNames;
import org.bangfu.exchange.PledgeRequests;
import org.bangfu.pledge.DonorTools;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
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

/** The pledge form on a remote need's page, and the donor's own list of its requests (redirect after POST). */
@Controller
class PledgeRequestPages {

	private final PledgeRequests requests;

	private final NodeNames names;

	private final MessageSource messages;

	PledgeRequestPages(PledgeRequests requests, NodeNames names, MessageSource messages) {
		this.requests = requests;
		this.names = names;
		this.messages = messages;
	}

	/** Quantities by position from the fields q0, q1, …; blank or 0 fields are left out. */
	static Map<Integer, Integer> quantities(Map<String, String> form) {
		Map<Integer, Integer> items = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.matches("q\\d{1,3}") && value != null && !value.isBlank()) {
				int quantity;
				try {
					quantity = Integer.parseInt(value.strip());
				}
				catch (NumberFormatException e) {
					throw new BadInputException("pledge.quantity-positive");
				}
				if (quantity != 0) {
					items.put(Integer.parseInt(name.substring(1)), quantity);
				}
			}
		});
		return items;
	}

	@PostMapping("/exchange/needs/{origin}/{id}/pledges")
	String pledge(@AuthenticationPrincipal BangfuUser user, @PathVariable String origin, @PathVariable long id,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		try {
			Map<Integer, Integer> items = quantities(form);
			if (items.isEmpty()) {
				throw new BadInputException("pledge.quantity-positive");
			}
			requests.request(user, origin, id, items, null, form.get("key"));
			String origins = names.name(origin, LocaleContextHolder.getLocale());
			redirect.addFlashAttribute("notice", messages.getMessage(requests.reachable(origin) ? "exchange.pledge.submitted"
					: "exchange.pledge.queued", new Object[] { origins }, LocaleContextHolder.getLocale()));
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
		}
		return "redirect:/exchange/needs/" + origin + "/" + id;
	}

	@GetMapping("/exchange/pledge-requests")
	String mine(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		DonorTools.refuseHousehold(user);
		var mine = requests.mine(user.id(), page);
		Map<String, String> titles = new LinkedHashMap<>();
		mine.forEach(r -> titles.put(r.requestId(), requests.needTitle(r)));
		model.addAttribute("requests", mine);
		model.addAttribute("titles", titles);
		return "exchange/pledge-requests";
	}
}
