package org.bangfu.offer.web;

import org.bangfu.offer.OfferAsking;
import org.bangfu.offer.Offers;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.need.NeedCategory;
import org.bangfu.shared.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Offers (我要捐赠) and requests for them (我想要). */
@RestController
@Tag(name = "offers", description = "我要捐赠：捐赠者发布物资或服务；我想要：工作人员为贫困户的已发布需求申请；捐赠者同意后成为认领")
class OfferApiController {

	private final Offers offers;

	private final OfferAsking asking;

	OfferApiController(Offers offers, OfferAsking asking) {
		this.offers = offers;
		this.asking = asking;
	}

	record Created(long id) {
	}

	@PostMapping("/api/v1/offers")
	@Operation(summary = "发布捐赠（物资或服务、数量、地区）", description = "regionCodes 为愿意捐赠到的区划（空为不限）。"
			+ "请带 Idempotency-Key 请求头：同一个键重复提交只产生一条捐赠（重复时 200 返回原捐赠）。",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Created> create(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) Offers.NewOffer offer,
			@Parameter(description = "重复提交时保持不变的唯一键") @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Offers.Created made = offers.create(user, offer, key);
		return ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK).body(new Created(made.id()));
	}

	@GetMapping("/api/v1/offers")
	@Operation(summary = "可申请的捐赠（公开，个人捐赠者姓名脱敏）")
	List<Offers.Offer> list(@RequestParam(required = false) NeedCategory category, @RequestParam(defaultValue = "0") int page) {
		return offers.open(category, page);
	}

	@GetMapping("/api/v1/offers/{id}")
	@Operation(summary = "一条捐赠")
	Offers.Offer one(@PathVariable long id) {
		return offers.get(id);
	}

	/** {@code substitute}: the asker accepts the offer in place of a line of another item kind (接受以此替代). */
	record RequestBodyShape(Long needId, Integer position, Integer quantity, Boolean substitute) {
	}

	@PostMapping("/api/v1/offers/{id}/requests")
	@Operation(summary = "我想要：为一条已发布需求的某项物品申请这项捐赠", description = "needId、position（物品序号）、quantity。"
			+ "只限该需求所在范围的工作人员或该户本人；类别和地区须与捐赠相符；物品种类不同的一项，须带 substitute: true（接受以此替代）。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Created> request(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) RequestBodyShape body) {
		if (body == null || body.needId() == null) {
			throw new BadInputException("offer.need-required");
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Created(asking.request(user, id, body.needId(), body.position(), body.quantity(),
				Boolean.TRUE.equals(body.substitute()))));
	}

	@GetMapping("/api/v1/offers/{id}/requests")
	@Operation(summary = "捐赠者：收到的申请", security = @SecurityRequirement(name = "bearer"))
	List<OfferAsking.Request> requests(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return asking.requests(user, id);
	}

	record Accepted(long pledgeId) {
	}

	@PostMapping("/api/v1/offers/requests/{requestId}/accept")
	@Operation(summary = "捐赠者：同意申请，生成认领", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Accepted> accept(@AuthenticationPrincipal BangfuUser user, @PathVariable long requestId) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Accepted(offers.accept(user, requestId)));
	}

	@PostMapping("/api/v1/offers/requests/{requestId}/decline")
	@Operation(summary = "捐赠者：婉拒申请", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> decline(@AuthenticationPrincipal BangfuUser user, @PathVariable long requestId) {
		offers.decline(user, requestId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/offers/{id}/close")
	@Operation(summary = "捐赠者：关闭这项捐赠（剩余的不再捐出；待处理的申请一并婉拒并通知申请人）", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> close(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		offers.close(user, id);
		return ResponseEntity.noContent().build();
	}
}
