package org.bangfu.assessment.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.assessment.Reminders;
import org.bangfu.assessment.ReportingRates;
import org.bangfu.assessment.StationReport;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reporting rate (DESIGN.md §7) and reminders to stations behind quota, for staff in scope. */
@RestController
@Tag(name = "reporting", description = "报送率（DHIS2 定义）：应报 = 开放且任务 > 0 的站点；已报 = 计入需求达到任务；及时 = 截止日前报送的达到任务")
class ReportingApiController {

	private final ReportingRates rates;

	private final Reminders reminders;

	private final Regions regions;

	ReportingApiController(ReportingRates rates, Reminders reminders, Regions regions) {
		this.rates = rates;
		this.reminders = reminders;
		this.regions = regions;
	}

	record ChildShown(String regionCode, String name, ReportingRates.Summary summary) {
	}

	record Answer(String regionCode, String regionName, String period, LocalDate from, LocalDate to, ReportingRates.Summary summary,
			List<ChildShown> children, List<StationReport> behind) {
	}

	@GetMapping("/api/v1/stats/reporting-rate")
	@Operation(summary = "报送率、及时率与任务完成率（本辖区工作人员）",
			description = "period：月份 2026-11 或 202611，或采集活动 C<id>；缺省为当前（进行中的采集活动，否则本月）。children 为下一级逐个的数字（regionCode 为空是本级站点）。",
			security = @SecurityRequirement(name = "bearer"))
	Answer rate(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) String period) {
		Region scope = user.scopeFor(region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region)));
		ReportingRates.Breakdown b = rates.breakdown(scope, period);
		return new Answer(scope.code(), scope.name(), b.period().code(), b.period().from(), b.period().to(), b.total(),
				b.rows().stream().map(r -> new ChildShown(r.child() == null ? null : r.child().code(), r.child() == null ? null : r.child().name(),
						r.summary())).toList(),
				b.behind());
	}

	record Reminded(int told) {
	}

	@PostMapping("/api/v1/stations/{id}/reminders")
	@Operation(summary = "提醒站点完成任务（站内通知和短信；每站每天一次，再次为 409）", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Reminded> remind(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String period) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Reminded(reminders.remind(user, id, period)));
	}
}
