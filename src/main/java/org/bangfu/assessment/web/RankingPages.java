package org.bangfu.assessment.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.assessment.RankingLevel;
import org.bangfu.assessment.Rankings;
import org.bangfu.assessment.Rewards;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 扶贫榜样, public: the page and the same ranking as JSON. Names are masked unless the viewer is staff covering the region. */
@Controller
@Tag(name = "assessment", description = "考核奖励：扶贫榜样、奖励名单")
class RankingPages {

	private final Rankings rankings;

	RankingPages(Rankings rankings) {
		this.rankings = rankings;
	}

	@GetMapping("/assessment/rankings")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String level,
			@RequestParam(required = false) String period, @AuthenticationPrincipal BangfuUser user, Model model) {
		Rankings.Ranking r = rankings.of(region, level, period, user);
		model.addAttribute("ranking", r);
		model.addAttribute("levels", List.of(RankingLevel.values()));
		model.addAttribute("rewards", Rewards.mayDrawUp(user) && user.inScope(r.region().code()));
		model.addAttribute("pointValues", rankings.pointValues());
		model.addAttribute("rewardFenPerPoint", rankings.rewardFenPerPoint());
		return "assessment/rankings";
	}

	@GetMapping("/api/v1/assessment/rankings")
	@ResponseBody
	@Operation(summary = "扶贫榜样（公开）", description = "region：区划代码（默认本平台的根区域）；level：village 村信息员、township 乡镇信息管理员、"
			+ "county 县管理中心、city 市办（默认 village）；period：月 2026-11、年 2026 或 all（默认本月，北京时间）。"
			+ "并列同名次（1、1、3）。姓名对公众打码，对管辖该区域的工作人员显示全名。格式不对或尚未开始的期间回答 400。")
	Rankings.Ranking api(@RequestParam(required = false) String region, @RequestParam(required = false) String level,
			@RequestParam(required = false) String period, @AuthenticationPrincipal BangfuUser user) {
		return rankings.of(region, level, period, user);
	}
}
