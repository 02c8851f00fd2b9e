package org.bangfu.stats.web;

import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.RegionCode;
import org.bangfu.stats.Dashboards;
import org.bangfu.stats.Months;
import org.bangfu.stats.Rates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The steering overview of a region (DESIGN.md §7, fixed point): public, figures only, nothing personal. */
@RestController
@Tag(name = "stats", description = "对接率")
class OverviewApiController {

	private final Dashboards dashboards;

	private final Regions regions;

	private final BangfuProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	OverviewApiController(Dashboards dashboards, Regions regions, BangfuProperties properties, MessageSource messages, Clock clock) {
		this.dashboards = dashboards;
		this.regions = regions;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	record Place(String code, String name, String level) {
	}

	record Coverage(long registered, long onPlatform, double rate, int target, String definition) {
	}

	record Tally(String key, String label, long n, long valueFen) {
	}

	record SelfPledges(long confirmed, long confirmedValueFen) {
	}

	record Matching(String from, String to, long verified, long verifiedValueFen, long confirmed, long confirmedValueFen, double rate,
			double valueRate, SelfPledges staffSelfPledges, double rateWithoutStaff, double valueRateWithoutStaff, int target,
			boolean meetsTarget, String definition) {
	}

	record Overview(Place region, Coverage coverage, List<Tally> needsByState, List<Tally> needsByCategory, Matching matching) {
	}

	@GetMapping("/api/v1/stats/overview")
	@Operation(summary = "统计概况（公开）", description = "区域（任一级，默认本平台的根区域）的建档立卡注册覆盖率（目标 100%）、需求按状态和类别的条数与估值（全部时间）、"
			+ "from–to 月份（如 2026-01，默认本年 1 月至本月）内审核通过需求的对接率（按条数和按金额，目标 35%；工作人员在本人管辖范围内认领而达成的单独列出，并给出不含它们的对接率）。"
			+ "区划代码格式错误 400，不存在 404，月份格式错误、起始晚于结束或在未来 400。")
	Overview overview(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Region r = regions.get(RegionCode.parse(region == null || region.isBlank() ? properties.rootRegion() : region));
		Months months = Months.parse(from, to, clock);
		Dashboards.Dashboard d = dashboards.of(r, months, false);
		Rates m = d.rates();
		return new Overview(new Place(r.code(), r.name(), r.level().name()),
				new Coverage(d.coverage().households(), d.coverage().registered(), d.coverage().percent(), Dashboards.COVERAGE_TARGET,
						text("stats.def.coverage")),
				tallies(d.byState(), "need.state."), tallies(d.byCategory(), "need.category."),
				new Matching(months.from().toString(), months.to().toString(), m.verified(), m.verifiedValueFen(), m.confirmed(),
						m.confirmedValueFen(), m.rate(), m.valueRate(), new SelfPledges(m.confirmedByStaff(), m.confirmedByStaffValueFen()),
						m.rateWithoutStaff(), m.valueRateWithoutStaff(), Rates.TARGET, m.meetsTarget(), text("stats.def.matching")));
	}

	private List<Tally> tallies(List<Dashboards.Tally> tallies, String prefix) {
		return tallies.stream().map(t -> new Tally(t.key().substring(prefix.length()), text(t.key()), t.n(), t.valueFen())).toList();
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
