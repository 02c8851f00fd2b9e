package org.bangfu.fund;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.need.NeedPledging;
import org.bangfu.region.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the fund staff's work page shows, read in one step: covered lines waiting for their payment, payments waiting
 * for a (second) approval or for the money to go out, refunds due; and one payment with what its page needs.
 */
@Service
public class FundWork {

	/** A covered line: the need's title, the item's name, the target and what its ledger account still holds. */
	public record LineRow(long needId, int position, String title, String item, long targetFen, long heldFen) {
	}

	/** A payment as the staff see it: the line, the payee, who asked and approved, whether it needs a second person. */
	public record PaymentRow(Payment payment, String title, String item, Payees.Payee payee, String requestedByName, String approvedByName,
			boolean secondPersonNeeded) {
	}

	public record View(List<LineRow> lines, List<PaymentRow> requested, List<PaymentRow> approved, List<Gift> refundsDue,
			List<Payees.Payee> payees, long bankFen, long poolFen, long fourEyesAboveFen) {
	}

	private final MoneyLines lines;

	private final Payments payments;

	private final Payees payees;

	private final Gifts gifts;

	private final FundLedger ledger;

	private final NeedPledging needs;

	private final Accounts accounts;

	private final FundProfile profile;

	FundWork(MoneyLines lines, Payments payments, Payees payees, Gifts gifts, FundLedger ledger, NeedPledging needs, Accounts accounts,
			FundProfile profile) {
		this.lines = lines;
		this.payments = payments;
		this.payees = payees;
		this.gifts = gifts;
		this.ledger = ledger;
		this.needs = needs;
		this.accounts = accounts;
		this.profile = profile;
	}

	@Transactional(readOnly = true)
	public View of(BangfuUser staff) {
		Scope scope = FundStaff.scopeOf(staff);
		List<MoneyLines.Line> covered = lines.waitingForPayment(scope);
		List<Payment> requested = payments.within(scope, PaymentState.REQUESTED);
		List<Payment> approved = payments.within(scope, PaymentState.APPROVED);
		Map<Long, NeedPledging.Open> open = needs.getAll(Stream.concat(covered.stream().map(MoneyLines.Line::needId),
				Stream.concat(requested.stream(), approved.stream()).map(Payment::needId)).distinct().toList());
		List<LineRow> rows = new ArrayList<>();
		for (MoneyLines.Line l : covered) {
			NeedPledging.Open n = open.get(l.needId());
			rows.add(new LineRow(l.needId(), l.position(), n == null ? "" : n.title(), item(n, l.position()), l.targetFen(),
					ledger.balanceOrZero(FundAccounts.need(l.needId(), l.position()))));
		}
		return new View(rows, rows(requested, open), rows(approved, open), gifts.refundsDue(scope), payees.all(),
				ledger.balanceOrZero(FundAccounts.BANK), ledger.balanceOrZero(FundAccounts.POOL), profile.fourEyesAboveFen());
	}

	/** One payment in the staff's scope (else 404), with its line and payee. */
	@Transactional(readOnly = true)
	public PaymentRow payment(BangfuUser staff, long id) {
		Payment p = payments.get(id, FundStaff.scopeOf(staff));
		return rows(List.of(p), needs.getAll(List.of(p.needId()))).get(0);
	}

	private List<PaymentRow> rows(List<Payment> list, Map<Long, NeedPledging.Open> open) {
		Map<Long, String> names = accounts.namesOf(list.stream()
			.flatMap(p -> Stream.of(p.requestedBy(), p.approvedBy()))
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		return list.stream().map(p -> {
			NeedPledging.Open n = open.get(p.needId());
			return new PaymentRow(p, n == null ? "" : n.title(), item(n, p.position()), payees.get(p.payeeId()), names.get(p.requestedBy()),
					p.approvedBy() == null ? null : names.get(p.approvedBy()), p.needsSecondPerson(profile.fourEyesAboveFen()));
		}).toList();
	}

	private static String item(NeedPledging.Open n, int position) {
		return n == null || position >= n.items().size() ? "" : n.items().get(position).name();
	}
}
