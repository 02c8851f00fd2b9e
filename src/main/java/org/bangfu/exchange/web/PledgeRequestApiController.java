package org.bangfu.exchange.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.exchange.NodeNames;
import org.bangfu.exchange.PledgeRequest;
import org.bangfu.exchange.PledgeRequests;
import org.bangfu.pledge.DonorTools;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** Pledges on needs of other nodes, through the API of the upper node. */
@RestController
@Tag(name = "exchange-pledges", description = "在上级节点认领下级节点的需求：转交发布地确认")
class PledgeRequestApiController {

	private final PledgeRequests requests;

	private final NodeNames names;

	private final MessageSource messages;

	PledgeRequestApiController(PledgeRequests requests, NodeNames names, MessageSource messages) {
		this.requests = requests;
		this.names = names;
		this.messages = messages;
	}

	record ItemQuantity(Integer position, Integer quantity) {
	}

	record Body(Integer quantity, List<ItemQuantity> items) {
	}

	record RequestView(String requestId, String originNode, String origin, long needId, Map<Integer, Integer> items, int quantity,
			PledgeRequest.State state, String stateText, Long ownerPledgeId, String reason, String reasonText, String message,
			Instant createdAt, Instant answeredAt) {
	}

	@PostMapping("/api/v1/exchange/needs/{origin}/{id}/pledges")
	@Operation(summary = "认领其他节点的需求（转交发布地确认）", description = "与本地认领同样的写法：{\"items\":[{\"position\":0,\"quantity\":2}]}，"
			+ "只有一项物品的需求也可写 {\"quantity\":n}。请求保存为等待确认（WAITING）并转交发布需求的节点，由它在需求锁下决定：202 返回请求号；"
			+ "之后的答复（ACCEPTED/REFUSED）见 GET /api/v1/exchange/pledge-requests/mine，并以通知告知。超过最近一次同步的剩余数量 400。"
			+ "请带 Idempotency-Key：同一个键重复提交只产生一个请求（重复时 200 返回原请求）。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<RequestView> pledge(@AuthenticationPrincipal BangfuUser user, @PathVariable String origin, @PathVariable long id,
			@RequestBody(required = false) Body body,
			@Parameter(description = "重复提交时保持不变的唯一键") @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		PledgeRequests.Made made = requests.request(user, origin, id,
				body == null || body.items() == null ? null : toMap(body.items()), body == null ? null : body.quantity(), key);
		return ResponseEntity.status(made.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(view(made.request(), true));
	}

	private static Map<Integer, Integer> toMap(List<ItemQuantity> items) {
		Map<Integer, Integer> byPosition = new LinkedHashMap<>();
		for (ItemQuantity i : items) {
			if (i == null || i.position() == null || i.quantity() == null) {
				throw new org.bangfu.shared.BadInputException("pledge.item-malformed");
			}
			if (byPosition.put(i.position(), i.quantity()) != null) {
				throw new org.bangfu.shared.BadInputException("pledge.item-twice", i.position());
			}
		}
		return byPosition;
	}

	@GetMapping("/api/v1/exchange/pledge-requests/mine")
	@Operation(summary = "我在本节点对其他节点需求的认领请求及其答复", security = @SecurityRequirement(name = "bearer"))
	List<RequestView> mine(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page) {
		DonorTools.refuseHousehold(user);
		return requests.mine(user.id(), page).stream().map(r -> view(r, false)).toList();
	}

	private RequestView view(PledgeRequest r, boolean justMade) {
		Locale locale = LocaleContextHolder.getLocale();
		String origin = names.name(r.originNode(), locale);
		String message = r.state() != PledgeRequest.State.WAITING ? null
				: messages.getMessage(requests.reachable(r.originNode()) ? "exchange.pledge.submitted" : "exchange.pledge.queued",
						new Object[] { origin }, locale);
		return new RequestView(r.requestId(), r.originNode(), origin, r.needId(), r.items(), r.quantity(), r.state(),
				messages.getMessage(r.state().label(), null, locale), r.ownerPledgeId(), r.reason(), r.reasonText(), message, r.createdAt(),
				r.answeredAt());
	}
}
