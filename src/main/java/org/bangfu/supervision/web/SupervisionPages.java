package org.bangfu.supervision.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.need.NeedCategory;
import org.bangfu.region.Region;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Flash;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.supervision.Findings;
import org.bangfu.supervision.InspectionReports;
import org.bangfu.supervision.Outcome;
import org.bangfu.supervision.SampleViews;
import org.bangfu.supervision.Sampling;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervisors' pages: samples and the draw form, a sample, a need's finding form, inspection reports (page and XLSX). */
@Controller
class SupervisionPages {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final SampleViews views;

	private final Sampling sampling;

	private final Findings findings;

	private final InspectionReports reports;

	private final OperationLog log;

	private final MessageSource messages;

	private final Clock clock;

	SupervisionPages(SampleViews views, Sampling sampling, Findings findings, InspectionReports reports, OperationLog log,
			MessageSource messages, Clock clock) {
		this.views = views;
		this.sampling = sampling;
		this.findings = findings;
		this.reports = reports;
		this.log = log;
		this.messages = messages;
		this.clock = clock;
	}

	private static void require(BangfuUser user) {
		if (!SampleViews.audits(user)) {
			throw new NotPermittedException("error.forbidden");
		}
	}

	@GetMapping("/audits")
	String samples(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region, Model model) {
		require(user);
		Region r = views.region(user, region);
		model.addAttribute("region", r);
		model.addAttribute("choices", views.choices(r));
		model.addAttribute("samples", views.list(r));
		model.addAttribute("categories", NeedCategory.values());
		return "supervision/samples";
	}

	@PostMapping("/audits/samples")
	String draw(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) String size, @RequestParam(required = false) String seed,
			@RequestParam(required = false) String category, @RequestParam(required = false) String flagRule, RedirectAttributes redirect) {
		require(user);
		long[] drawn = new long[1];
		Flash.attempt(redirect, messages, "audit.sample.drawn", () -> drawn[0] = sampling.draw(user, new Sampling.Request(region,
				number(size, "audit.size-required").map(Long::intValue).orElse(null), number(seed, "audit.seed-invalid").orElse(null),
				AuditApiController.category(category), null, flagRule)).id());
		return drawn[0] == 0 ? "redirect:/audits" + (region == null || region.isBlank() ? "" : "?region=" + region)
				: "redirect:/audits/samples/" + drawn[0];
	}

	private static java.util.Optional<Long> number(String text, String key) {
		if (text == null || text.isBlank()) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(Long.parseLong(text.strip()));
		}
		catch (NumberFormatException e) {
			throw new BadInputException(key);
		}
	}

	@GetMapping("/audits/samples/{id}")
	String sample(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		require(user);
		model.addAttribute("page", views.page(user, id));
		return "supervision/sample";
	}

	@GetMapping("/audits/samples/{id}/needs/{needId}")
	String findingForm(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long needId, Model model) {
		require(user);
		SampleViews.SamplePage page = views.page(user, id);
		SampleViews.NeedLine line = page.needs().stream().filter(n -> n.needId() == needId).findFirst()
			.orElseThrow(() -> new NotFoundException("audit.need-not-sampled"));
		model.addAttribute("page", page);
		model.addAttribute("line", line);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("today", LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))));
		return "supervision/finding";
	}

	@PostMapping("/audits/samples/{id}/needs/{needId}/finding")
	String record(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long needId,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
			@RequestParam(required = false) String visitedOn, @RequestParam(required = false) List<MultipartFile> photos,
			RedirectAttributes redirect) {
		require(user);
		boolean[] done = new boolean[1];
		Flash.attempt(redirect, messages, "audit.finding.recorded", () -> {
			findings.record(user, id, needId, AuditApiController.visit(outcome, note, visitedOn, photos));
			done[0] = true;
		});
		return done[0] ? "redirect:/audits/samples/" + id : "redirect:/audits/samples/" + id + "/needs/" + needId;
	}

	@GetMapping(path = "/audits/samples/{id}/findings/{findingId}/{n}.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long findingId,
			@PathVariable String n) throws IOException {
		require(user);
		boolean thumb = n.endsWith("-thumb");
		int number;
		try {
			number = Integer.parseInt(thumb ? n.substring(0, n.length() - 6) : n);
		}
		catch (NumberFormatException e) {
			throw new NotFoundException("audit.sample-not-found");
		}
		Path file = views.photo(user, id, findingId, number, thumb);
		if (!Files.exists(file)) {
			throw new NotFoundException("audit.sample-not-found");
		}
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600").body(Files.readAllBytes(file));
	}

	@PostMapping("/audits/reports/{reportId}")
	String visitReport(@AuthenticationPrincipal BangfuUser user, @PathVariable long reportId) {
		require(user);
		Sampling.Drawn d = sampling.visitReport(user, reportId);
		return "redirect:/audits/samples/" + d.id() + "/needs/" + d.needIds().get(0);
	}

	@GetMapping("/audits/inspections")
	String inspection(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String county,
			@RequestParam(required = false) String period, Model model) {
		require(user);
		model.addAttribute("report", reports.of(user, county, period(period)));
		model.addAttribute("counties", counties(user));
		return "supervision/inspection";
	}

	@GetMapping("/audits/inspections.xlsx")
	ResponseEntity<byte[]> inspectionXlsx(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String county,
			@RequestParam(required = false) String period) {
		require(user);
		InspectionReports.Report report = reports.of(user, county, period(period));
		byte[] book = new InspectionWorkbook((k, a) -> messages.getMessage(k, a, k, LocaleContextHolder.getLocale())).write(report);
		log.record(user.id(), "audit.report.export", null, report.county().code(), "督查报告 " + report.period().label());
		String name = "inspection-" + report.county().code() + "-" + report.period().label() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(book);
	}

	/** The counties whose reports the user reads: those of its grants, or below its city. */
	private List<Region> counties(BangfuUser user) {
		List<Region> counties = new java.util.ArrayList<>();
		for (Region r : views.regions(user)) {
			List<Region> under = r.level() == org.bangfu.region.RegionLevel.COUNTY ? List.of(r) : views.choices(r);
			under.stream().filter(c -> c.level() == org.bangfu.region.RegionLevel.COUNTY && !counties.contains(c)).forEach(counties::add);
		}
		return counties;
	}

	private InspectionReports.Period period(String text) {
		return InspectionReports.Period.parse(text, LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))));
	}
}
