package org.bangfu.offer.web;

import org.bangfu.offer.OfferAsking;
import org.bangfu.offer.OfferViews;
import org.bangfu.offer.Offers;
import org.bangfu.shared.NotPermittedException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bangfu.account.BangfuUser;
import org.bangfu.need.ItemKinds;
import org.bangfu.need.NeedCategory;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The offer pages (我要捐赠 / 我想要). {@code /offers}: the open offers, public. {@code /offers/new}: a
 * donor puts one up. {@code /offers/{id}}: the offer; for its donor the requests with 同意 and 婉拒, for
 * staff and households the 我想要 form over their open needs that fit it, for anyone else the offer
 * alone. {@code /offers/mine}: a donor's offers and the requests waiting. Every POST redirects
 * (redirect-after-POST); a refused one comes back as the flash error in the user's language, and a
 * tap repeated by an impatient thumb answers as the first one did.
 */
@Controller
class OfferPages {

	private final Offers offers;

	private final OfferViews views;

	private final Regions regions;

	private final BangfuProperties properties;

	private final MessageSource messages;

	private final ItemKinds kinds;

	private final OfferAsking asking;

	OfferPages(Offers offers, OfferViews views, Regions regions, BangfuProperties properties, MessageSource messages, ItemKinds kinds,
			OfferAsking asking) {
		this.kinds = kinds;
		this.asking = asking;
		this.offers = offers;
		this.views = views;
		this.regions = regions;
		this.properties = properties;
		this.messages = messages;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static NeedCategory category(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return NeedCategory.valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Who sees 我要捐赠: donors. Staff could offer too (the rules allow it), but their task here is asking, so the button would mislead. */
	private static boolean donorButton(BangfuUser user) {
		return user != null && Offers.mayOffer(user) && !user.isStaff();
	}

	// --- the public list ---------------------------------------------------------------------------

	@GetMapping("/offers")
	String list(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String category,
			@RequestParam(defaultValue = "0") int page, Model model) {
		NeedCategory cat = category(category);
		model.addAttribute("result", views.open(cat, page));
		model.addAttribute("category", cat);
		model.addAttribute("categories", NeedCategory.values());
		model.addAttribute("mayOffer", donorButton(user));
		model.addAttribute("mayAsk", views.mayAsk(user));
		model.addAttribute("signedIn", user != null);
		return "offer/offers";
	}

	// --- putting an offer up -----------------------------------------------------------------------

	/** The form's fields as the browser sends them; the key makes a repeated submit one offer. */
	record OfferForm(String category, String title, String description, String itemName, String kind, String unit, String quantity,
			String county, String township, String key) implements java.io.Serializable {

		static OfferForm blank(String category) {
			return new OfferForm(category, "", "", "", "", "", "", "", "", UUID.randomUUID().toString());
		}

		/** The offer as the rules take it; the area is the township when one was chosen, else the county, else anywhere. */
		Offers.NewOffer offer() {
			Integer amount = null;
			if (quantity != null && !quantity.isBlank()) {
				try {
					amount = Integer.parseInt(quantity.strip());
				}
				catch (NumberFormatException e) {
					throw new BadInputException("offer.quantity");
				}
			}
			String c = county == null ? "" : county.strip();
			String t = township == null ? "" : township.strip();
			if (!t.isEmpty() && !c.isEmpty() && !Scope.of(c).contains(t)) {
				throw new BadInputException("offerpage.error.township");
			}
			List<String> area = !t.isEmpty() ? List.of(t) : !c.isEmpty() ? List.of(c) : List.of();
			return new Offers.NewOffer(OfferPages.category(category), title, description, itemName, kind, unit, amount, area);
		}
	}

	@GetMapping("/offers/new")
	String newForm(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String category, Model model) {
		if (!Offers.mayOffer(user)) {
			throw new NotPermittedException("offer.household");
		}
		// after a refusal the flash brings back what was typed
		OfferForm form = model.getAttribute("form") instanceof OfferForm kept ? kept : OfferForm.blank(category);
		model.addAttribute("form", form);
		model.addAttribute("categories", NeedCategory.values());
		model.addAttribute("kinds", kinds.all());
		model.addAttribute("counties", regions.children(RegionCode.parse(properties.rootRegion()), null));
		model.addAttribute("townships", townshipsOf(form.county()));
		return "offer/offer-form";
	}

	/** The townships of a county of this deployment, for the area picker (htmx); nothing for anything else. */
	private List<Regions.RegionNode> townshipsOf(String county) {
		if (county == null || county.isBlank()) {
			return List.of();
		}
		RegionCode root = RegionCode.parse(properties.rootRegion());
		boolean ours = regions.children(root, null).stream().anyMatch(c -> c.region().code().equals(county.strip()));
		return ours ? regions.children(RegionCode.parse(county), null) : List.of();
	}

	@GetMapping("/offers/new/townships")
	String townships(@RequestParam(required = false) String county, Model model) {
		model.addAttribute("form", new OfferForm(null, "", "", "", "", "", "", county, "", ""));
		model.addAttribute("townships", townshipsOf(county));
		return "offer/offer-form :: townships";
	}

	@PostMapping("/offers")
	String create(@AuthenticationPrincipal BangfuUser user, @ModelAttribute OfferForm form, RedirectAttributes redirect) {
		try {
			Offers.Created made = offers.create(user, form.offer(), form.key());
			redirect.addFlashAttribute("notice", text("offerpage.created"));
			return "redirect:/offers/" + made.id();
		}
		catch (BadInputException e) {
			if (e instanceof NotPermittedException || e instanceof NotFoundException) {
				throw e;
			}
			redirect.addFlashAttribute("form", form);
			redirect.addFlashAttribute("error", text(e.messageKey(), e.args()));
			return "redirect:/offers/new";
		}
	}

	// --- one offer ---------------------------------------------------------------------------------

	/** {@code others}: the 我想要 list also shows the lines of other item kinds, to be asked for as a substitute. */
	@GetMapping("/offers/{id}")
	String offer(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(defaultValue = "false") boolean others,
			Model model) {
		Offers.Offer offer = offers.get(id);
		boolean owner = user != null && offers.ownedBy(id, user.id());
		boolean open = offer.open() && offer.remaining() > 0;
		boolean mayAsk = !owner && views.mayAsk(user);
		model.addAttribute("listed", views.one(offer));
		model.addAttribute("offer", offer);
		model.addAttribute("owner", owner);
		model.addAttribute("open", open);
		model.addAttribute("mayAsk", mayAsk);
		model.addAttribute("signedIn", user != null);
		model.addAttribute("mayOffer", !owner && donorButton(user));
		if (owner) {
			model.addAttribute("requests", views.requestsOf(id));
		}
		if (mayAsk) {
			model.addAttribute("asked", views.askedFor(user, id));
			if (open) {
				model.addAttribute("candidates", views.candidates(user, offer, others));
				model.addAttribute("others", others);
			}
		}
		return "offer/offer";
	}

	/** "登录后申请": the login comes back here, and here is the 我想要 form. */
	@GetMapping("/offers/{id}/want")
	String want(@PathVariable long id) {
		return "redirect:/offers/" + id + "#want";
	}

	@PostMapping("/offers/{id}/requests")
	String ask(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String needId,
			@RequestParam(required = false) String position, @RequestParam(required = false) String quantity,
			@RequestParam(defaultValue = "false") boolean substitute, RedirectAttributes redirect) {
		Long need = null;
		Integer line = null;
		Integer amount = null;
		try {
			need = number(needId, "offer.need-required").longValue();
			line = number(position, "offer.need-required").intValue();
			amount = number(quantity, "pledge.quantity-positive").intValue();
			asking.request(user, id, need, line, amount, substitute);
			redirect.addFlashAttribute("notice", text("offerpage.asked", amount, offers.get(id).unit()));
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			// a second tap of 我想要: the first already asked for the same, by the same person
			Optional<OfferViews.RequestState> earlier = "offer.requested-already".equals(e.messageKey()) ? views.request(id, need, line)
					: Optional.empty();
			if (earlier.isPresent() && earlier.get().requestedBy() == user.id() && earlier.get().quantity() == amount
					&& "REQUESTED".equals(earlier.get().state())) {
				redirect.addFlashAttribute("notice", text("offerpage.asked", amount, offers.get(id).unit()));
			}
			else {
				redirect.addFlashAttribute("error", text(e.messageKey(), e.args()));
			}
		}
		// no #want: the answer is the notice at the top of the page
		return "redirect:/offers/" + id;
	}

	private static Long number(String text, String key) {
		if (text == null || text.isBlank()) {
			throw new BadInputException(key);
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException e) {
			throw new BadInputException(key);
		}
	}

	/** The request, if it belongs to one of the user's offers; 404 otherwise, whether or not it exists. */
}
