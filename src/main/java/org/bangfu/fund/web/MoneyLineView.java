package org.bangfu.fund.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.fund.MoneyLines;
import org.bangfu.need.NeedViews;

/**
 * A money line of a need as its progress bar shows it: received of the target, and promised (given, money not yet
 * arrived) apart. A line without gifts yet has no fund_money_line row: its target is the item's value.
 */
record MoneyLineView(long needId, int position, String name, long targetFen, long receivedFen, long promisedFen) {

	public long missingFen() {
		return targetFen - receivedFen;
	}

	public long openFen() {
		return targetFen - receivedFen - promisedFen;
	}

	public boolean covered() {
		return receivedFen >= targetFen;
	}

	public int percentReceived() {
		return percent(receivedFen);
	}

	/** The promised share drawn after the received one; together never above 100. */
	public int percentPromised() {
		return Math.min(100 - percentReceived(), percent(promisedFen));
	}

	private int percent(long fen) {
		return targetFen <= 0 ? 0 : (int) Math.min(100, fen * 100 / targetFen);
	}

	/** The money lines of a need (as the public sees it) with what the fund holds for each. */
	static List<MoneyLineView> of(NeedViews.NeedView need, List<MoneyLines.Line> lines) {
		Map<Integer, MoneyLines.Line> byPosition = lines.stream().collect(Collectors.toMap(MoneyLines.Line::position, Function.identity()));
		return need.items().stream().filter(NeedViews.ItemView::money).map(i -> {
			MoneyLines.Line l = byPosition.get(i.id());
			return l == null ? new MoneyLineView(need.id(), i.id(), i.name(), i.valueFen(), 0, 0)
					: new MoneyLineView(need.id(), i.id(), i.name(), l.targetFen(), l.receivedFen(), l.promisedFen());
		}).toList();
	}
}
