package org.bangfu.fund.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bangfu.account.BangfuUser;
import org.bangfu.fund.FundWork;
import org.bangfu.fund.NeedEndings;
import org.bangfu.fund.Paying;
import org.bangfu.fund.PaymentProofs;
import org.bangfu.shared.Flash;
import org.bangfu.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The fund staff's pages: the work page (lines to pay, payments to approve or pay, refunds due) and one payment's page. */
@Controller
class FundWorkPages {

	private final FundWork work;

	private final Paying paying;

	private final NeedEndings endings;

	private final PaymentProofs proofs;

	private final MessageSource messages;

	private final org.bangfu.fund.Payees payees;

	private final org.bangfu.fund.GoodsGifts goods;

	FundWorkPages(FundWork work, Paying paying, NeedEndings endings, PaymentProofs proofs, MessageSource messages,
			org.bangfu.fund.Payees payees, org.bangfu.fund.GoodsGifts goods) {
		this.payees = payees;
		this.goods = goods;
		this.work = work;
		this.paying = paying;
		this.endings = endings;
		this.proofs = proofs;
		this.messages = messages;
	}

	@GetMapping("/fund/work")
	String work(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("work", work.of(user));
		return "fund/work";
	}

	@PostMapping("/fund/payments")
	String request(@AuthenticationPrincipal BangfuUser user, @RequestParam long needId, @RequestParam int itemId,
			@RequestParam(required = false) Long payeeId, @RequestParam(required = false) String amountYuan,
			@RequestParam(required = false) String householdReason, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "fund.work.done.requested",
				() -> paying.request(user, needId, itemId, payeeId, fen(amountYuan), householdReason));
		return "redirect:/fund/work";
	}

	@PostMapping("/fund/payees")
	String createPayee(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) org.bangfu.fund.PayeeKind kind, @RequestParam(required = false) String bank,
			@RequestParam(required = false) String accountNumber, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "fund.work.done.payee", () -> payees.create(user, name, kind, bank, accountNumber));
		return "redirect:/fund/work";
	}

	/** Goods given to the fund, recorded at their declared value (a receipt number and a GOODS_RECEIVED entry). */
	@PostMapping("/fund/goods")
	String recordGoods(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String shownAs,
			@RequestParam(required = false) String description, @RequestParam(required = false) String valueYuan, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "fund.work.done.goods", () -> goods.record(user, null, shownAs, description, fen(valueYuan)));
		return "redirect:/fund/work";
	}

	@GetMapping("/fund/payments/{id}")
	String payment(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		model.addAttribute("row", work.payment(user, id));
		return "fund/payment";
	}

	@PostMapping("/fund/payments/{id}/approve")
	String approve(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "fund.work.done.approved", () -> paying.approve(user, id));
		return "redirect:/fund/payments/" + id;
	}

	@PostMapping("/fund/payments/{id}/paid")
	String paid(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String transactionNumber,
			@RequestParam(required = false) MultipartFile proof, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "fund.work.done.paid",
				() -> paying.paid(user, id, transactionNumber, proof == null || proof.isEmpty() ? null : proof.getInputStream()));
		return "redirect:/fund/payments/" + id;
	}

	@GetMapping("/fund/payments/{id}/proof")
	ResponseEntity<FileSystemResource> proof(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return proofOf(work.payment(user, id).payment(), proofs);
	}

	/** The payment's proof file, as it was stored (a re-encoded JPEG or the PDF); 404 while there is none. */
	static ResponseEntity<FileSystemResource> proofOf(org.bangfu.fund.Payment payment, PaymentProofs proofs) {
		String file = payment.proofFile();
		Path path = file == null ? null : proofs.file(file);
		if (path == null || !Files.exists(path)) {
			throw new NotFoundException("fund.payment.not-found");
		}
		return ResponseEntity.ok()
			.contentType(file.endsWith(".pdf") ? MediaType.APPLICATION_PDF : MediaType.IMAGE_JPEG)
			.body(new FileSystemResource(path));
	}

	@PostMapping("/fund/gifts/{id}/refunded")
	String refunded(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "fund.work.done.refunded", () -> endings.refunded(user, id));
		return "redirect:/fund/work";
	}

	/** Yuan as typed (12.5, 3000) to fen; anything else is left to the use case as missing (400 with its message). */
	private static Long fen(String yuan) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		try {
			return org.bangfu.shared.Money.fen(yuan.strip());
		}
		catch (RuntimeException e) {
			return -1L;
		}
	}
}
