package org.bangfu.fund;

import java.time.Instant;
import java.util.List;

import org.bangfu.need.NeedPledging;
import org.bangfu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A gift's money arrived on the fund's bank account (a statement row or the payment gateway's notification matched it by
 * its reference code): the gift gets its receipt number, the ledger records the money for the line (or the pool), and
 * a line the money now covers is announced ({@link MoneyLineCovered}) so the fund pledges it.
 */
@Service
public class GiftArrival {

	private final Gifts gifts;

	private final MoneyLines lines;

	private final FundLedger ledger;

	private final FundAccounts accounts;

	private final ReceiptNumbers receipts;

	private final ApplicationEventPublisher events;

	private final NeedPledging needs;

	private final NeedEndings endings;

	GiftArrival(Gifts gifts, MoneyLines lines, FundLedger ledger, FundAccounts accounts, ReceiptNumbers receipts,
			ApplicationEventPublisher events, NeedPledging needs, NeedEndings endings) {
		this.needs = needs;
		this.endings = endings;
		this.gifts = gifts;
		this.lines = lines;
		this.ledger = ledger;
		this.accounts = accounts;
		this.receipts = receipts;
		this.events = events;
	}

	/**
	 * Receives the gift's money: refused (409, nothing changed) when the code is unknown (404), the gift is no longer
	 * waiting for money or the amount differs from the gift's. {@code via} says how it came, for the ledger's memo.
	 */
	@Transactional
	public Gift received(String referenceCode, long amountFen, String via, Instant at) {
		Gift found = byReference(referenceCode);
		if (found.needId() != null) {
			lines.lockedExisting(found.needId(), found.position()); // line before gift: the order every step takes
		}
		Gift gift = gifts.lockedByReference(referenceCode).orElseThrow();
		GiftState was = gift.state();
		// money for a gift whose need ended (its share already freed) is still taken in, then handed back as the donor chose
		boolean late = gift.endedByNeed();
		if (late) {
			gift.receiveLate(amountFen, receipts.next(at), at);
		}
		else {
			gift.receive(amountFen, receipts.next(at), at);
		}
		accounts.ensureOwn();
		String account = gift.needId() == null ? FundAccounts.POOL : accounts.ensure(gift.account(), AccountKind.NEED);
		ledger.post(EntryKind.GIFT_RECEIVED, memo("捐赠", gift.receiptNumber(), gift.shownAs(), via),
				List.of(new LedgerLine(FundAccounts.BANK, amountFen), new LedgerLine(account, -amountFen)));
		if (gift.needId() != null) {
			lines.change(gift.needId(), gift.position(), late ? 0 : -amountFen, amountFen);
			MoneyLines.Line line = lines.lockedExisting(gift.needId(), gift.position()).orElseThrow();
			if (late || NeedEndings.ended(needs.get(gift.needId()).state())) {
				endings.handOver(gift, at);
			}
			else if (line.covered()) {
				events.publishEvent(new MoneyLineCovered(gift.needId(), gift.position(), line.targetFen(), at));
			}
		}
		gifts.save(gift, was);
		return gift;
	}

	private Gift byReference(String referenceCode) {
		if (!ReferenceCodes.valid(referenceCode)) {
			throw new NotFoundException("fund.gift.reference-unknown", String.valueOf(referenceCode));
		}
		return gifts.byReference(referenceCode).orElseThrow(() -> new NotFoundException("fund.gift.reference-unknown", referenceCode));
	}

	/** A ledger memo from public words only, without the canonical form's separators. */
	static String memo(String... parts) {
		String joined = String.join(" ", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
		String clean = joined.replaceAll("[|;:\\p{Cntrl}]", " ");
		return clean.length() > 200 ? clean.substring(0, 200) : clean;
	}
}
