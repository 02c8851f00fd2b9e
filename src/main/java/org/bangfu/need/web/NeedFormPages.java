package org.bangfu.need.web;

import org.bangfu.need.AbuseRules;
import org.bangfu.need.CategoryRule;
import org.bangfu.need.CategoryRules;
import org.bangfu.need.ItemKinds;
import org.bangfu.need.Need;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedContent;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedPhotos;
import org.bangfu.need.NeedPosting;
import org.bangfu.need.NeedViews;
import org.bangfu.need.Needs;
import org.bangfu.need.ProductSale;
import org.bangfu.need.PublicUrl;
import org.bangfu.need.Urgency;
import org.bangfu.shared.web.FailureStatus;
import org.bangfu.shared.NotPermittedException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.bangfu.shared.Flash;

/**
 * The need's forms: posting a need (with the household picker) and editing it, and its photos. A
 * refused post comes back with the form as it was filled and the reason.
 */
@Controller
class NeedFormPages {

	private final NeedViews views;

	private final NeedPosting posting;

	private final NeedPhotos photos;

	private final CategoryRules rules;

	private final Needs needs;

	private final Households households;

	private final Regions regions;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	NeedFormPages(NeedViews views, NeedPosting posting, NeedPhotos photos, CategoryRules rules, Needs needs,
			Households households, Regions regions, PublicUrl publicUrl, MessageSource messages) {
		this.views = views;
		this.posting = posting;
		this.photos = photos;
		this.rules = rules;
		this.needs = needs;
		this.households = households;
		this.regions = regions;
		this.publicUrl = publicUrl;
		this.messages = messages;
	}

	private String text(BadInputException e) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private String act(long id, RedirectAttributes redirect, String doneKey, Flash.Action action) {
		Flash.attempt(redirect, messages, doneKey, action);
		return "redirect:/needs/" + id;
	}

	/** The post and edit form's fields, as the browser sends them; values in yuan. */
	record NeedForm(String category, String title, String story, String urgency, LocalDate neededBy, Long householdId, String producer,
			String regionCode, List<String> itemKind, List<String> itemName, List<String> itemQuantity, List<String> itemUnit,
			List<String> itemValue, List<String> itemMode, String product, String price, String productionCycle, Integer fromMonth, Integer toMonth) {

		static NeedForm of(NeedViews.NeedView v) {
			List<String> kinds = new ArrayList<>(), names = new ArrayList<>(), quantities = new ArrayList<>(), units = new ArrayList<>(),
					values = new ArrayList<>(), modes = new ArrayList<>();
			for (NeedViews.ItemView i : v.items()) {
				kinds.add(i.kind() == null ? "" : i.kind());
				names.add(i.name());
				quantities.add(String.valueOf(i.quantity()));
				units.add(i.unit());
				values.add(AbuseRules.yuan(i.valueFen()));
				modes.add(i.money() ? "MONEY" : "GOODS");
			}
			ProductSale s = v.sale();
			return new NeedForm(v.category().name(), v.title(), v.story(), v.urgency().name(), v.neededBy(), v.householdId(), v.producer(),
					v.regionCode(), kinds, names, quantities, units, values, modes, s == null ? null : s.product(),
					s == null ? null : AbuseRules.yuan(s.priceFen()), s == null ? null : s.productionCycle(), s == null ? null : s.fromMonth(),
					s == null ? null : s.toMonth());
		}

		NeedContent content() {
			NeedCategory cat = NeedPages.parse(NeedCategory.class, category);
			List<NeedItem> items = new ArrayList<>();
			int rows = itemName == null ? 0 : itemName.size();
			for (int i = 0; i < rows; i++) {
				String name = itemName.get(i);
				String quantity = at(itemQuantity, i);
				String value = at(itemValue, i);
				if ((name == null || name.isBlank()) && quantity.isBlank() && value.isBlank()) {
					continue; // an empty spare row of the form
				}
				boolean money = "MONEY".equals(at(itemMode, i));
				items.add(new NeedItem(at(itemKind, i), name, money && quantity.isBlank() ? 1 : number(quantity, i + 1),
						money && at(itemUnit, i).isBlank() ? "项" : at(itemUnit, i), fen(value, "need.item-value-format", i + 1), 0, money));
			}
			ProductSale sale = cat == NeedCategory.PRODUCT_SALES ? new ProductSale(product, price == null || price.isBlank() ? 0
					: fen(price, "need.sale-price-format", 0), productionCycle, fromMonth == null ? 0 : fromMonth, toMonth == null ? 0 : toMonth)
					: null;
			Urgency u = NeedPages.parse(Urgency.class, urgency);
			return new NeedContent(cat, title, story, items, u == null ? Urgency.NORMAL : u, neededBy, sale);
		}

		private static String at(List<String> list, int i) {
			return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i).strip();
		}

		private static int number(String text, int line) {
			try {
				return Integer.parseInt(text);
			}
			catch (NumberFormatException e) {
				throw new BadInputException("need.item-quantity", line);
			}
		}

		/** Yuan with at most two decimals, to fen. */
		static long fen(String yuan, String key, int line) {
			try {
				return org.bangfu.shared.Money.fen(yuan);
			}
			catch (IllegalArgumentException e) {
				throw new BadInputException(key, line);
			}
		}
	}

	@GetMapping("/needs/new")
	String newForm(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) Long household,
			@RequestParam(required = false) String category, Model model) {
		NeedForm form = new NeedForm(category == null ? "MEDICAL" : category, "", "", "NORMAL", null, household, null, null, List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null, null);
		return form(user, form, null, model);
	}

	private String form(BangfuUser user, NeedForm form, Long needId, Model model) {
		if (!user.isStaff() && !user.has(Role.HOUSEHOLD)) {
			throw new NotPermittedException("need.post-forbidden");
		}
		model.addAttribute("form", form);
		model.addAttribute("needId", needId);
		model.addAttribute("categories", NeedCategory.values());
		model.addAttribute("urgencies", Urgency.values());
		List<CategoryRule> all = rules.all();
		model.addAttribute("kinds", ItemKinds.byCategory(all));
		model.addAttribute("rules", all);
		// the photos each category asks for before submission, for the form's sentence (and all of them without JavaScript)
		Map<NeedCategory, Integer> photoCounts = new EnumMap<>(NeedCategory.class);
		all.forEach(r -> photoCounts.put(r.category(), r.minPhotos()));
		model.addAttribute("photos", photoCounts);
		model.addAttribute("photoRules", String.join(text("needpage.form.photos.separator"), photoCounts.entrySet().stream()
			.filter(e -> e.getValue() > 0)
			.map(e -> text("needpage.form.photos.rule", text(e.getKey().label()), e.getValue()))
			.toList()));
		if (form.householdId() != null && user.isStaff()) {
			model.addAttribute("household", households.inScopeOf(user, form.householdId()));
		}
		else if (!user.isStaff()) {
			model.addAttribute("household", households.ofAccount(user.id()).orElse(null));
		}
		if (user.isStaff()) {
			model.addAttribute("villages", postingUnits(user));
		}
		model.addAttribute("rows", Math.max(3, form.itemName() == null ? 0 : form.itemName().size() + 1));
		return "need/form";
	}

	/**
	 * Where staff may post a need for a producer or a project: their own villages, townships and counties,
	 * and for the city office its counties (a city itself has no needs of its own).
	 */
	private List<Region> postingUnits(BangfuUser user) {
		List<Region> units = new ArrayList<>();
		for (org.bangfu.account.Grant g : user.staffGrants()) {
			if (g.region().level() == org.bangfu.region.RegionLevel.CITY && g.role() == Role.CITY_ADMIN) {
				regions.children(RegionCode.parse(g.region().code()), null).forEach(c -> units.add(c.region()));
			}
			else if (!units.contains(g.region())) {
				units.add(g.region());
			}
		}
		return units;
	}

	@PostMapping("/needs")
	String create(@AuthenticationPrincipal BangfuUser user, @ModelAttribute NeedForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Need need = posting.create(user, new NeedPosting.Subject(form.householdId(), form.producer(), form.regionCode()), form.content());
			redirect.addFlashAttribute("notice", text(rules.of(need.content().category()).minPhotos() > 0 ? "need.created" : "need.created.no-photos"));
			return "redirect:/needs/" + need.id();
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			response.setStatus(FailureStatus.of(e).value());
			model.addAttribute("error", text(e));
			return form(user, form, null, model);
		}
	}

	@GetMapping("/needs/{id}/edit")
	String editForm(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model, HttpServletRequest request) {
		posting.editable(user, needs.get(id));
		return form(user, NeedForm.of(views.view(user, id, publicUrl.of(request))), id, model);
	}

	@PostMapping("/needs/{id}/edit")
	String edit(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @ModelAttribute NeedForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			posting.edit(user, id, form.content());
			redirect.addFlashAttribute("notice", text("need.saved"));
			return "redirect:/needs/" + id;
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			response.setStatus(FailureStatus.of(e).value());
			model.addAttribute("error", text(e));
			return form(user, form, id, model);
		}
	}

	@PostMapping("/needs/{id}/photos")
	String addPhoto(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) MultipartFile photo,
			RedirectAttributes redirect) throws IOException {
		return act(id, redirect, "need.photo-added", () -> {
			if (photo == null || photo.isEmpty()) {
				throw new BadInputException("photo.empty");
			}
			photos.add(user, posting.editable(user, needs.get(id)), photo.getInputStream());
		});
	}

	@PostMapping("/needs/{id}/photos/{photoId}/delete")
	String removePhoto(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long photoId,
			RedirectAttributes redirect) {
		return act(id, redirect, "need.photo-removed", () -> photos.remove(posting.editable(user, needs.get(id)), photoId));
	}

	/**
	 * The households that may have needs posted on their behalf, for the post form's picker (htmx): in every region the
	 * officer works in (one who serves two villages finds the households of both).
	 */
	@GetMapping("/needs/new/households")
	String householdPicker(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String q, Model model) {
		if (user == null || !user.isStaff()) {
			throw new NotPermittedException("error.forbidden");
		}
		List<Household> found = user.workRegions().stream().flatMap(r -> households.within(r, q, false, 0).stream()).toList();
		model.addAttribute("found", found.size() > 20 ? found.subList(0, 20) : found);
		return "need/form :: picker";
	}
}
