package org.bangfu.stats.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.stats.MatchingRate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public matching rate through the API (it lived with the pledges before issue 13; the path is unchanged). */
@RestController
@Tag(name = "stats", description = "对接率")
class MatchingRateApiController {

	private final MatchingRate matchingRate;

	MatchingRateApiController(MatchingRate matchingRate) {
		this.matchingRate = matchingRate;
	}

	@GetMapping("/api/v1/stats/matching-rate")
	@Operation(summary = "对接率（公开）", description = "区域（任一级，默认本平台的根区域）内、期间 [from, to) 审核通过的需求中已确认收到的比例，"
			+ "按条数和按金额；工作人员在本人管辖范围内认领而达成的单独计数，并给出不含它们的对接率。from/to 为日期（北京时间），默认最近 30 天。")
	MatchingRate.Rate rate(@RequestParam(required = false) String region, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return matchingRate.of(region, from, to);
	}
}
