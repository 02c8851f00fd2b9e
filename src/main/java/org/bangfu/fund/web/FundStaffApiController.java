package org.bangfu.fund.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.fund.FundStaff;
import org.bangfu.fund.Gift;
import org.bangfu.fund.GoodsGifts;
import org.bangfu.fund.Grants;
import org.bangfu.fund.NeedEndings;
import org.bangfu.fund.PayeeKind;
import org.bangfu.fund.Payees;
import org.bangfu.fund.Paying;
import org.bangfu.fund.Payment;
import org.bangfu.fund.PaymentState;
import org.bangfu.fund.Payments;
import org.bangfu.shared.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/** The fund staff's money out through the API: payees, payments (four eyes, proof), grants from the pool, refunds, goods. */
@RestController
@Tag(name = "fund-staff", description = "帮扶基金工作人员：收款方、拨付（双人审批、付款凭证）、基金池资助、退款、物资捐赠")
class FundStaffApiController {

	private final Payees payees;

	private final Paying paying;

	private final Payments payments;

	private final Grants grants;

	private final NeedEndings endings;

	private final GoodsGifts goods;

	private final org.bangfu.fund.FundWork work;

	private final org.bangfu.fund.PaymentProofs proofs;

	FundStaffApiController(Payees payees, Paying paying, Payments payments, Grants grants, NeedEndings endings, GoodsGifts goods,
			org.bangfu.fund.FundWork work, org.bangfu.fund.PaymentProofs proofs) {
		this.work = work;
		this.proofs = proofs;
		this.payees = payees;
		this.paying = paying;
		this.payments = payments;
		this.grants = grants;
		this.endings = endings;
		this.goods = goods;
	}

	record PayeeRequest(String name, String kind, String bank, String accountNumber) {
	}

	record PayeeView(long id, String name, PayeeKind kind, String bank, String accountNumber) {

		static PayeeView of(Payees.Payee p) {
			return new PayeeView(p.id(), p.name(), p.kind(), p.bank(), p.accountNumber());
		}
	}

	@PostMapping("/api/v1/fund/payees")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新增收款方", description = "kind：HOSPITAL、SCHOOL、SUPPLIER、BUILDER 或 HOUSEHOLD（贫困户本人账户，仅作例外，拨付时须写明理由）。",
			security = @SecurityRequirement(name = "bearer"))
	PayeeView createPayee(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) PayeeRequest r) {
		if (r == null) {
			throw new BadInputException("error.malformed-request");
		}
		return PayeeView.of(payees.create(user, r.name(), kind(r.kind()), r.bank(), r.accountNumber()));
	}

	@GetMapping("/api/v1/fund/payees")
	@Operation(summary = "收款方列表", security = @SecurityRequirement(name = "bearer"))
	List<PayeeView> payees(@AuthenticationPrincipal BangfuUser user) {
		FundStaff.scopeOf(user);
		return payees.all().stream().map(PayeeView::of).toList();
	}

	private static PayeeKind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			throw new BadInputException("fund.payee.kind-required");
		}
		try {
			return PayeeKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("fund.payee.kind-required");
		}
	}

	record PaymentRequest(Long needId, Integer itemId, Long payeeId, Long amountFen, String householdReason) {
	}

	record PaymentView(long id, long needId, int itemId, long payeeId, long amountFen, PaymentState state, String householdReason,
			long requestedBy, Instant requestedAt, Long approvedBy, Instant approvedAt, Long paidBy, Instant paidAt, String transactionNumber) {

		static PaymentView of(Payment p) {
			return new PaymentView(p.id(), p.needId(), p.position(), p.payeeId(), p.amountFen(), p.state(), p.householdReason(), p.requestedBy(),
					p.requestedAt(), p.approvedBy(), p.approvedAt(), p.paidBy(), p.paidAt(), p.transactionNumber());
		}
	}

	@PostMapping("/api/v1/fund/payments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "申请拨付：把已筹齐的一项付给收款方", description = "金额不超过该项在账本上的余额，也不超过银行存款；付给贫困户本人账户须填 householdReason"
			+ "（记入操作日志）。超过四眼金额的须由另一名基金工作人员批准。", security = @SecurityRequirement(name = "bearer"))
	PaymentView requestPayment(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) PaymentRequest r) {
		if (r == null || r.needId() == null) {
			throw new BadInputException("error.malformed-request");
		}
		return PaymentView.of(paying.request(user, r.needId(), r.itemId(), r.payeeId(), r.amountFen(), r.householdReason()));
	}

	@PostMapping("/api/v1/fund/payments/{id}/approve")
	@Operation(summary = "批准拨付（四眼原则）", security = @SecurityRequirement(name = "bearer"))
	PaymentView approve(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return PaymentView.of(paying.approve(user, id));
	}

	@PostMapping(path = "/api/v1/fund/payments/{id}/paid", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "登记已付款：银行交易流水号和付款凭证（JPEG/PNG/PDF，10MB 以内）", security = @SecurityRequirement(name = "bearer"))
	PaymentView paid(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String transactionNumber,
			@RequestParam(required = false) MultipartFile proof) throws IOException {
		return PaymentView.of(paying.paid(user, id, transactionNumber, proof == null || proof.isEmpty() ? null : proof.getInputStream()));
	}

	@GetMapping("/api/v1/fund/payments")
	@Operation(summary = "拨付列表（可按状态筛选）", security = @SecurityRequirement(name = "bearer"))
	List<PaymentView> payments(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String state) {
		PaymentState s = null;
		if (state != null && !state.isBlank()) {
			try {
				s = PaymentState.valueOf(state.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new BadInputException("fund.payment.state-unknown", state);
			}
		}
		return payments.within(FundStaff.scopeOf(user), s).stream().map(PaymentView::of).toList();
	}

	@GetMapping("/api/v1/fund/payments/{id}/proof")
	@Operation(summary = "付款凭证文件（JPEG 或 PDF）", security = @SecurityRequirement(name = "bearer"))
	org.springframework.http.ResponseEntity<org.springframework.core.io.FileSystemResource> proof(@AuthenticationPrincipal BangfuUser user,
			@PathVariable long id) {
		return FundWorkPages.proofOf(work.payment(user, id).payment(), proofs);
	}

	record GrantRequest(Long needId, Integer itemId, Long amountFen) {
	}

	@PostMapping("/api/v1/fund/grants")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "从基金池资助需求的一项", description = "不超过该项还差的金额和基金池余额；筹齐时基金认领该项。", security = @SecurityRequirement(name = "bearer"))
	Grants.Grant grant(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) GrantRequest r) {
		if (r == null || r.needId() == null) {
			throw new BadInputException("error.malformed-request");
		}
		return grants.grant(user, r.needId(), r.itemId(), r.amountFen());
	}

	record RefundView(long id, String referenceCode, String state, long amountFen) {
	}

	@PostMapping("/api/v1/fund/gifts/{id}/refunded")
	@Operation(summary = "登记已退款给捐赠人", security = @SecurityRequirement(name = "bearer"))
	RefundView refunded(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		Gift g = endings.refunded(user, id);
		return new RefundView(g.id(), g.referenceCode(), g.state().name(), g.amountFen());
	}

	record GoodsRequest(Long donorId, String shownAs, String description, Long valueFen) {
	}

	@PostMapping("/api/v1/fund/goods")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记捐给基金的物资（按捐赠人申报价值）", security = @SecurityRequirement(name = "bearer"))
	GoodsGifts.GoodsGift recordGoods(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) GoodsRequest r) {
		if (r == null) {
			throw new BadInputException("error.malformed-request");
		}
		return goods.record(user, r.donorId(), r.shownAs(), r.description(), r.valueFen());
	}

	record GoodsGrantRequest(String to) {
	}

	@PostMapping("/api/v1/fund/goods/{id}/granted")
	@Operation(summary = "物资转赠出去", security = @SecurityRequirement(name = "bearer"))
	GoodsGifts.GoodsGift grantGoods(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) GoodsGrantRequest r) {
		return goods.grant(user, id, r == null ? null : r.to());
	}
}
