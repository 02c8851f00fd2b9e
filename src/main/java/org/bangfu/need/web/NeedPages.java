package org.bangfu.need.web;

import org.bangfu.need.CategoryRules;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedListing;
import org.bangfu.need.NeedPhotos;
import org.bangfu.need.NeedReports;
import org.bangfu.need.NeedState;
import org.bangfu.need.NeedViews;
import org.bangfu.need.Needs;
import org.bangfu.need.PublicUrl;
import org.bangfu.need.QrCodes;
import org.bangfu.need.Urgency;
import org.bangfu.need.VerificationPolicy;
import org.bangfu.shared.web.FailureStatus;
import org.bangfu.shared.NotPermittedException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.ScopeChoiceNeeded;
import org.bangfu.account.Role;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The need pages: the public list and need page (no login, masked), and for officers and managers
 * their needs by state, the post and edit forms, the verification queue, reports and the category
 * rules. Every POST redirects (redirect-after-POST); a refused one comes back with the reason.
 */
@Controller
class NeedPages {

	private final NeedListing listing;

	private final NeedViews views;

	private final NeedReports reports;

	private final CategoryRules rules;

	private final Needs needs;

	private final Households households;

	private final Regions regions;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	private final Clock clock;

	private final org.bangfu.need.HouseholdConfirmations confirmations;

	private final org.bangfu.need.NeedTrust trust;

	NeedPages(NeedListing listing, NeedViews views, NeedReports reports, CategoryRules rules, Needs needs,
			Households households, Regions regions, PublicUrl publicUrl, MessageSource messages, Clock clock,
			org.bangfu.need.HouseholdConfirmations confirmations, org.bangfu.need.NeedTrust trust) {
		this.confirmations = confirmations;
		this.trust = trust;
		this.listing = listing;
		this.views = views;
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
			.filter(g -> g.region() != null && (g.role() == Role.SUPERVISOR || VerificationPolicy.isManager(g)))
			.map(org.bangfu.account.Grant::region)
			.toList();
		if (own.isEmpty()) {
			throw new NotPermittedException("error.forbidden");
		}
		if (region == null || region.isBlank()) {
			return ScopeChoiceNeeded.widest(own);
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

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
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
	String need(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		NeedViews.NeedView view;
		try {
			view = views.view(user, id, publicUrl.of(request));
		}
		catch (NotFoundException e) {
			if (!trust.withdrawnAsFalse(id)) {
				throw e;
			}
			// found false by supervision: the public learns why it is gone, and nothing else of it (410)
			response.setStatus(410);
			model.addAttribute("needId", id);
			model.addAttribute("trust", trust.of(id));
			return "need/found-false";
		}
		model.addAttribute("need", view);
		model.addAttribute("trust", trust.of(id));
		model.addAttribute("reportReasons", NeedReports.Reason.values());
		model.addAttribute("now", clock.instant());
		if (view.flags() != null) { // staff in scope: where the household's own word stands (issue 16)
			model.addAttribute("householdWord", confirmations.status(needs.get(id)));
		}
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
			model.addAttribute("verifier", VerificationPolicy.verifiesAnywhere(user));
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
}
