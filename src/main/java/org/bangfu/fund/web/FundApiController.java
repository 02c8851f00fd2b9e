package org.bangfu.fund.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.fund.ChainVerification;
import org.bangfu.fund.FundAccounts;
import org.bangfu.fund.FundLedger;
import org.bangfu.fund.FundProfile;
import org.bangfu.fund.Gift;
import org.bangfu.fund.GiftState;
import org.bangfu.fund.Gifts;
import org.bangfu.fund.Giving;
import org.bangfu.fund.IfUnfunded;
import org.bangfu.fund.MoneyLines;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
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

/** The fund through the API: what it is, giving to a need's money line or to the pool, one's own gifts, and the public ledger. */
@RestController
@Tag(name = "fund", description = "帮扶基金：定向捐赠（任意金额）、捐入基金池、公开账本与校验")
class FundApiController {

	private final FundProfile profile;

	private final FundLedger ledger;

	private final Giving giving;

	private final Gifts gifts;

	private final MoneyLines lines;

	private final org.bangfu.fund.Payments payments;

	private final org.bangfu.fund.Payees payees;

	FundApiController(FundProfile profile, FundLedger ledger, Giving giving, Gifts gifts, MoneyLines lines,
			org.bangfu.fund.Payments payments, org.bangfu.fund.Payees payees) {
		this.payments = payments;
		this.payees = payees;
		this.profile = profile;
		this.ledger = ledger;
		this.giving = giving;
		this.gifts = gifts;
		this.lines = lines;
	}

	record FundView(String name, String holder, String certificate, String bank, String accountName, String account, long balanceFen,
			long poolFen) {
	}

	@GetMapping("/api/v1/fund")
	@Operation(summary = "帮扶基金（公开）", description = "持有机构、公开募捐资格证书号、收款账户，银行存款余额（分）和基金池余额（分）。")
	FundView fund() {
		return new FundView(profile.name(), profile.holder(), profile.certificate(), profile.bank(), profile.accountName(),
				profile.accountNumber(), ledger.balanceOrZero(FundAccounts.BANK), ledger.balanceOrZero(FundAccounts.POOL));
	}

	record GiftRequest(Integer itemId, Long amountFen, IfUnfunded ifUnfunded, Boolean anonymous) {
	}

	/** How to pay: the fund's account and the reference code to quote in the transfer's 摘要 (附言). */
	record Transfer(String bank, String accountName, String account, String memo) {
	}

	record GiftView(long id, String referenceCode, GiftState state, long amountFen, Long needId, Integer itemId, IfUnfunded ifUnfunded,
			String shownAs, String receiptNumber, Instant createdAt, Instant receivedAt, Transfer transfer) {
	}

	GiftView view(Gift g) {
		return new GiftView(g.id(), g.referenceCode(), g.state(), g.amountFen(), g.needId(), g.position(), g.ifUnfunded(), g.shownAs(),
				g.receiptNumber(), g.createdAt(), g.receivedAt(), g.state() == GiftState.PROMISED
						? new Transfer(profile.bank(), profile.accountName(), profile.accountNumber(), g.referenceCode()) : null);
	}

	@PostMapping("/api/v1/needs/{id}/gifts")
	@Operation(summary = "定向捐赠：给需求的一笔钱（经基金筹款的那一项）捐任意金额", description = "itemId 是该项在 items 中的序号（从 0 起）；"
			+ "amountFen 不能超过该项还差的金额（已认捐未到账的也算在内），超出 409；ifUnfunded：需求撤回或到期仍未筹齐时，REFUND 退回、POOL 转入基金池。"
			+ "返回参考码：转账时写在附言（摘要）里，到账后按参考码和金额自动对上，并开出捐赠票据号。带 Idempotency-Key 重复提交只产生一笔。",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<GiftView> giveToNeed(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) GiftRequest request,
			@Parameter(description = "重复提交时保持不变的唯一键") @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		if (request == null) {
			throw new BadInputException("error.malformed-request");
		}
		if (request.itemId() == null) {
			throw new BadInputException("fund.gift.item-required");
		}
		return answer(giving.give(user, id, new Giving.Request(request.itemId(), request.amountFen(), request.ifUnfunded(),
				Boolean.TRUE.equals(request.anonymous())), key));
	}

	@PostMapping("/api/v1/fund/gifts")
	@Operation(summary = "捐入基金池（由基金统筹资助需求）", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<GiftView> giveToPool(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) GiftRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		if (request == null) {
			throw new BadInputException("error.malformed-request");
		}
		return answer(giving.give(user, null, new Giving.Request(null, request.amountFen(), IfUnfunded.POOL,
				Boolean.TRUE.equals(request.anonymous())), key));
	}

	private ResponseEntity<GiftView> answer(Giving.Given given) {
		return ResponseEntity.status(given.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(given.gift()));
	}

	@GetMapping("/api/v1/fund/gifts/mine")
	@Operation(summary = "我的捐款", security = @SecurityRequirement(name = "bearer"))
	List<GiftView> mine(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page) {
		return gifts.ofDonor(user.id(), page).stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/fund/gifts/{id}")
	@Operation(summary = "我的一笔捐款", security = @SecurityRequirement(name = "bearer"))
	GiftView gift(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return view(gifts.find(id).filter(g -> g.donorId() == user.id()).orElseThrow(() -> new NotFoundException("fund.gift.not-found")));
	}

	@PostMapping("/api/v1/fund/gifts/{id}/cancel")
	@Operation(summary = "撤回未到账的捐款", security = @SecurityRequirement(name = "bearer"))
	GiftView cancel(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return view(giving.cancel(user, id));
	}

	record LineView(int itemId, long targetFen, long receivedFen, long promisedFen, long missingFen, long openFen, boolean covered) {
	}

	@GetMapping("/api/v1/needs/{id}/money")
	@Operation(summary = "需求经基金筹款各项的进度（公开）", description = "已到账、已认捐未到账、还差（分）。没有捐款的项不列出。")
	List<LineView> money(@PathVariable long id) {
		return lines.ofNeed(id).stream()
			.map(l -> new LineView(l.position(), l.targetFen(), l.receivedFen(), l.promisedFen(), l.missingFen(), l.openFen(), l.covered()))
			.toList();
	}

	/** A payment as the public sees it: an organisation by name; a household payee's name and account number masked. */
	record PublicPayment(long id, int itemId, String payee, org.bangfu.fund.PayeeKind payeeKind, String payeeAccount, long amountFen,
			org.bangfu.fund.PaymentState state, Instant paidAt, String transactionNumber) {
	}

	@GetMapping("/api/v1/needs/{id}/payments")
	@Operation(summary = "基金为需求拨付的款项（公开）", description = "已批准和已付款的拨付：收款方（机构写全称；付给贫困户本人账户的，姓名和账号打码）、金额（分）、"
			+ "付款日期和银行交易流水号。")
	List<PublicPayment> payments(@PathVariable long id) {
		return payments.outOfNeed(id).stream().map(p -> {
			org.bangfu.fund.Payees.Payee payee = payees.get(p.payeeId());
			return new PublicPayment(p.id(), p.position(), payee.publicName(), payee.kind(), payee.publicAccountNumber(), p.amountFen(),
					p.state(), p.paidAt(), p.transactionNumber());
		}).toList();
	}

	@GetMapping(value = "/api/v1/fund/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "公开账本（整本导出）", description = "格式 bangfu-fund-ledger/1：每笔记账的 seq、prevHash、postedAt、kind、memo、"
			+ "分录（账户代码与金额，分；正为借、负为贷）和 hash。账户代码只含编号，不含个人信息。保存下来可用 java -jar bangfu.jar verify-ledger 文件 离线校验。")
	String ledgerExport() {
		return ledger.export();
	}

	record Verification(boolean valid, long entries, Long firstBrokenSeq, String reason, Long headSeq, String headHash) {
	}

	@GetMapping("/api/v1/fund/ledger/verify")
	@Operation(summary = "校验账本的哈希链（公开）", description = "valid=false 时 firstBrokenSeq 指出第一笔出问题的记账，reason 为 missing、"
			+ "previous-hash、hash 或 unbalanced。headSeq/headHash 是最新一笔：请记下，以后可据此发现末尾被删。")
	Verification verify() {
		ChainVerification v = ledger.verify();
		var head = ledger.head();
		return new Verification(v.intact(), v.entries(), v.firstBroken(), v.reason(), head == null ? null : head.seq(),
				head == null ? null : head.hash());
	}
}
