package org.bangfu.fund.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.fund.BankReceipts;
import org.bangfu.fund.FundStaff;
import org.bangfu.fund.ReceiptReview;
import org.bangfu.fund.Reconciliation;
import org.bangfu.fund.StatementImport;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Money in through the API, for fund staff: bank statements, the receipts waiting for review, and the reconciliation. */
@RestController
@Tag(name = "fund-money-in", description = "帮扶基金·到账：导入银行流水、待核对到账、对账（基金会工作人员）")
class MoneyInApiController {

	private final StatementImport imports;

	private final BankReceipts receipts;

	private final ReceiptReview review;

	private final Reconciliation reconciliation;

	MoneyInApiController(StatementImport imports, BankReceipts receipts, ReceiptReview review, Reconciliation reconciliation) {
		this.imports = imports;
		this.receipts = receipts;
		this.review = review;
		this.reconciliation = reconciliation;
	}

	@PostMapping(value = "/api/v1/fund/statements", consumes = "multipart/form-data")
	@Operation(summary = "导入银行流水（CSV 或 XLSX）", description = "字段 file。列按表头名称识别：交易日期/交易时间、交易金额（带符号）或贷方/借方发生额、"
			+ "收入/支出金额，对方户名、对方账号、摘要/附言/交易用途，可选余额（见 docs/fund.md 的列对照表），金额单位为元。摘要里的参考码与金额都对上、"
			+ "且捐款正在等待到账时自动入账；其余到账等待人工核对；支出只记录，供对账。任何一行无法识别：整份文件不导入（400，指出行和列）。"
			+ "同一文件再次导入：409，没有任何变化；与已导入流水重叠的行按指纹跳过（duplicates）。",
			security = @SecurityRequirement(name = "bearer"))
	StatementImport.Result importStatement(@AuthenticationPrincipal BangfuUser user, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		FundStaff.require(user);
		if (file == null || file.isEmpty()) {
			throw new BadInputException("fund.statement.file-required");
		}
		if (file.getSize() > imports.maxBytes()) {
			throw new org.bangfu.shared.TooLargeException("fund.statement.too-large", imports.maxBytes() >> 20);
		}
		return imports.importFile(user, file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping("/api/v1/fund/statements")
	@Operation(summary = "已导入的银行流水", security = @SecurityRequirement(name = "bearer"))
	List<BankReceipts.Statement> statements(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page) {
		FundStaff.require(user);
		return receipts.statements(page);
	}

	record StatementView(BankReceipts.Statement statement, List<ReceiptView> rows) {
	}

	@GetMapping("/api/v1/fund/statements/{id}")
	@Operation(summary = "一份流水及其各行", security = @SecurityRequirement(name = "bearer"))
	StatementView statement(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		FundStaff.require(user);
		return new StatementView(receipts.statement(id).orElseThrow(() -> new NotFoundException("fund.statement.not-found")),
				receipts.ofStatement(id).stream().map(ReceiptView::of).toList());
	}

	record Balance(Long balanceFen) {
	}

	@PostMapping("/api/v1/fund/statements/{id}/closing-balance")
	@Operation(summary = "录入流水的期末余额（文件没有余额列时）", security = @SecurityRequirement(name = "bearer"))
	Reconciliation.Report closingBalance(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) Balance balance) {
		reconciliation.enterClosingBalance(user, id, balance == null ? null : balance.balanceFen());
		return reconciliation.report(user);
	}

	/** A receipt as staff see it: the counterparty's account masked but for its last four digits. */
	record ReceiptView(long id, long statementId, int line, Instant bookedAt, long amountFen, String counterpartyName, String counterpartyAccount,
			String summary, Long balanceFen, String referenceCode, String state, String reason, Long giftId, Long ledgerSeq, Long resolvedBy,
			Instant resolvedAt, String resolutionNote) {

		static ReceiptView of(BankReceipts.Receipt r) {
			return new ReceiptView(r.id(), r.statementId(), r.line(), r.bookedAt(), r.amountFen(), r.counterpartyName(),
					account(r.counterpartyAccount()), r.summary(), r.balanceFen(), r.referenceCode(), r.state(), r.reason(), r.giftId(), r.ledgerSeq(),
					r.resolvedBy(), r.resolvedAt(), r.resolutionNote());
		}

		static String account(String a) {
			return a == null || a.length() <= 4 ? a : "*".repeat(Math.min(8, a.length() - 4)) + a.substring(a.length() - 4);
		}
	}

	@GetMapping("/api/v1/fund/receipts")
	@Operation(summary = "银行到账（默认：待核对的）", description = "state：UNMATCHED（待核对，reason 说明原因：NO_CODE 没有参考码、UNKNOWN_CODE 参考码不存在、"
			+ "AMOUNT_DIFFERS 金额不一致、GIFT_NOT_WAITING 捐款不在等待到账）、MATCHED、POOLED、DEBIT（支出）。",
			security = @SecurityRequirement(name = "bearer"))
	List<ReceiptView> receipts(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "UNMATCHED") String state,
			@RequestParam(defaultValue = "0") int page) {
		FundStaff.require(user);
		if (!List.of("UNMATCHED", "MATCHED", "POOLED", "DEBIT").contains(state)) {
			throw new BadInputException("fund.receipt.state-unknown", state);
		}
		return receipts.inState(state, page).stream().map(ReceiptView::of).toList();
	}

	record MatchRequest(String referenceCode, String note) {
	}

	@PostMapping("/api/v1/fund/receipts/{id}/match")
	@Operation(summary = "把一笔待核对的到账对上一笔捐款（按参考码）", description = "金额必须与捐款相同，否则 409；每笔到账只能处理一次（再次处理 409）。",
			security = @SecurityRequirement(name = "bearer"))
	ReceiptView match(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) MatchRequest request) {
		if (request == null) {
			throw new BadInputException("error.malformed-request");
		}
		return ReceiptView.of(review.match(user, id, request.referenceCode(), request.note()));
	}

	record PoolRequest(String reason) {
	}

	@PostMapping("/api/v1/fund/receipts/{id}/pool")
	@Operation(summary = "把一笔待核对的到账转入基金池", description = "须写明原因；记账 GIFT_RECEIVED：银行 +、基金池 −；记录处理人和时间。",
			security = @SecurityRequirement(name = "bearer"))
	ReceiptView pool(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) PoolRequest request) {
		return ReceiptView.of(review.pool(user, id, request == null ? null : request.reason()));
	}

	@GetMapping("/api/v1/fund/reconciliation")
	@Operation(summary = "对账：账本的银行存款余额与银行流水余额", description = "差额及其明细：流水上有、账上没有的到账（待核对）；流水上有、账上没有的支出；"
			+ "账上有、流水上还没有的银行收付。unexplainedFen 不为零说明还有未找到原因的差异。", security = @SecurityRequirement(name = "bearer"))
	Reconciliation.Report reconciliation(@AuthenticationPrincipal BangfuUser user) {
		return reconciliation.report(user);
	}

}
