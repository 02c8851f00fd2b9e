package org.bangfu.fund.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.fund.BankReceipts;
import org.bangfu.fund.FundStaff;
import org.bangfu.fund.ReceiptReview;
import org.bangfu.fund.Reconciliation;
import org.bangfu.fund.StatementImport;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Money;
import org.bangfu.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The fund staff's pages for money in: import statements, review the receipts waiting, reconcile with the bank. */
@Controller
class MoneyInPages {

	private final StatementImport imports;

	private final BankReceipts receipts;

	private final ReceiptReview review;

	private final Reconciliation reconciliation;

	private final MessageSource messages;

	MoneyInPages(StatementImport imports, BankReceipts receipts, ReceiptReview review, Reconciliation reconciliation, MessageSource messages) {
		this.imports = imports;
		this.receipts = receipts;
		this.review = review;
		this.reconciliation = reconciliation;
		this.messages = messages;
	}

	/** A statement row for the pages: amounts in yuan, the counterparty's account masked. */
	record Row(long id, long statementId, int line, Instant bookedAt, long amountFen, String amount, String counterpartyName, String account,
			String summary, String referenceCode, String state, String reason, String resolutionNote, Instant resolvedAt) {

		static Row of(BankReceipts.Receipt r) {
			return new Row(r.id(), r.statementId(), r.line(), r.bookedAt(), r.amountFen(), Money.yuan(r.amountFen()), r.counterpartyName(),
					MoneyInApiController.ReceiptView.account(r.counterpartyAccount()), r.summary(), r.referenceCode(), r.state(), r.reason(),
					r.resolutionNote(), r.resolvedAt());
		}
	}

	/** A ledger bank movement for the page, its amount in yuan. */
	record Movement(long seq, Instant postedAt, String memo, String amount) {
	}

	@GetMapping("/fund/statements")
	String statements(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		FundStaff.require(user);
		model.addAttribute("statements", receipts.statements(page));
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("maxMb", imports.maxBytes() >> 20);
		return "fund/statements";
	}

	@PostMapping("/fund/statements")
	String importStatement(@AuthenticationPrincipal BangfuUser user, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		FundStaff.require(user);
		attempt(redirect, () -> {
			if (file == null || file.isEmpty()) {
				throw new BadInputException("fund.statement.file-required");
			}
			if (file.getSize() > imports.maxBytes()) {
				throw new org.bangfu.shared.TooLargeException("fund.statement.too-large", imports.maxBytes() >> 20);
			}
			StatementImport.Result r = imports.importFile(user, file.getOriginalFilename(), file.getBytes());
			return text("fund.page.statements.imported", r.statementId(), r.rows(), r.matched(), r.unmatched(), r.duplicates(), r.debits());
		});
		return "redirect:/fund/statements";
	}

	@GetMapping("/fund/statements/{id}")
	String statement(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		FundStaff.require(user);
		model.addAttribute("statement", receipts.statement(id).orElseThrow(() -> new NotFoundException("fund.statement.not-found")));
		model.addAttribute("rows", receipts.ofStatement(id).stream().map(Row::of).toList());
		model.addAttribute("statements", List.of());
		return "fund/statement";
	}

	@GetMapping("/fund/receipts")
	String receipts(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "UNMATCHED") String state,
			@RequestParam(defaultValue = "0") int page, Model model) {
		FundStaff.require(user);
		String shown = List.of("UNMATCHED", "MATCHED", "POOLED", "DEBIT").contains(state) ? state : "UNMATCHED";
		model.addAttribute("state", shown);
		model.addAttribute("states", List.of("UNMATCHED", "MATCHED", "POOLED", "DEBIT"));
		model.addAttribute("receipts", receipts.inState(shown, page).stream().map(Row::of).toList());
		model.addAttribute("page", Math.max(0, page));
		return "fund/receipts";
	}

	@PostMapping("/fund/receipts/{id}/match")
	String match(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String referenceCode,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		attempt(redirect, () -> {
			review.match(user, id, referenceCode, note);
			return text("fund.page.receipts.matched", id);
		});
		return "redirect:/fund/receipts";
	}

	@PostMapping("/fund/receipts/{id}/pool")
	String pool(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		attempt(redirect, () -> {
			review.pool(user, id, reason);
			return text("fund.page.receipts.pooled", id);
		});
		return "redirect:/fund/receipts";
	}

	@GetMapping("/fund/reconciliation")
	String reconciliation(@AuthenticationPrincipal BangfuUser user, Model model) {
		Reconciliation.Report r = reconciliation.report(user);
		model.addAttribute("report", r);
		model.addAttribute("unmatched", r.unmatchedCredits().stream().map(Row::of).toList());
		model.addAttribute("debits", r.debitsNotInLedger().stream().map(Row::of).toList());
		model.addAttribute("movements", r.notOnStatement().stream()
			.map(m -> new Movement(m.seq(), m.postedAt(), m.memo(), Money.yuan(m.amountFen())))
			.toList());
		model.addAttribute("ledgerBank", Money.yuan(r.ledgerBankFen()));
		model.addAttribute("statementBalance", r.statementBalanceFen() == null ? null : Money.yuan(r.statementBalanceFen()));
		model.addAttribute("difference", r.differenceFen() == null ? null : Money.yuan(r.differenceFen()));
		model.addAttribute("explained", Money.yuan(r.explainedFen()));
		model.addAttribute("unexplained", r.unexplainedFen() == null ? null : Money.yuan(r.unexplainedFen()));
		return "fund/reconciliation";
	}

	@PostMapping("/fund/reconciliation/closing-balance")
	String closingBalance(@AuthenticationPrincipal BangfuUser user, @RequestParam long statementId, @RequestParam(required = false) String balance,
			RedirectAttributes redirect) {
		attempt(redirect, () -> {
			Long fen;
			try {
				fen = balance == null || balance.isBlank() ? null : Money.fen(balance);
			}
			catch (IllegalArgumentException e) {
				throw new BadInputException("fund.reconciliation.balance-required");
			}
			reconciliation.enterClosingBalance(user, statementId, fen);
			return text("fund.page.reconciliation.entered");
		});
		return "redirect:/fund/reconciliation";
	}

	interface Step {
		String run() throws IOException;
	}

	/** Redirect-after-POST: the step's notice, or why it was refused, in the user's language (a 404 goes on to the error page). */
	private void attempt(RedirectAttributes redirect, Step step) {
		try {
			redirect.addFlashAttribute("notice", step.run());
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			redirect.addFlashAttribute("error", text(e.messageKey(), e.args()));
		}
		catch (IOException e) {
			redirect.addFlashAttribute("error", text("fund.statement.corrupt"));
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
