package org.bangfu.offer.web;


import org.bangfu.offer.OfferViews;
import org.bangfu.offer.Offers;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Flash;
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

/**
 * The donor's side of an offer: accepting or declining what households asked of it (an accepted
 * request becomes a pledge), closing it, and the donor's list of offers. A second tap of 接受 answers
 * with the pledge the first one made.
 */
@Controller
class OfferDonorPages {

	private final Offers offers;

	private final OfferViews views;

	private final MessageSource messages;

	OfferDonorPages(Offers offers, OfferViews views, MessageSource messages) {
		this.offers = offers;
		this.views = views;
		this.messages = messages;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private OfferViews.RequestState ownRequest(BangfuUser user, long requestId) {
		return views.request(requestId)
			.filter(r -> offers.ownedBy(r.offerId(), user.id()))
			.orElseThrow(() -> new NotFoundException("offer.request-not-found"));
	}

	@PostMapping("/offers/requests/{requestId}/accept")
	String accept(@AuthenticationPrincipal BangfuUser user, @PathVariable long requestId, RedirectAttributes redirect) {
		OfferViews.RequestState request = ownRequest(user, requestId);
		try {
			accepted(redirect, request.needId(), offers.accept(user, requestId));
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			OfferViews.RequestState now = views.request(requestId).orElse(request);
			if ("ACCEPTED".equals(now.state()) && now.pledgeId() != null) {
				accepted(redirect, now.needId(), now.pledgeId()); // the second of a double tap: the first made the pledge
			}
			else {
				redirect.addFlashAttribute("error", text(e.messageKey(), e.args()));
			}
		}
		return "redirect:/offers/" + request.offerId();
	}

	private void accepted(RedirectAttributes redirect, long needId, long pledgeId) {
		redirect.addFlashAttribute("notice", text("offerpage.accepted"));
		redirect.addFlashAttribute("pledgeLink", "/needs/" + needId + "#pledge-" + pledgeId);
	}

	@PostMapping("/offers/requests/{requestId}/decline")
	String decline(@AuthenticationPrincipal BangfuUser user, @PathVariable long requestId, RedirectAttributes redirect) {
		OfferViews.RequestState request = ownRequest(user, requestId);
		try {
			offers.decline(user, requestId);
			redirect.addFlashAttribute("notice", text("offerpage.declined"));
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			boolean repeated = views.request(requestId).map(r -> "DECLINED".equals(r.state())).orElse(false);
			redirect.addFlashAttribute(repeated ? "notice" : "error", repeated ? text("offerpage.declined") : text(e.messageKey(), e.args()));
		}
		return "redirect:/offers/" + request.offerId();
	}

	@PostMapping("/offers/{id}/close")
	String close(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "offerpage.closed", () -> offers.close(user, id));
		return "redirect:/offers/" + id;
	}

	// --- a donor's offers --------------------------------------------------------------------------

	@GetMapping("/offers/mine")
	String mine(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", views.mine(user.id(), page));
		model.addAttribute("mayOffer", Offers.mayOffer(user));
		return "offer/offers-mine";
	}
}
