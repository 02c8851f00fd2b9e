package org.bangfu.assessment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bangfu.account.BangfuUser;
import org.bangfu.assessment.Reminders;
import org.bangfu.assessment.ReportingPeriod;
import org.bangfu.assessment.ReportingRates;
import org.bangfu.assessment.StationReport;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.Flash;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The managers' reporting page (报送情况): the region's rates per child with drill-down, its stations behind quota with
 * one-click reminders; and the small attainment table the statistics dashboards embed (htmx fragment).
 */
@Controller
class ReportingPages {

	private final ReportingRates rates;

	private final Reminders reminders;

	private final Regions regions;

	private final MessageSource messages;

	private final Clock clock;

	ReportingPages(ReportingRates rates, Reminders reminders, Regions regions, MessageSource messages, Clock clock) {
		this.rates = rates;
		this.reminders = reminders;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	/** A period one may choose: its code and, for a campaign, its name (null for a month). */
	record PeriodChoice(String code, String campaignName) {
	}

	@GetMapping("/assessment/reporting")
	String page(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) String period, Model model) {
		Region scope = user.scopeFor(region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region)));
		ReportingRates.Breakdown b = rates.breakdown(scope, period);
		model.addAttribute("b", b);
		model.addAttribute("ancestors", regions.ancestors(scope).stream().filter(a -> user.inScope(a.code())).toList());
		model.addAttribute("choices", choices(scope));
		model.addAttribute("remindable", b.behind().stream().filter(r -> Reminders.reminds(user, r.regionCode())).map(StationReport::stationId)
			.collect(Collectors.toSet()));
		model.addAttribute("reminded", reminders.remindedToday(b.behind().stream().map(StationReport::stationId).toList()));
		return "assessment/reporting";
	}

	@PostMapping("/assessment/reporting/reminders")
	String remind(@AuthenticationPrincipal BangfuUser user, @RequestParam long stationId, @RequestParam(required = false) String region,
			@RequestParam(required = false) String period, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "reminder.sent", () -> reminders.remind(user, stationId, period));
		return "redirect:" + UriComponentsBuilder.fromPath("/assessment/reporting").queryParam("region", region).queryParam("period", period)
			.encode().build().toUriString() + "#behind";
	}

	/** The attainment table for a dashboard: staff see their scope; others (a public statistics page) any region's figures, which name nobody. */
	@GetMapping("/assessment/fragments/attainment")
	String attainment(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) String period, Model model) {
		Region requested = region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region));
		Region scope = user != null && user.isStaff() ? user.scopeFor(requested)
				: java.util.Optional.ofNullable(requested).orElseThrow(() -> new org.bangfu.shared.BadInputException("reporting.region-required"));
		ReportingPeriod p = rates.period(scope, period);
		model.addAttribute("region", scope);
		model.addAttribute("period", p);
		model.addAttribute("s", rates.summary(scope, p.code()));
		return "assessment/attainment :: attainment";
	}

	private List<PeriodChoice> choices(Region scope) {
		LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
		List<PeriodChoice> out = new ArrayList<>();
		rates.concerning(scope).stream().filter(c -> !c.startsOn().isAfter(today)).forEach(c -> out.add(new PeriodChoice("C" + c.id(), c.name())));
		YearMonth m = YearMonth.from(today);
		for (int i = 0; i < 6; i++) {
			out.add(new PeriodChoice(m.minusMonths(i).toString(), null));
		}
		return out;
	}

}
