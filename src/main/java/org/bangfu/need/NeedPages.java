package org.bangfu.need;

import org.bangfu.shared.web.FailureStatus;
import org.bangfu.shared.NotPermittedException;
import java.io.IOException;
import java.time.Clock;
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
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.bangfu.shared.Flash;

/**
 * The need pages: the public list and need page (no login, masked), and for officers and managers
 * their needs by state, the post and edit forms, the verification queue, reports and the category
 * rules. Every POST redirects (redirect-after-POST); a refused one comes back with the reason.
 */
@Controller
class NeedPages {

	private final NeedListing listing;

	private final NeedViews views;

	private final NeedPosting posting;

	private final NeedReview review;

	private final NeedPhotos photos;

	private final NeedReports reports;

	private final CategoryRules rules;

	private final Needs needs;

	private final Households households;

	private final Regions regions;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	private final Clock clock;

	NeedPages(NeedListing listing, NeedViews views, NeedPosting posting, NeedReview review, NeedPhotos photos, NeedReports reports,
			CategoryRules rules, Needs needs, Households households, Regions regions, PublicUrl publicUrl, MessageSource messages,
			Clock clock) {
		this.listing = listing;
		this.views = views;
		this.posting = posting;
		this.review = review;
		this.photos = photos;
		this.reports = reports;
		this.rules = rules;
		this.needs = needs;
		this.households = households;
		this.regions = regions;
		this.publicUrl = publicUrl;
		this.messages = messages;
		this.clock = clock;
	}

	// --- scope helpers shared with the API ----------------------------------------------------

	/** A staff member's region: the requested one within their scope (404 outside), or their own. */
	static Region staffScope(BangfuUser user, String region, Regions regions) {
		if (user == null || !user.isStaff()) {
			throw new NotPermittedException("error.forbidden");
		}
		return user.scopeFor(region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region)));
	}

	/** The region whose reports the user reviews: a supervisor's or a manager's grant. */
	static Region reportScope(BangfuUser user, String region, Regions regions) {
		List<Region> own = user == null ? List.of() : user.grants().stream()
			.filter(g -> g.region() != null && (g.role() == Role.SUPERVISOR || NeedReview.isManager(g)))
			.map(org.bangfu.account.Grant::region)
			.toList();
		if (own.isEmpty()) {
			throw new NotPermittedException("error.forbidden");
		}
		if (region == null || region.isBlank()) {
			return own.get(0);
		}
		Region requested = regions.get(RegionCode.parse(region));
		if (!Scope.anyOf(own).contains(requested.code())) {
			throw new NotFoundException("region.not-found", region);
		}
		return requested;
	}

	static List<NeedListing.Card> mine(BangfuUser user, String region, NeedState state, int page, NeedListing listing, Regions regions) {
		if (user.isStaff()) {
			return listing.inScope(staffScope(user, region, regions), state, page);
		}
		return listing.own(user).stream().filter(c -> state == null || c.state() == state).toList();
	}

	private String text(BadInputException e) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	// --- public -------------------------------------------------------------------------------

	@GetMapping("/needs")
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String urgency, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		NeedCategory cat = parse(NeedCategory.class, category);
		Urgency urg = parse(Urgency.class, urgency);
		try {
			NeedListing.Filter filter = NeedApiController.filter(region, cat, urg, q, regions);
			model.addAttribute("result", listing.open(filter, page));
			model.addAttribute("region", filter.region());
			if (filter.region() != null) {
				model.addAttribute("regionPath", regions.ancestors(filter.region()));
			}
		}
		catch (BadInputException e) {
			response.setStatus(FailureStatus.of(e).value());
			model.addAttribute("error", text(e));
			model.addAttribute("result", new NeedListing.Page(List.of(), 0, false));
		}
		model.addAttribute("category", cat);
		model.addAttribute("urgency", urg);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("categories", NeedCategory.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("now", clock.instant());
		return htmx != null ? "need/list :: results" : "need/list";
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	@GetMapping("/needs/{id}")
	String need(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model, HttpServletRequest request) {
		NeedViews.NeedView view = views.view(user, id, publicUrl.of(request));
		model.addAttribute("need", view);
		model.addAttribute("reportReasons", NeedReports.Reason.values());
		model.addAttribute("now", clock.instant());
		if (view.state() == NeedState.DRAFT || view.state() == NeedState.REJECTED) {
			model.addAttribute("maxPhotos", NeedPhotos.MAX_PHOTOS);
			model.addAttribute("minPhotos", rules.of(view.category()).minPhotos());
		}
		return "need/need";
	}

	@GetMapping(path = "/needs/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, HttpServletRequest request) {
		NeedViews.NeedView view = views.view(user, id, publicUrl.of(request));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
			.body(QrCodes.png(view.shareUrl(), 300));
	}

	@PostMapping("/needs/{id}/report")
	String report(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String text, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			reports.report(id, parse(NeedReports.Reason.class, reason), text, user, request.getRemoteAddr());
			redirect.addFlashAttribute("notice", text("need.report.thanks"));
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", text(e));
		}
		return "redirect:/needs/" + id;
	}

	// --- officers and households --------------------------------------------------------------

	@GetMapping("/needs/mine")
	String minePage(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page, Model model) {
		NeedState s = parse(NeedState.class, state);
		model.addAttribute("cards", mine(user, region, s, page, listing, regions));
		model.addAttribute("state", s);
		model.addAttribute("states", NeedState.values());
		model.addAttribute("page", page);
		if (user.isStaff()) {
			Region scope = staffScope(user, region, regions);
			model.addAttribute("scope", scope);
			model.addAttribute("counts", listing.countsByState(scope));
			model.addAttribute("verifier", NeedReview.mayVerify(user, scope.code())
					|| user.staffGrants().stream().anyMatch(NeedReview::isManager));
		}
		else {
			Map<NeedState, Long> counts = new EnumMap<>(NeedState.class);
			listing.own(user).forEach(c -> counts.merge(c.state(), 1L, Long::sum));
			model.addAttribute("counts", counts);
			model.addAttribute("household", user.householdOnly());
		}
		model.addAttribute("mayPost", user.isStaff() || user.has(Role.HOUSEHOLD));
		return "need/mine";
	}

	/** The post and edit form's fields, as the browser sends them; values in yuan. */
	record NeedForm(String category, String title, String story, String urgency, LocalDate neededBy, Long householdId, String producer,
			String regionCode, List<String> itemKind, List<String> itemName, List<String> itemQuantity, List<String> itemUnit,
			List<String> itemValue, String product, String price, String productionCycle, Integer fromMonth, Integer toMonth) {

		static NeedForm of(NeedViews.NeedView v) {
			List<String> kinds = new ArrayList<>(), names = new ArrayList<>(), quantities = new ArrayList<>(), units = new ArrayList<>(),
					values = new ArrayList<>();
			for (NeedViews.ItemView i : v.items()) {
				kinds.add(i.kind() == null ? "" : i.kind());
				names.add(i.name());
				quantities.add(String.valueOf(i.quantity()));
				units.add(i.unit());
				values.add(AbuseRules.yuan(i.valueFen()));
			}
			ProductSale s = v.sale();
			return new NeedForm(v.category().name(), v.title(), v.story(), v.urgency().name(), v.neededBy(), v.householdId(), v.producer(),
					v.regionCode(), kinds, names, quantities, units, values, s == null ? null : s.product(),
					s == null ? null : AbuseRules.yuan(s.priceFen()), s == null ? null : s.productionCycle(), s == null ? null : s.fromMonth(),
					s == null ? null : s.toMonth());
		}

		NeedContent content() {
			NeedCategory cat = parse(NeedCategory.class, category);
			List<NeedItem> items = new ArrayList<>();
			int rows = itemName == null ? 0 : itemName.size();
			for (int i = 0; i < rows; i++) {
				String name = itemName.get(i);
				String quantity = at(itemQuantity, i);
				String value = at(itemValue, i);
				if ((name == null || name.isBlank()) && quantity.isBlank() && value.isBlank()) {
					continue; // an empty spare row of the form
				}
				items.add(new NeedItem(at(itemKind, i), name, number(quantity, i + 1), at(itemUnit, i), fen(value, "need.item-value-format", i + 1), 0));
			}
			ProductSale sale = cat == NeedCategory.PRODUCT_SALES ? new ProductSale(product, price == null || price.isBlank() ? 0
					: fen(price, "need.sale-price-format", 0), productionCycle, fromMonth == null ? 0 : fromMonth, toMonth == null ? 0 : toMonth)
					: null;
			Urgency u = parse(Urgency.class, urgency);
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
				List.of(), List.of(), List.of(), List.of(), null, null, null, null, null);
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

	@PostMapping("/needs/{id}/submit")
	String submit(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "need.submitted", () -> posting.submit(user, id));
	}

	@PostMapping("/needs/{id}/verify")
	String verify(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "need.verified", () -> review.verify(user, id));
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
		Region scope = staffScope(user, region, regions);
		model.addAttribute("scope", scope);
		model.addAttribute("waiting", review.queue(user, scope, page));
		model.addAttribute("count", review.waitingCount(user, scope));
		model.addAttribute("page", page);
		return "need/queue";
	}

	@GetMapping("/needs/reports")
	String reportsPage(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region, Model model) {
		Region scope = reportScope(user, region, regions);
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
			rules.update(user, new CategoryRule(category, NeedForm.fen(nz(maxItemValue), "need.rule.values", 0),
					NeedForm.fen(nz(maxNeedValue), "need.rule.values", 0), NeedForm.fen(nz(usualValue), "need.rule.values", 0), minPhotos,
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

	/** The households of the caller's scope that may have needs posted on their behalf, for the post form's picker (htmx). */
	@GetMapping("/needs/new/households")
	String householdPicker(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String q, Model model) {
		Region scope = staffScope(user, null, regions);
		List<Household> found = households.within(scope, q, false, 0);
		model.addAttribute("found", found.size() > 20 ? found.subList(0, 20) : found);
		return "need/form :: picker";
	}
}
