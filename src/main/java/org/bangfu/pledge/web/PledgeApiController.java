package org.bangfu.pledge.web;

import org.bangfu.pledge.DonorNames;
import org.bangfu.pledge.DonorTools;
import org.bangfu.pledge.Pledge;
import org.bangfu.pledge.PledgeState;
import org.bangfu.pledge.NeedPledgesView;
import org.bangfu.pledge.Pledges;
import org.bangfu.pledge.Pledging;
import org.bangfu.pledge.ReceiptPhotoAccess;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.PhotoRenditions;
import org.bangfu.shared.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Pledges through the API, and the matching rate. */
@RestController
@Tag(name = "pledges", description = "认领：整条或部分认领、发货、确认收到（附照片）、取消")
class PledgeApiController {

	private final Pledging pledging;

	private final Pledges pledges;

	private final Accounts accounts;

	private final NeedPledgesView needPledges;

	PledgeApiController(Pledging pledging, Pledges pledges, Accounts accounts, NeedPledgesView needPledges) {
		this.needPledges = needPledges;
		this.pledging = pledging;
		this.pledges = pledges;
		this.accounts = accounts;
	}

	record ItemQuantity(Integer position, Integer quantity) {
	}

	record PledgeRequest(Integer quantity, List<ItemQuantity> items, Integer days, Boolean staffInScope, String note, Long amountFen) {
	}

	record PledgeView(long id, long needId, PledgeState state, Map<Integer, Integer> items, int quantity, long valueFen,
			boolean staffInScope, String donor, Instant deadline, Instant createdAt, Instant shippedAt, Instant receivedAt,
			String receiptPhotoUrl) {
	}

	/** A party's own view of its pledge (the donor's, or the receiving side's after receipt): the photo is always theirs to see. */
	private PledgeView view(Pledge p, boolean masked) {
		return view(p, masked, ReceiptPhotoAccess.forParty(p));
	}

	private PledgeView view(Pledge p, boolean masked, String photo) {
		String donor = accounts.findById(p.donorId()).map(a -> masked ? DonorNames.shown(a) : a.name()).orElse("");
		return new PledgeView(p.id(), p.needId(), p.state(), p.items(), p.quantity(), p.valueFen(), p.staffInScope(), donor, p.deadline(),
				p.createdAt(), p.shippedAt(), p.receivedAt(), photo);
	}

	@PostMapping("/api/v1/needs/{id}/pledges")
	@Operation(summary = "认领一条需求（整条或部分）", description = "{\"quantity\":n} 按物品顺序认领 n 件，或 {\"items\":[{\"position\":0,\"quantity\":2}]}"
			+ " 指定物品，或 {\"amountFen\":50000} 按金额认领（按物品顺序认领这笔钱够得上的整件）；超过剩余数量 409。请带 Idempotency-Key 请求头：同一个键重复提交只产生一笔认领（重复时 200 返回原认领）。"
			+ "工作人员认领自己管辖范围内的需求须标明 staffInScope=true（对接率中单独统计）。days：送达期限（天，默认 14，最多 60）。",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<PledgeView> pledge(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) PledgeRequest request,
			@Parameter(description = "重复提交时保持不变的唯一键") @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		if (request == null) {
			throw new BadInputException("error.malformed-request");
		}
		Map<Integer, Integer> items = null;
		if (request.items() != null && !request.items().isEmpty()) {
			items = new LinkedHashMap<>();
			for (ItemQuantity i : request.items()) {
				if (i == null || i.position() == null || i.quantity() == null) {
					throw new BadInputException("pledge.item-malformed");
				}
				if (items.put(i.position(), i.quantity()) != null) {
					throw new BadInputException("pledge.item-twice", i.position());
				}
			}
		}
		else if (request.quantity() == null && request.amountFen() == null) {
			throw new BadInputException("pledge.quantity-positive");
		}
		Pledging.Made made = pledging.pledge(user, id,
				new Pledging.Request(request.quantity(), items, request.days(), request.staffInScope(), request.note(), request.amountFen()), key);
		return ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(pledges.get(made.pledgeId()), false));
	}

	@GetMapping("/api/v1/needs/{id}/pledges")
	@Operation(summary = "一条需求的认领（公开，个人捐赠者姓名脱敏）", description = "与需求页一致：需求不存在或未公开时 404；公众只看到有效的认领"
			+ "（不含已取消、已过期的），收货照片地址只在照片可看时给出。")
	List<PledgeView> ofNeed(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return needPledges.listed(user, id).stream().map(l -> view(l.pledge(), true, l.photoUrl())).toList();
	}

	@GetMapping("/api/v1/pledges/mine")
	@Operation(summary = "我的认领", security = @SecurityRequirement(name = "bearer"))
	List<PledgeView> mine(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page) {
		DonorTools.refuseHousehold(user);
		return pledges.ofDonor(user.id(), page).stream().map(p -> view(p, false)).toList();
	}

	@PostMapping("/api/v1/pledges/{id}/ship")
	@Operation(summary = "捐赠者：已发出", security = @SecurityRequirement(name = "bearer"))
	PledgeView ship(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		pledging.ship(user, id);
		return view(pledges.get(id), false);
	}

	@PostMapping(path = "/api/v1/pledges/{id}/receive", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "贫困户或其村信息员：确认收到（须附收到物资的照片）", security = @SecurityRequirement(name = "bearer"))
	PledgeView receive(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestParam(required = false) MultipartFile photo) throws IOException {
		pledging.receive(user, id, photo == null || photo.isEmpty() ? null : photo.getInputStream());
		return view(pledges.get(id), false);
	}

	record CancelRequest(String reason) {
	}

	@PostMapping("/api/v1/pledges/{id}/cancel")
	@Operation(summary = "捐赠者：取消认领（收到之前），数量回到需求", security = @SecurityRequirement(name = "bearer"))
	PledgeView cancel(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) CancelRequest request) {
		pledging.cancel(user, id, request == null ? null : request.reason());
		return view(pledges.get(id), false);
	}

	@GetMapping({ "/pledges/{id}/receipt.jpg", "/pledges/{id}/receipt-w{width}.jpg" })
	ResponseEntity<org.springframework.core.io.FileSystemResource> receiptPhoto(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@PathVariable(required = false) Integer width) {
		NeedPledgesView.ReceiptPhoto photo = needPledges.receiptPhoto(user, id);
		java.nio.file.Path file = photo.file();
		boolean publishable = photo.publishable();
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(publishable ? PhotoRenditions.LONG : org.springframework.http.CacheControl.noStore().cachePrivate())
			.body(new org.springframework.core.io.FileSystemResource(width == null ? file : PhotoRenditions.of(file, width)));
	}
}
