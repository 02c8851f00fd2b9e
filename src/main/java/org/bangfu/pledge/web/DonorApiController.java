package org.bangfu.pledge.web;

import org.bangfu.pledge.DonorTools;
import org.bangfu.pledge.PledgeVisibility;
import org.bangfu.pledge.Ratings;
import org.bangfu.pledge.Recommendations;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BadInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Donor intents and recommendations; ratings, thanks and feedback. */
@RestController
@Tag(name = "donors", description = "帮扶意愿与推荐；评价、感谢与反馈")
class DonorApiController {

	private final Recommendations recommendations;

	private final Ratings ratings;

	private final PledgeVisibility visibility;

	private final org.bangfu.need.NeedPledging needs;

	private final MessageSource messages;

	DonorApiController(Recommendations recommendations, Ratings ratings, MessageSource messages, PledgeVisibility visibility,
			org.bangfu.need.NeedPledging needs) {
		this.visibility = visibility;
		this.needs = needs;
		this.recommendations = recommendations;
		this.ratings = ratings;
		this.messages = messages;
	}

	@PutMapping("/api/v1/me/intent")
	@Operation(summary = "设置我的帮扶意愿", description = "categories（空为不限）、regionPrefixes（区划代码，空为不限）、budgetFen（预算，分）、monthly（是否每月）。",
			security = @SecurityRequirement(name = "bearer"))
	Recommendations.Intent saveIntent(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) Recommendations.Intent intent) {
		recommendations.save(user, intent);
		return recommendations.of(user.id()).orElseThrow();
	}

	@GetMapping("/api/v1/me/intent")
	@Operation(summary = "我的帮扶意愿", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Recommendations.Intent> intent(@AuthenticationPrincipal BangfuUser user) {
		DonorTools.refuseHousehold(user);
		return recommendations.of(user.id()).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
	}

	record Shown(long needId, String title, String category, String regionCode, String villageName, int urgency, long waitingDays,
			int remainingQuantity, int totalQuantity, long remainingValueFen, int percentPledged, double score, List<String> reasons) {
	}

	@GetMapping("/api/v1/recommendations")
	@Operation(summary = "为我推荐的需求", description = "按帮扶意愿筛选（类别、区域），按紧急程度、等待时间、认领情况、村庄之间的公平和预算排序，每条附推荐理由。",
			security = @SecurityRequirement(name = "bearer"))
	List<Shown> recommended(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "20") int limit) {
		DonorTools.refuseHousehold(user);
		return recommendations.forDonor(user.id(), Math.max(1, Math.min(limit, 100))).stream()
			.map(r -> new Shown(r.needId(), r.title(), r.category().name(), r.regionCode(), r.villageName(), r.urgency(), r.waitingDays(),
					r.remainingQuantity(), r.totalQuantity(), r.remainingValueFen(), r.percentPledged(), Math.round(r.score() * 100) / 100.0,
					r.reasons().stream().map(this::reason).toList()))
			.toList();
	}

	private String reason(String coded) {
		String[] parts = coded.split(":", 2);
		Object[] args = parts.length > 1 ? new Object[] { parts[1] } : null;
		return messages.getMessage(parts[0], args, parts[0], LocaleContextHolder.getLocale());
	}

	record RatingRequest(Integer stars, String thanks) {
	}

	@PostMapping("/api/v1/pledges/{id}/rating")
	@Operation(summary = "受助户或其村信息员：评价并感谢（每笔一次，收到之后）", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> rate(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) RatingRequest r) {
		if (r == null) {
			throw new BadInputException("rating.stars");
		}
		ratings.rate(user, id, r.stars(), r.thanks());
		return ResponseEntity.status(201).build();
	}

	record FeedbackRequest(String text) {
	}

	@PostMapping("/api/v1/pledges/{id}/feedback")
	@Operation(summary = "捐赠者：反馈（每笔一次，收到之后）", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> feedback(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) FeedbackRequest r) {
		ratings.feedback(user, id, r == null ? null : r.text());
		return ResponseEntity.status(201).build();
	}

	@GetMapping("/api/v1/needs/{id}/thanks")
	@Operation(summary = "一条需求收到的评价、感谢和捐赠者反馈（公开）")
	List<Ratings.Shown> thanks(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		visibility.of(user, needs.get(id)); // 404 for a need that does not exist or is not public, as its page
		return ratings.ofNeed(id);
	}
}
