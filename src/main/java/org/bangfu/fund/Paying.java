package org.bangfu.fund;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.pledge.PledgeState;
import org.bangfu.pledge.Pledging;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.Money;
import org.bangfu.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund pays a covered money line to its payee (hospital, school, supplier, builder; a household's own account only
 * by an explicit exception with a written reason, logged). Only a covered line is paid: its money is all there and the
 * fund's pledge of it stands, so the payment is the pledge's delivery. Asked by one fund staff member, approved (above
 * {@link FundProfile#fourEyesAboveFen()} by a second one), then paid with the bank's transaction number and a proof file.
 * The ledger moves at approval (the line's money set aside for the payee) and at payment (out of the bank); it refuses
 * any balance below zero, so a payment larger than the line holds or than the bank holds is refused with nothing changed.
 */
@Service
public class Paying {

	private final Payments payments;

	private final Payees payees;

	private final MoneyLines lines;

	private final FundLedger ledger;

	private final FundAccounts accounts;

	private final FundAccount fundAccount;

	private final Pledging pledging;

	private final PaymentProofs proofs;

	private final FundProfile profile;

	private final OperationLog log;

	private final Clock clock;

	Paying(Payments payments, Payees payees, MoneyLines lines, FundLedger ledger, FundAccounts accounts, FundAccount fundAccount,
			Pledging pledging, PaymentProofs proofs, FundProfile profile, OperationLog log, Clock clock) {
		this.payments = payments;
		this.payees = payees;
		this.lines = lines;
		this.ledger = ledger;
		this.accounts = accounts;
		this.fundAccount = fundAccount;
		this.pledging = pledging;
		this.proofs = proofs;
		this.profile = profile;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	public Payment request(BangfuUser staff, long needId, Integer position, Long payeeId, Long amountFen, String householdReason) {
		FundStaff.scopeOf(staff);
		if (position == null) {
			throw new BadInputException("fund.gift.item-required");
		}
		if (payeeId == null) {
			throw new BadInputException("fund.payee.required");
		}
		if (amountFen == null || amountFen <= 0) {
			throw new BadInputException("fund.amount-positive");
		}
		MoneyLines.Line line = lines.lockedExisting(needId, position).orElseThrow(() -> new NotFoundException("fund.line.not-found"));
		FundStaff.require(staff, line.regionCode());
		if (line.pledgeId() == null) {
			throw new ConflictException("fund.payment.line-not-covered", Money.yuan(line.missingFen()));
		}
		long held = ledger.balanceOrZero(FundAccounts.need(needId, position));
		if (amountFen > held) {
			throw new ConflictException("fund.payment.more-than-line", Money.yuan(held));
		}
		long bank = ledger.balanceOrZero(FundAccounts.BANK);
		if (amountFen > bank) {
			throw new ConflictException("fund.payment.more-than-bank", Money.yuan(bank));
		}
		Payees.Payee payee = payees.get(payeeId);
		String reason = null;
		if (payee.household()) {
			if (householdReason == null || householdReason.isBlank()) {
				throw new BadInputException("fund.payment.household-reason-required");
			}
			reason = householdReason.strip();
			if (reason.length() > 200) {
				throw new BadInputException("fund.text-too-long", 200);
			}
		}
		Instant at = clock.instant();
		long id = payments.insert(needId, position, line.regionCode(), payee.id(), amountFen, reason, staff.id(), at);
		log.record(staff.id(), "fund.payment.request", "payment:" + id, line.regionCode(),
				needId + " 号需求第 " + (position + 1) + " 项，" + org.bangfu.shared.Money.yuan(amountFen) + " 元，付给 " + payee.publicName());
		if (reason != null) {
			// the exception the issue asks to be explicit and logged: paying a household's own account
			log.record(staff.id(), "fund.payment.household-account", "payment:" + id, line.regionCode(), "理由：" + reason);
		}
		return payments.locked(id);
	}

	/** A second look: above the four-eyes amount by another fund staff member than the one who asked. */
	@Transactional
	public Payment approve(BangfuUser staff, long paymentId) {
		Payment p = inScope(staff, paymentId);
		lines.lockedExisting(p.needId(), p.position()); // line before payment: the order every step takes
		p = payments.locked(paymentId);
		PaymentState was = p.state();
		p.approve(staff.id(), profile.fourEyesAboveFen(), clock.instant());
		String payee = accounts.ensure(FundAccounts.payee(p.payeeId()), AccountKind.PAYEE);
		ledger.post(EntryKind.PAYMENT_APPROVED, GiftArrival.memo("拨付批准", payees.get(p.payeeId()).publicName(), "payment " + p.id()),
				List.of(new LedgerLine(p.lineAccount(), p.amountFen()), new LedgerLine(payee, -p.amountFen())));
		payments.save(p, was);
		log.record(staff.id(), "fund.payment.approve", "payment:" + p.id(), p.regionCode(), org.bangfu.shared.Money.yuan(p.amountFen()) + " 元");
		return p;
	}

	/**
	 * Paid from the bank, with its transaction number and the proof. The last open payment of a line paid ships the fund's
	 * pledge of the line: the help is on its way, and the household's confirmation of receipt completes it.
	 */
	@Transactional
	public Payment paid(BangfuUser staff, long paymentId, String transactionNumber, InputStream proof) {
		Payment p = inScope(staff, paymentId);
		MoneyLines.Line line = lines.lockedExisting(p.needId(), p.position()).orElseThrow();
		p = payments.locked(paymentId);
		PaymentState was = p.state();
		if (was != PaymentState.APPROVED) {
			p.paid(staff.id(), transactionNumber, "-", clock.instant()); // refused with the state's reason
		}
		Payment.checkTransaction(transactionNumber);
		PaymentProofs.Proof checked = proofs.read(proof);
		String file = checked.fileName(p.id());
		p.paid(staff.id(), transactionNumber, file, clock.instant());
		ledger.post(EntryKind.PAYMENT, GiftArrival.memo("拨付", payees.get(p.payeeId()).publicName(), "payment " + p.id(),
				p.transactionNumber()),
				List.of(new LedgerLine(FundAccounts.payee(p.payeeId()), p.amountFen()), new LedgerLine(FundAccounts.BANK, -p.amountFen())));
		payments.save(p, was);
		long open = payments.ofLine(p.needId(), p.position()).stream().filter(o -> o.state() != PaymentState.PAID).count();
		if (open == 0 && line.pledgeId() != null && pledging.stateOf(line.pledgeId()) == PledgeState.COMMITTED) {
			pledging.shipByFund(line.pledgeId(), fundAccount.id());
		}
		log.record(staff.id(), "fund.payment.paid", "payment:" + p.id(), p.regionCode(), "银行流水号 " + p.transactionNumber());
		proofs.write(file, checked);
		return p;
	}

	private Payment inScope(BangfuUser staff, long paymentId) {
		return payments.get(paymentId, FundStaff.scopeOf(staff));
	}
}
