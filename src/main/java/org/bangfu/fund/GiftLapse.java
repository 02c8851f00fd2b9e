package org.bangfu.fund;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bangfu.shared.ClusterLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Promised gifts whose money has not arrived within {@link FundProfile#giftDays()} lapse, each in its own transaction:
 * the line first, then the gift (the order every step takes, see {@link Giving#cancel}), and the gift's share of the
 * line is free for other donors again. Nothing is on the ledger for a promise, so the ledger does not change.
 */
@Component
public class GiftLapse {

	private static final Logger log = LoggerFactory.getLogger(GiftLapse.class);

	private final Gifts gifts;

	private final MoneyLines lines;

	private final FundProfile profile;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ClusterLock cluster;

	GiftLapse(Gifts gifts, MoneyLines lines, FundProfile profile, TransactionTemplate transactions, Clock clock, ClusterLock cluster) {
		this.cluster = cluster;
		this.gifts = gifts;
		this.lines = lines;
		this.profile = profile;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Once across the cluster: the node holding the lock does it, the others skip this tick (see ClusterLock). */
	@Scheduled(fixedDelayString = "${bangfu.fund.lapse-check:10m}", initialDelayString = "${bangfu.fund.lapse-check:10m}")
	void lapseDueOncePerCluster() {
		cluster.runIfFree("fund.GiftLapse.lapseDue", this::lapseDue);
	}

	/** Lapses every promised gift older than the fund's days; answers how many lapsed. Tests call it directly. */
	public int lapseDue() {
		Instant cutOff = clock.instant().minus(Duration.ofDays(profile.giftDays()));
		int lapsed = 0;
		for (long id : gifts.promisedBefore(cutOff, 1000)) {
			try {
				if (Boolean.TRUE.equals(transactions.execute(tx -> lapse(id, cutOff)))) {
					lapsed++;
				}
			}
			catch (RuntimeException e) {
				// paid or cancelled meanwhile: the next run sees its new state
				log.info("gift {} not lapsed: {}", id, e.getMessage());
			}
		}
		if (lapsed > 0) {
			log.info("{} promised gifts lapsed", lapsed);
		}
		return lapsed;
	}

	private boolean lapse(long id, Instant cutOff) {
		Gift gift = gifts.get(id);
		if (gift.needId() != null) {
			lines.lockedExisting(gift.needId(), gift.position());
		}
		Gift locked = gifts.lockedByReference(gift.referenceCode()).orElseThrow();
		if (locked.state() != GiftState.PROMISED || !locked.createdAt().isBefore(cutOff)) {
			return false;
		}
		locked.end(GiftState.LAPSED, "not paid within " + profile.giftDays() + " days", clock.instant());
		gifts.save(locked, GiftState.PROMISED);
		if (locked.needId() != null) {
			lines.change(locked.needId(), locked.position(), -locked.amountFen(), 0);
		}
		return true;
	}
}
