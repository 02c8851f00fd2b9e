package org.bangfu.fund.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.bangfu.account.BangfuUser;
import org.bangfu.fund.FundProfile;
import org.bangfu.fund.Gift;
import org.bangfu.fund.GiftState;
import org.bangfu.fund.Gifts;
import org.bangfu.fund.Giving;
import org.bangfu.fund.IfUnfunded;
import org.bangfu.fund.MoneyLines;
import org.bangfu.need.NeedState;
import org.bangfu.need.NeedViews;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Money;
import org.bangfu.shared.NotAuthenticatedException;
import org.bangfu.shared.NotFoundException;
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
 * Giving to a need's money line from its page: the progress and give form ({@code /fund/needs/{id}/money}, an htmx
 * fragment of the need page, and {@code /give} the same as a whole page without JavaScript), the gift itself
 * (redirect-after-POST to the gift's page; a refused gift comes back on the give page with its reason and a 4xx), and
 * the donor's own gift page with how to transfer, its cancel, and its printable receipt. Another donor's gift is 404.
 */
@Controller
class FundGiftPages {

	private final NeedViews needs;

	private final MoneyLines lines;

	private final Giving giving;

	private final Gifts gifts;

	private final FundProfile profile;

	private final MessageSource messages;

	FundGiftPages(NeedViews needs, MoneyLines lines, Giving giving, Gifts gifts, FundProfile profile, MessageSource messages) {
		this.needs = needs;
		this.lines = lines;
		this.giving = giving;
		this.gifts = gifts;
		this.profile = profile;
		this.messages = messages;
	}

	/** The need's money lines and, while it is open, the form; the public view of the need (404 when it is not public). */
	private void money(BangfuUser user, long id, Model model) {
		NeedViews.NeedView need = needs.view(null, id, "");
		model.addAttribute("need", need);
		model.addAttribute("moneyLines", MoneyLineView.of(need, lines.ofNeed(id)));
		model.addAttribute("open", NeedState.OPEN.contains(need.state()));
		model.addAttribute("signedIn", user != null);
		model.addAttribute("mayGive", user != null && !user.householdOnly());
		model.addAttribute("giftKey", UUID.randomUUID().toString());
	}

	@GetMapping("/fund/needs/{id}/money")
	String fragment(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		money(user, id, model);
		return "fund/money :: money";
	}

	@GetMapping("/fund/needs/{id}/give")
	String page(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		money(user, id, model);
		return "fund/money";
	}

	@PostMapping("/fund/needs/{id}/gifts")
	String give(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) Integer position,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String ifUnfunded,
			@RequestParam(required = false) String shown, @RequestParam(required = false) String key, Model model,
			HttpServletResponse response) {
		try {
			if (user == null) {
				throw new NotAuthenticatedException("fund.gift.not-signed-in");
			}
			if (position == null) {
				throw new BadInputException("fund.gift.item-required");
			}
			Giving.Given given = giving.give(user, id, new Giving.Request(position, fen(amount), choice(ifUnfunded),
					"anonymous".equals(shown)), key);
			return "redirect:/fund/gifts/" + given.gift().id();
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException && "need.not-found".equals(e.messageKey())) {
				throw e;
			}
			// back on the give page with the reason and what was typed; nothing was given, so a new key is right
			response.setStatus(FailureStatus.of(e).value());
			model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
			model.addAttribute("typedAmount", amount);
			model.addAttribute("typedPosition", position);
			money(user, id, model);
			return "fund/money";
		}
	}

	private static Long fen(String amount) {
		if (amount == null || amount.isBlank()) {
			throw new BadInputException("fund.gift.amount-invalid");
		}
		try {
			return Money.fen(amount);
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("fund.gift.amount-invalid");
		}
	}

	private static IfUnfunded choice(String text) {
		try {
			return text == null || text.isBlank() ? null : IfUnfunded.valueOf(text);
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("fund.gift.if-unfunded-required");
		}
	}

	// --- the donor's own gift ---------------------------------------------------------------------

	/** The caller's own gift; anyone else's (or none) is 404, so that a gift's existence is not confirmed. */
	private Gift own(BangfuUser user, long id) {
		return gifts.find(id).filter(g -> user != null && g.donorId() == user.id()).orElseThrow(() -> new NotFoundException("fund.gift.not-found"));
	}

	@GetMapping("/fund/gifts/{id}")
	String gift(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		Gift gift = own(user, id);
		model.addAttribute("gift", gift);
		model.addAttribute("profile", profile);
		model.addAttribute("needTitle", title(gift.needId()));
		model.addAttribute("receiptReady", receiptReady(gift));
		model.addAttribute("payBy", gift.createdAt().plus(java.time.Duration.ofDays(profile.giftDays())));
		model.addAttribute("line", line(gift));
		return "fund/gift";
	}

	/** The gift's money line with its progress; null for the pool or a need no longer public. */
	private MoneyLineView line(Gift gift) {
		if (gift.needId() == null) {
			return null;
		}
		try {
			return MoneyLineView.of(needs.view(null, gift.needId(), ""), lines.ofNeed(gift.needId())).stream()
				.filter(l -> l.position() == gift.position()).findFirst().orElse(null);
		}
		catch (NotFoundException gone) {
			return null;
		}
	}

	@PostMapping("/fund/gifts/{id}/cancel")
	String cancel(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			giving.cancel(user, id);
			redirect.addFlashAttribute("notice", messages.getMessage("fundpage.gift.cancelled", null, LocaleContextHolder.getLocale()));
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
		}
		return "redirect:/fund/gifts/" + id;
	}

	@GetMapping("/fund/gifts/{id}/receipt")
	String receipt(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		Gift gift = own(user, id);
		if (!receiptReady(gift)) {
			throw new NotFoundException("fundpage.receipt.not-yet");
		}
		model.addAttribute("gift", gift);
		model.addAttribute("profile", profile);
		model.addAttribute("needTitle", title(gift.needId()));
		model.addAttribute("capital", CapitalNumerals.of(gift.amountFen()));
		MoneyLineView line = line(gift);
		model.addAttribute("lineName", line == null ? null : line.name());
		return "fund/receipt";
	}

	/** A receipt stands for money the fund received and keeps: not for a gift waiting, cancelled or paid back. */
	static boolean receiptReady(Gift gift) {
		return gift.receiptNumber() != null && (gift.state() == GiftState.RECEIVED || gift.state() == GiftState.POOLED);
	}

	/** The need's title as the public reads it (names masked); null for the pool or a need no longer public. */
	String title(Long needId) {
		if (needId == null) {
			return null;
		}
		try {
			return needs.view(null, needId, "").title();
		}
		catch (NotFoundException gone) {
			return null;
		}
	}
}
