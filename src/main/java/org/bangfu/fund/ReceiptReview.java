package org.bangfu.fund;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fund staff resolve a bank receipt that waits for review, once: match it to a promised gift by the gift's reference code
 * (the amount must be exactly the gift's), or take the money into the general pool with a reason. Who and when are kept
 * on the receipt; the ledger records the money either way.
 */
@Service
public class ReceiptReview {

	private final BankReceipts receipts;

	private final GiftArrival arrival;

	private final FundLedger ledger;

	private final FundAccounts accounts;

	private final Clock clock;

	private final org.bangfu.account.OperationLog log;

	ReceiptReview(BankReceipts receipts, GiftArrival arrival, FundLedger ledger, FundAccounts accounts, Clock clock,
			org.bangfu.account.OperationLog log) {
		this.receipts = receipts;
		this.arrival = arrival;
		this.ledger = ledger;
		this.accounts = accounts;
		this.clock = clock;
		this.log = log;
	}

	@Transactional
	public BankReceipts.Receipt match(BangfuUser user, long receiptId, String referenceCode, String note) {
		FundStaff.require(user);
		BankReceipts.Receipt receipt = waiting(receiptId);
		String code = referenceCode == null ? "" : referenceCode.strip().toUpperCase(java.util.Locale.ROOT);
		if (!ReferenceCodes.valid(code)) {
			throw new BadInputException("fund.receipt.code-invalid", code);
		}
		Gift gift = arrival.received(code, receipt.amountFen(), "银行流水 人工核对", receipt.bookedAt());
		receipts.resolved(receiptId, "MATCHED", gift.id(), ledger.head().seq(), user.id(), clock.instant(), note(note));
		log.record(user.id(), "fund.receipt.match", "receipt:" + receiptId, null, code + " " + org.bangfu.shared.Money.yuan(receipt.amountFen()));
		return receipts.find(receiptId).orElseThrow();
	}

	@Transactional
	public BankReceipts.Receipt pool(BangfuUser user, long receiptId, String reason) {
		FundStaff.require(user);
		String why = note(reason);
		if (why == null) {
			throw new BadInputException("fund.receipt.reason-required");
		}
		BankReceipts.Receipt receipt = waiting(receiptId);
		accounts.ensureOwn();
		LedgerEntry entry = ledger.post(EntryKind.GIFT_RECEIVED, GiftArrival.memo("银行到账 转入基金池 流水", "R" + receiptId),
				List.of(new LedgerLine(FundAccounts.BANK, receipt.amountFen()), new LedgerLine(FundAccounts.POOL, -receipt.amountFen())));
		receipts.resolved(receiptId, "POOLED", null, entry.seq(), user.id(), clock.instant(), why);
		log.record(user.id(), "fund.receipt.pool", "receipt:" + receiptId, null, org.bangfu.shared.Money.yuan(receipt.amountFen()));
		return receipts.find(receiptId).orElseThrow();
	}

	private BankReceipts.Receipt waiting(long receiptId) {
		BankReceipts.Receipt receipt = receipts.locked(receiptId).orElseThrow(() -> new NotFoundException("fund.receipt.not-found"));
		if (!"UNMATCHED".equals(receipt.state())) {
			throw new ConflictException("fund.receipt.resolved", receiptId);
		}
		return receipt;
	}

	private static String note(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String s = text.strip();
		return s.length() > 500 ? s.substring(0, 500) : s;
	}

}
