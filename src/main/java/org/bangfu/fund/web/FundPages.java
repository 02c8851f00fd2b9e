package org.bangfu.fund.web;

import java.time.LocalDate;
import java.util.List;

import org.bangfu.fund.ChainVerification;
import org.bangfu.fund.EntryKind;
import org.bangfu.fund.FundAccounts;
import org.bangfu.fund.FundLedger;
import org.bangfu.fund.FundProfile;
import org.bangfu.fund.ReportPeriod;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The fund's public pages (no login): {@code /fund} — who holds it, its certificate and bank account, its balances, the
 * year's money in and out, the latest movements and the chain's head; {@code /fund/ledger} — every entry, newest first,
 * with its lines and hashes and whether the chain holds.
 */
@Controller
class FundPages {

	static final int LATEST = 20;

	static final int PAGE_SIZE = 50;

	private final FundProfile profile;

	private final FundLedger ledger;

	private final LedgerWords words;

	private final java.time.Clock clock;

	private final MessageSource messages;

	FundPages(FundProfile profile, FundLedger ledger, LedgerWords words, java.time.Clock clock, MessageSource messages) {
		this.messages = messages;
		this.profile = profile;
		this.ledger = ledger;
		this.words = words;
		this.clock = clock;
	}

	@GetMapping("/fund")
	String fund(Model model) {
		int year = LocalDate.ofInstant(clock.instant(), ReportPeriod.CITY).getYear();
		// two sums in SQL, not the year's entries: this page is the fund's most visited
		ReportPeriod period = ReportPeriod.year(year);
		long[] in = ledger.sumOn(FundAccounts.BANK, List.of(EntryKind.GIFT_RECEIVED), period.from(), period.to());
		long[] out = ledger.sumOn(FundAccounts.BANK, List.of(EntryKind.PAYMENT, EntryKind.REFUND), period.from(), period.to());
		model.addAttribute("profile", profile);
		model.addAttribute("bankFen", ledger.balanceOrZero(FundAccounts.BANK));
		model.addAttribute("poolFen", ledger.balanceOrZero(FundAccounts.POOL));
		model.addAttribute("year", year);
		model.addAttribute("yearInFen", in[0]);
		model.addAttribute("yearGifts", in[1]);
		model.addAttribute("yearOutFen", -out[0]);
		model.addAttribute("latest", words.entries(ledger.newestFirst(0, LATEST)));
		model.addAttribute("head", ledger.head());
		model.addAttribute("quarter", ReportPeriod.parse(null, clock).key());
		return "fund/fund";
	}

	@GetMapping("/fund/ledger")
	String ledger(@RequestParam(defaultValue = "1") int page, Model model) {
		long count = ledger.count();
		int pages = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(1, page), pages);
		ChainVerification verification = ledger.verify();
		model.addAttribute("entries", words.entries(ledger.newestFirst(current - 1, PAGE_SIZE)));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("count", count);
		model.addAttribute("verification", verification);
		model.addAttribute("brokenReason", verification.intact() ? null
				: messages.getMessage("fundpage.ledger.reason." + verification.reason(), null, verification.reason(), LocaleContextHolder.getLocale()));
		model.addAttribute("head", ledger.head());
		return "fund/ledger";
	}
}
