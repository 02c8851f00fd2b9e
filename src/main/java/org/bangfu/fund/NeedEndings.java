package org.bangfu.fund;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.need.NeedState;
import org.bangfu.shared.events.NeedEnded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A need withdrawn or expired before its money lines were covered hands back what they held, as each donor chose at
 * giving: a promised gift lapses (its share is free; if its money still comes, {@link GiftArrival} takes it in and
 * hands it back the same way), a received one goes to the general pool (ledger TO_POOL) or waits for its refund
 * (REFUND_DUE; fund staff record the refund paid, ledger REFUND). Money the fund granted to the line goes back to the
 * pool. Runs after the need's commit, in its own transaction ({@link ApplicationModuleListener}), kept by the event
 * publication registry until it succeeds.
 */
@Service
public class NeedEndings {

	static final String REASON = "需求已撤回或到期未筹齐";

	private final Gifts gifts;

	private final MoneyLines lines;

	private final FundLedger ledger;

	private final FundAccounts accounts;

	private final OperationLog log;

	private final Clock clock;

	NeedEndings(Gifts gifts, MoneyLines lines, FundLedger ledger, FundAccounts accounts, OperationLog log, Clock clock) {
		this.gifts = gifts;
		this.lines = lines;
		this.ledger = ledger;
		this.accounts = accounts;
		this.log = log;
		this.clock = clock;
	}

	/** Whether a need in this state has ended unhelped (withdrawn or expired). */
	static boolean ended(NeedState state) {
		return state == NeedState.WITHDRAWN || state == NeedState.EXPIRED;
	}

	@ApplicationModuleListener
	void on(NeedEnded e) {
		handBack(e.needId(), e.at());
	}

	/** Hands back what the need's lines hold; a second run finds nothing left to hand back. */
	@Transactional
	public void handBack(long needId, Instant at) {
		List<MoneyLines.Line> needLines = lines.ofNeed(needId);
		if (needLines.isEmpty()) {
			return;
		}
		needLines.forEach(l -> lines.lockedExisting(l.needId(), l.position())); // lines before gifts: the order every step takes
		accounts.ensureOwn();
		for (Gift gift : gifts.holdingLocked(needId)) {
			GiftState was = gift.state();
			if (was == GiftState.PROMISED) {
				gift.end(GiftState.LAPSED, Gift.NEED_ENDED, at);
				lines.change(needId, gift.position(), -gift.amountFen(), 0);
			}
			else {
				handOver(gift, at);
			}
			gifts.save(gift, was);
		}
		for (MoneyLines.Line line : needLines) {
			poolGrants(line, at);
		}
	}

	/** A received gift of an ended need, as its donor chose: into the pool now, or a refund due. The caller saves the gift. */
	@Transactional(propagation = Propagation.MANDATORY)
	void handOver(Gift gift, Instant at) {
		gift.needEndedUnfunded(REASON, at);
		if (gift.state() == GiftState.POOLED) {
			ledger.post(EntryKind.TO_POOL, GiftArrival.memo("需求结束 转入基金池", gift.receiptNumber()),
					List.of(new LedgerLine(gift.account(), gift.amountFen()), new LedgerLine(FundAccounts.POOL, -gift.amountFen())));
		}
	}

	/** What the fund granted to a line of an ended need goes back to the pool: all the line holds beyond refunds due. */
	private void poolGrants(MoneyLines.Line line, Instant at) {
		String account = FundAccounts.need(line.needId(), line.position());
		long refundsDue = gifts.ofNeed(line.needId()).stream()
			.filter(g -> g.position() == line.position() && g.state() == GiftState.REFUND_DUE)
			.mapToLong(Gift::amountFen)
			.sum();
		long back = ledger.balanceOrZero(account) - refundsDue;
		if (back > 0) {
			ledger.post(EntryKind.TO_POOL, GiftArrival.memo("需求结束 资助退回基金池", "need " + line.needId()),
					List.of(new LedgerLine(account, back), new LedgerLine(FundAccounts.POOL, -back)));
		}
	}

	/** Fund staff record that a refund due was paid back to the donor: out of the bank (ledger REFUND). */
	@Transactional
	public Gift refunded(BangfuUser staff, long giftId) {
		FundStaff.scopeOf(staff);
		Gift found = gifts.get(giftId);
		if (found.needId() == null) {
			throw new org.bangfu.shared.ConflictException("fund.gift.no-refund-due", found.referenceCode());
		}
		FundStaff.require(staff, found.regionCode());
		lines.lockedExisting(found.needId(), found.position());
		Gift gift = gifts.lockedByReference(found.referenceCode()).orElseThrow();
		GiftState was = gift.state();
		gift.refunded(clock.instant());
		ledger.post(EntryKind.REFUND, GiftArrival.memo("退款", gift.receiptNumber()),
				List.of(new LedgerLine(gift.account(), gift.amountFen()), new LedgerLine(FundAccounts.BANK, -gift.amountFen())));
		gifts.save(gift, was);
		log.record(staff.id(), "fund.gift.refunded", "gift:" + gift.id(), gift.regionCode(), org.bangfu.shared.Money.yuan(gift.amountFen()) + " 元");
		return gift;
	}

	/** The gifts waiting for their refund in the scope. */
	public List<Gift> refundsDue(org.bangfu.region.Scope scope) {
		return gifts.refundsDue(scope);
	}
}
