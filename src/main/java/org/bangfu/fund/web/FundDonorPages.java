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

	private final MoneyLines lines;

	private final NeedViews needs;

	private final org.bangfu.fund.Payments fundPayments;

	private final org.bangfu.fund.Payees payees;

	FundDonorPages(Gifts gifts, MoneyLines lines, NeedViews needs, org.bangfu.fund.Payments fundPayments, org.bangfu.fund.Payees payees) {
		this.gifts = gifts;
		this.lines = lines;
		this.needs = needs;
		this.fundPayments = fundPayments;
		this.payees = payees;
	}

	/** A payment out of a line: approved to a payee, and whether the bank has paid it. */
	record Payment(long id, java.time.Instant at, String payee, long amountFen, boolean paid) {
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
		Map<String, List<Payment>> payments = payments(mine);
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

	/** By need line: its payments approved or paid, oldest first, with the payee's public name (a household's masked). */
	private Map<String, List<Payment>> payments(List<Gift> mine) {
		Map<String, List<Payment>> out = new HashMap<>();
		mine.stream().filter(g -> g.needId() != null).map(Gift::needId).distinct().forEach(needId -> {
			for (org.bangfu.fund.Payment p : fundPayments.outOfNeed(needId)) {
				out.computeIfAbsent(FundAccounts.need(p.needId(), p.position()), a -> new ArrayList<>())
					.add(new Payment(p.id(), p.paidAt() != null ? p.paidAt() : p.approvedAt(), payees.get(p.payeeId()).publicName(), p.amountFen(),
							p.state() == org.bangfu.fund.PaymentState.PAID));
			}
		});
		return out;
	}
}
