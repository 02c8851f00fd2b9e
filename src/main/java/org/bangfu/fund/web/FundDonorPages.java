package org.bangfu.fund.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.account.BangfuUser;
import org.bangfu.fund.EntryKind;
import org.bangfu.fund.FundAccounts;
import org.bangfu.fund.FundLedger;
import org.bangfu.fund.Gift;
import org.bangfu.fund.Gifts;
import org.bangfu.fund.LedgerEntry;
import org.bangfu.fund.LedgerLine;
import org.bangfu.fund.MoneyLines;
import org.bangfu.need.NeedState;
import org.bangfu.need.NeedViews;
import org.bangfu.shared.NotAuthenticatedException;
import org.bangfu.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /fund/gifts/mine}: each of the donor's gifts and where it went — its line's progress, the payments the ledger
 * shows out of the line's account (approved to the payee, then paid from the bank), and the need's state down to the
 * household's confirmed receipt (CONFIRMED / CLOSED). Read from the ledger and the need module's public view only.
 */
@Controller
class FundDonorPages {

	private final Gifts gifts;

	private final FundLedger ledger;

	private final MoneyLines lines;

	private final NeedViews needs;

	private final LedgerWords words;

	FundDonorPages(Gifts gifts, FundLedger ledger, MoneyLines lines, NeedViews needs, LedgerWords words) {
		this.gifts = gifts;
		this.ledger = ledger;
		this.lines = lines;
		this.needs = needs;
		this.words = words;
	}

	/** A payment out of a line: approved to a payee, and whether the bank has paid that payee since. */
	record Payment(long seq, java.time.Instant at, String payee, long amountFen, boolean paid) {
	}

	record Row(Gift gift, String needTitle, NeedState needState, MoneyLineView line, List<Payment> payments, boolean receiptReady) {

		/** "Down to the receipt confirmed by the household": the need's goods or service arrived and were confirmed. */
		public boolean confirmedByHousehold() {
			return needState == NeedState.CONFIRMED || needState == NeedState.CLOSED;
		}
	}

	@GetMapping("/fund/gifts/mine")
	String mine(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		if (user == null) {
			throw new NotAuthenticatedException("fund.gift.not-signed-in");
		}
		List<Gift> mine = gifts.ofDonor(user.id(), page);
		Set<String> accounts = new LinkedHashSet<>();
		mine.stream().filter(g -> g.needId() != null).forEach(g -> accounts.add(FundAccounts.need(g.needId(), g.position())));
		Map<String, List<Payment>> payments = payments(accounts);
		Map<Long, NeedViews.NeedView> views = new HashMap<>();
		List<Row> rows = new ArrayList<>();
		for (Gift g : mine) {
			NeedViews.NeedView need = g.needId() == null ? null : views.computeIfAbsent(g.needId(), this::view);
			MoneyLineView line = need == null ? null : MoneyLineView.of(need, lines.ofNeed(need.id())).stream()
				.filter(l -> l.position() == g.position()).findFirst().orElse(null);
			rows.add(new Row(g, need == null ? null : need.title(), need == null ? null : need.state(), line,
					g.needId() == null ? List.of() : payments.getOrDefault(FundAccounts.need(g.needId(), g.position()), List.of()),
					FundGiftPages.receiptReady(g)));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("page", page);
		model.addAttribute("hasNext", mine.size() == 50);
		return "fund/gifts-mine";
	}

	private NeedViews.NeedView view(long needId) {
		try {
			return needs.view(null, needId, "");
		}
		catch (NotFoundException gone) {
			return null;
		}
	}

	/**
	 * By need-line account: the PAYMENT_APPROVED entries that took money from it, each marked paid once the bank's PAYMENT
	 * entries to that payee (settling its approvals oldest first, whatever need they were for) have covered it.
	 */
	private Map<String, List<Payment>> payments(Set<String> needAccounts) {
		List<LedgerEntry> approvals = ledger.touching(needAccounts).stream().filter(e -> EntryKind.PAYMENT_APPROVED.name().equals(e.kind()))
			.toList();
		Set<String> payees = new LinkedHashSet<>();
		approvals.forEach(e -> e.lines().stream().filter(l -> l.account().startsWith("payee-")).forEach(l -> payees.add(l.account())));
		Map<Long, Long> unpaid = new HashMap<>(); // approval seq -> fen not yet paid
		Map<String, java.util.ArrayDeque<long[]>> queues = new HashMap<>(); // payee -> approvals {seq, fen left}, oldest first
		for (LedgerEntry e : ledger.touching(payees)) {
			for (LedgerLine l : e.lines()) {
				if (!payees.contains(l.account())) {
					continue;
				}
				var queue = queues.computeIfAbsent(l.account(), a -> new java.util.ArrayDeque<>());
				if (l.amount() < 0) {
					queue.addLast(new long[] { e.seq(), -l.amount() });
					unpaid.put(e.seq(), -l.amount());
				}
				else {
					for (long pay = l.amount(); pay > 0 && !queue.isEmpty();) {
						long[] first = queue.peekFirst();
						long settled = Math.min(pay, first[1]);
						first[1] -= settled;
						pay -= settled;
						unpaid.put(first[0], first[1]);
						if (first[1] == 0) {
							queue.removeFirst();
						}
					}
				}
			}
		}
		Map<String, List<Payment>> out = new HashMap<>();
		for (LedgerEntry e : approvals) {
			String payee = e.lines().stream().filter(l -> l.account().startsWith("payee-")).map(LedgerLine::account).findFirst().orElse("");
			for (LedgerLine l : e.lines()) {
				if (needAccounts.contains(l.account()) && l.amount() > 0) {
					out.computeIfAbsent(l.account(), a -> new ArrayList<>())
						.add(new Payment(e.seq(), e.postedAt(), words.account(payee, 0).label(), l.amount(), unpaid.getOrDefault(e.seq(), 1L) == 0));
				}
			}
		}
		return out;
	}
}
