package org.bangfu.stats.web;

import java.time.Clock;
import java.util.List;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.bangfu.account.BangfuUser;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.bangfu.stats.Dashboards;
import org.bangfu.stats.Months;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboards: staff see their own area (another county's answers 404), drilling down to the villages and exporting
 * every table; the city office's wall screen; and the public statistics page, totals only and down to the townships
 * (a village's few households could be recognised from its figures).
 */
@Controller
class DashboardPages {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Dashboards dashboards;

	private final Regions regions;

	private final BangfuProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	private final AuditFigures audits;

	DashboardPages(Dashboards dashboards, Regions regions, BangfuProperties properties, MessageSource messages, Clock clock, AuditFigures audits) {
		this.audits = audits;
		this.dashboards = dashboards;
		this.regions = regions;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/stats/dashboard")
	String dashboard(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		Region r = staffRegion(user, region);
		Months months = Months.parse(from, to, clock);
		model.addAttribute("d", dashboards.of(r, months, true));
		model.addAttribute("base", "/stats/dashboard");
		model.addAttribute("deepest", RegionLevel.VILLAGE);
		model.addAttribute("top", user.workRegions().stream().filter(w -> w.contains(r.code())).findFirst().orElse(r));
		model.addAttribute("fromText", from == null ? "" : from);
		model.addAttribute("toText", to == null ? "" : to);
		return "stats/dashboard";
	}

	@GetMapping("/stats/dashboard.xlsx")
	ResponseEntity<byte[]> workbook(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		Region r = staffRegion(user, region);
		Months months = Months.parse(from, to, clock);
		return xlsx(r, months, dashboards.of(r, months, true), List.of(), "dashboard-");
	}

	@GetMapping("/stats/wall")
	String wall(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region, Model model) {
		live(user, region, model);
		return "stats/wall";
	}

	/** The wall's figures alone: htmx polls them every minute and swaps them in. */
	@GetMapping("/stats/wall/live")
	String live(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region, Model model) {
		Region r = staffRegion(user, region);
		model.addAttribute("d", dashboards.of(r, Months.parse(null, null, clock), true));
		model.addAttribute("updated", LocalTime.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).truncatedTo(ChronoUnit.MINUTES));
		return "stats/wall :: live";
	}

	@GetMapping("/statistics")
	String statistics(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		Region root = regions.get(RegionCode.parse(properties.rootRegion()));
		Region r = publicRegion(root, region);
		Months months = Months.parse(from, to, clock);
		Dashboards.Dashboard d = dashboards.of(r, months, r.level() != RegionLevel.TOWNSHIP);
		model.addAttribute("d", d);
		model.addAttribute("audits", audits.of(r));
		model.addAttribute("base", "/statistics");
		model.addAttribute("deepest", RegionLevel.TOWNSHIP);
		model.addAttribute("top", root);
		model.addAttribute("fromText", from == null ? "" : from);
		model.addAttribute("toText", to == null ? "" : to);
		return "stats/statistics";
	}

	/** The public statistics as a workbook: the same totals as the page, nothing personal. */
	@GetMapping("/statistics.xlsx")
	ResponseEntity<byte[]> publicWorkbook(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Region r = publicRegion(regions.get(RegionCode.parse(properties.rootRegion())), region);
		Months months = Months.parse(from, to, clock);
		return xlsx(r, months, dashboards.of(r, months, r.level() != RegionLevel.TOWNSHIP), audits.of(r), "statistics-");
	}

	/** A region of the deployment's tree down to the townships: a village's few households could be recognised from its figures. */
	private Region publicRegion(Region root, String region) {
		Region r = region == null || region.isBlank() ? root : regions.get(RegionCode.parse(region));
		if (!root.contains(r.code()) || r.level().ordinal() > RegionLevel.TOWNSHIP.ordinal()) {
			throw new NotFoundException("region.not-found", r.code());
		}
		return r;
	}

	private ResponseEntity<byte[]> xlsx(Region r, Months months, Dashboards.Dashboard d, List<AuditFigures.Line> audits, String name) {
		byte[] book = new DashboardWorkbook(this::text).write(d, audits);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(name + r.code() + "-" + months.from() + "-" + months.to() + ".xlsx").build().toString())
			.body(book);
	}

	/** The requested region within the caller's scope (404 outside it), by default the caller's own. */
	private Region staffRegion(BangfuUser user, String region) {
		if (user == null || !user.isStaff()) {
			throw new NotFoundException("error.not-found");
		}
		return user.scopeFor(region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region)));
	}

	private String text(String key, Object[] args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
