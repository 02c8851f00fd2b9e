package org.bangfu.fund.web;

import org.bangfu.account.BangfuUser;
import org.bangfu.fund.FundProfile;
import org.bangfu.fund.Gift;
import org.bangfu.fund.GiftState;
import org.bangfu.fund.Gifts;
import org.bangfu.fund.PaymentGateway;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.Money;
import org.bangfu.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The donor pays a promised gift: by bank transfer quoting the reference code, or online through the deployment's
 * {@link PaymentGateway} (the local simulator by default). Only the gift's own donor sees the page.
 */
@Controller
class PayPage {

	private static final Logger log = LoggerFactory.getLogger(PayPage.class);

	private final Gifts gifts;

	private final PaymentGateway gateway;

	private final FundProfile profile;

	private final MessageSource messages;

	PayPage(Gifts gifts, PaymentGateway gateway, FundProfile profile, MessageSource messages) {
		this.gifts = gifts;
		this.gateway = gateway;
		this.profile = profile;
		this.messages = messages;
	}

	private Gift own(BangfuUser user, long id) {
		return gifts.find(id).filter(g -> user != null && g.donorId() == user.id()).orElseThrow(() -> new NotFoundException("fund.gift.not-found"));
	}

	@GetMapping("/fund/gifts/{id}/pay")
	String page(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		Gift gift = own(user, id);
		model.addAttribute("gift", gift);
		model.addAttribute("amount", Money.yuan(gift.amountFen()));
		model.addAttribute("waiting", gift.state() == GiftState.PROMISED);
		model.addAttribute("profile", profile);
		model.addAttribute("simulated", gateway.simulated());
		return "fund/pay";
	}

	@PostMapping("/fund/gifts/{id}/pay")
	String pay(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Gift gift = own(user, id);
		try {
			if (gift.state() != GiftState.PROMISED) {
				throw new ConflictException("fund.pay.not-waiting");
			}
			var next = gateway.start(new PaymentGateway.Payment(gift.id(), gift.referenceCode(), gift.amountFen(), profile.name()));
			if (next != null) {
				return "redirect:" + next;
			}
			redirect.addFlashAttribute("notice", text("fund.page.pay.done"));
		}
		catch (BadInputException e) {
			redirect.addFlashAttribute("error", text(e.messageKey(), e.args()));
		}
		catch (Exception e) {
			log.warn("payment of gift {} through {} failed: {}", id, gateway.name(), e.getMessage());
			redirect.addFlashAttribute("error", text("fund.pay.refused", e.getMessage() == null ? "" : e.getMessage()));
		}
		return "redirect:/fund/gifts/" + id + "/pay";
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
