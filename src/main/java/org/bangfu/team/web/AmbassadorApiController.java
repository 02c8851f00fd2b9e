package org.bangfu.team.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.bangfu.account.BangfuUser;
import org.bangfu.need.PublicUrl;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.team.AmbassadorLinks;
import org.bangfu.team.AmbassadorReach;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Image ambassadors' promotion links and their reach. */
@RestController
@RequestMapping("/api/v1/ambassador/links")
@Tag(name = "ambassador", description = "形象大使：推广链接（A- 开头的推广码）及其访问、注册、认领和基金捐款")
class AmbassadorApiController {

	private final AmbassadorLinks links;

	private final AmbassadorReach reach;

	private final PublicUrl publicUrl;

	AmbassadorApiController(AmbassadorLinks links, AmbassadorReach reach, PublicUrl publicUrl) {
		this.links = links;
		this.reach = reach;
		this.publicUrl = publicUrl;
	}

	record NewLink(String name, String target) {
	}

	record Created(long id, String code, String url) {
	}

	record LinkView(long id, String code, String url, String name, String target, Long needId, boolean ended, AmbassadorReach.Reach reach) {
	}

	@PostMapping
	@Operation(summary = "新建推广链接", description = "target：HOME（默认）、FUND 或 NEED:需求编号。")
	ResponseEntity<Created> create(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) NewLink r, HttpServletRequest request) {
		AmbassadorLinks.Link l = links.create(user, r == null ? null : r.name(), r == null ? null : r.target());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(l.id(), l.code(), publicUrl.of(request) + "/a/" + l.code()));
	}

	@GetMapping
	@Operation(summary = "本人的推广链接及其效果")
	List<LinkView> mine(@AuthenticationPrincipal BangfuUser user, HttpServletRequest request) {
		if (!AmbassadorLinks.isAmbassador(user)) {
			throw new NotPermittedException("ambassador.only");
		}
		String base = publicUrl.of(request);
		return reach.of(user.id()).stream()
			.map(r -> new LinkView(r.link().id(), r.link().code(), base + "/a/" + r.link().code(), r.link().name(), r.link().target().name(),
					r.link().needId(), r.link().ended(), r.reach()))
			.toList();
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "结束推广链接（之后通过它注册被拒绝）")
	Map<String, Object> end(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		links.end(user, id);
		return Map.of("id", id, "ended", true);
	}
}
