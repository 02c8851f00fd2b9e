package org.bangfu.pledge.web;

import org.bangfu.pledge.DonorPledges;
import org.bangfu.pledge.DonorTools;
import org.bangfu.pledge.PledgeTexts;
import org.bangfu.pledge.Recommendations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.household.Households;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.Needs;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.bangfu.shared.Flash;

/**
 * The donor's own pages: my pledges (with what the household said), the recommendations and the
 * donor's intent that shapes them.
 */
@Controller
class DonorPledgePages {

	/** Recommendations shown on "my pledges". */
	static final int RECOMMENDED = 10;

	private final DonorPledges donorPledges;

	private final Recommendations recommendations;

	private final Needs needs;

	private final Households households;

	private final MessageSource messages;

	DonorPledgePages(DonorPledges donorPledges, Recommendations recommendations, Needs needs, Households households,
			MessageSource messages) {
		this.donorPledges = donorPledges;
		this.recommendations = recommendations;
		this.needs = needs;
		this.households = households;
		this.messages = messages;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** A recommended need, its title masked and its reasons in words. */
	record Suggestion(long needId, String title, NeedCategory category, String village, int urgency, long waitingDays, int remainingQuantity,
			int totalQuantity, long remainingValueFen, int percentPledged, List<String> reasons) {
	}

	@GetMapping("/pledges/mine")
	String mine(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		DonorTools.refuseHousehold(user);
		model.addAttribute("rows", donorPledges.mine(user, page));
		model.addAttribute("page", page);
		model.addAttribute("suggestions", suggestions(user, RECOMMENDED));
		model.addAttribute("intent", recommendations.of(user.id()).orElse(null));
		model.addAttribute("categories", NeedCategory.values());
		return "pledge/mine";
	}

	/** The first few recommendations, for the home page (loaded by htmx; the page links to /pledges/mine without JavaScript). */
	@GetMapping("/pledges/recommended")
	String recommended(@AuthenticationPrincipal BangfuUser user, Model model) {
		DonorTools.refuseHousehold(user);
		model.addAttribute("suggestions", suggestions(user, Recommendations.RECOMMENDED_ON_HOME));
		return "pledge/parts :: recommended";
	}

	private List<Suggestion> suggestions(BangfuUser user, int limit) {
		List<Recommendations.Recommended> found = recommendations.forDonor(user.id(), limit);
		Map<Long, List<String>> names = new HashMap<>();
		Map<Long, Long> householdOf = new HashMap<>();
		for (Recommendations.Recommended r : found) {
			Long household = needs.get(r.needId()).householdId();
			if (household != null) {
				householdOf.put(r.needId(), household);
			}
		}
		if (!householdOf.isEmpty()) {
			names.putAll(households.memberNames(householdOf.values()));
		}
		return found.stream()
			.map(r -> new Suggestion(r.needId(), PledgeTexts.mask(r.title(), names.get(householdOf.get(r.needId()))), r.category(), r.villageName(),
					r.urgency(), r.waitingDays(), r.remainingQuantity(), r.totalQuantity(), r.remainingValueFen(), r.percentPledged(),
					r.reasons().stream().map(this::reason).toList()))
			.toList();
	}

	private String reason(String coded) {
		String[] parts = coded.split(":", 2);
		return text(parts[0], parts.length > 1 ? new Object[] { parts[1] } : new Object[0]);
	}

	@PostMapping("/pledges/intent")
	String intent(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) List<String> categories,
			@RequestParam(required = false) String regions, @RequestParam(required = false) String budget,
			@RequestParam(defaultValue = "false") boolean monthly, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "pledgepage.intent-saved", () -> {
			List<NeedCategory> cats = new ArrayList<>();
			for (String c : categories == null ? List.<String>of() : categories) {
				try {
					cats.add(NeedCategory.valueOf(c));
				}
				catch (IllegalArgumentException e) {
					throw new BadInputException("intent.category", c);
				}
			}
			List<String> prefixes = regions == null ? List.of()
					: List.of(regions.split("[,，、;；\\s]+")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
			recommendations.save(user, new Recommendations.Intent(cats, prefixes, fen(budget), monthly));
		});
		return "redirect:/pledges/mine#recommend";
	}

	/** Yuan as typed (at most two decimals, separators allowed) to fen; anything else is no budget. */
	static Long fen(String yuan) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		try {
			return org.bangfu.shared.Money.fen(yuan);
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("intent.budget");
		}
	}
}
