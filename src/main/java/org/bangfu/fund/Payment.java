package org.bangfu.fund;

import java.time.Instant;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotPermittedException;

/**
 * A payment of a covered money line to a payee: REQUESTED → APPROVED → PAID. It guards its own state and the four-eyes
 * rule: above the fund's four-eyes amount the approver must be another person than the one who asked; nobody approves
 * twice; only an approved payment is paid, and only with the bank's transaction number and a proof file.
 */
public final class Payment {

	private final long id;

	private final long needId;

	private final int position;

	private final String regionCode;

	private final long payeeId;

	private final long amountFen;

	private final String householdReason;

	private final long requestedBy;

	private final Instant requestedAt;

	private PaymentState state;

	private Long approvedBy;

	private Instant approvedAt;

	private Long paidBy;

	private Instant paidAt;

	private String transactionNumber;

	private String proofFile;

	Payment(long id, long needId, int position, String regionCode, long payeeId, long amountFen, String householdReason, long requestedBy,
			Instant requestedAt, PaymentState state, Long approvedBy, Instant approvedAt, Long paidBy, Instant paidAt, String transactionNumber,
			String proofFile) {
		this.id = id;
		this.needId = needId;
		this.position = position;
		this.regionCode = regionCode;
		this.payeeId = payeeId;
		this.amountFen = amountFen;
		this.householdReason = householdReason;
		this.requestedBy = requestedBy;
		this.requestedAt = requestedAt;
		this.state = state;
		this.approvedBy = approvedBy;
		this.approvedAt = approvedAt;
		this.paidBy = paidBy;
		this.paidAt = paidAt;
		this.transactionNumber = transactionNumber;
		this.proofFile = proofFile;
	}

	/** Whether approving it takes a second person (四眼原则). */
	boolean needsSecondPerson(long fourEyesAboveFen) {
		return amountFen > fourEyesAboveFen;
	}

	void approve(long by, long fourEyesAboveFen, Instant at) {
		if (state != PaymentState.REQUESTED) {
			if (approvedBy != null && approvedBy == by) {
				throw new ConflictException("fund.payment.approved-twice");
			}
			throw new ConflictException("fund.payment.not-requested", String.valueOf(id));
		}
		if (needsSecondPerson(fourEyesAboveFen) && by == requestedBy) {
			throw new NotPermittedException("fund.payment.four-eyes", org.bangfu.shared.Money.yuan(fourEyesAboveFen));
		}
		state = PaymentState.APPROVED;
		approvedBy = by;
		approvedAt = at;
	}

	void paid(long by, String transaction, String proof, Instant at) {
		if (state != PaymentState.APPROVED) {
			throw new ConflictException(state == PaymentState.PAID ? "fund.payment.paid-already" : "fund.payment.not-approved", String.valueOf(id));
		}
		checkTransaction(transaction);
		if (proof == null) {
			throw new BadInputException("fund.payment.proof-required");
		}
		state = PaymentState.PAID;
		paidBy = by;
		paidAt = at;
		transactionNumber = transaction.strip();
		proofFile = proof;
	}

	/** The bank's transaction number as a payment records it: required, letters, digits and - _ / only. */
	static void checkTransaction(String transaction) {
		if (transaction == null || transaction.isBlank()) {
			throw new BadInputException("fund.payment.transaction-required");
		}
		if (transaction.strip().length() > 64 || !transaction.strip().matches("[A-Za-z0-9\\-_/]+")) {
			throw new BadInputException("fund.payment.transaction-invalid");
		}
	}

	public long id() {
		return id;
	}

	public long needId() {
		return needId;
	}

	public int position() {
		return position;
	}

	public String regionCode() {
		return regionCode;
	}

	public long payeeId() {
		return payeeId;
	}

	public long amountFen() {
		return amountFen;
	}

	public String householdReason() {
		return householdReason;
	}

	public long requestedBy() {
		return requestedBy;
	}

	public Instant requestedAt() {
		return requestedAt;
	}

	public PaymentState state() {
		return state;
	}

	public Long approvedBy() {
		return approvedBy;
	}

	public Instant approvedAt() {
		return approvedAt;
	}

	public Long paidBy() {
		return paidBy;
	}

	public Instant paidAt() {
		return paidAt;
	}

	public String transactionNumber() {
		return transactionNumber;
	}

	public String proofFile() {
		return proofFile;
	}

	/** The ledger account of the line the payment pays from. */
	String lineAccount() {
		return FundAccounts.need(needId, position);
	}
}
