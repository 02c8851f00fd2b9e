package org.bangfu.fund;

import org.bangfu.pledge.Pledging;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A money line is covered (by gifts or a grant): the fund pledges the whole line as its own account, in the same
 * transaction (a plain listener), so the money and the need's PLEDGED state commit together or not at all. The pledge
 * then moves as any other: shipped when the payee is paid, received when the household confirms.
 */
@Component
class FundPledging {

	private final Pledging pledging;

	private final MoneyLines lines;

	private final FundAccount account;

	FundPledging(Pledging pledging, MoneyLines lines, FundAccount account) {
		this.pledging = pledging;
		this.lines = lines;
		this.account = account;
	}

	@EventListener
	void on(MoneyLineCovered e) {
		MoneyLines.Line line = lines.lockedExisting(e.needId(), e.position()).orElseThrow();
		if (line.pledgeId() != null) {
			return; // pledged already: covered is announced once per line, but a repeat must not pledge twice
		}
		long pledgeId = pledging.pledgeByFund(e.needId(), e.position(), account.id());
		lines.pledged(e.needId(), e.position(), pledgeId);
	}
}
