package org.bangfu.matching;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Lapses pledges past their deadline, each in its own transaction, and puts their quantities back on the list. */
@Component
class PledgeLapse {

	private static final Logger log = LoggerFactory.getLogger(PledgeLapse.class);

	private final Pledges pledges;

	private final Pledging pledging;

	private final Clock clock;

	PledgeLapse(Pledges pledges, Pledging pledging, Clock clock) {
		this.pledges = pledges;
		this.pledging = pledging;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${bangfu.pledges.lapse-check:10m}", initialDelayString = "${bangfu.pledges.lapse-check:10m}")
	int lapseDue() {
		int lapsed = 0;
		for (long id : pledges.due(clock.instant(), 1000)) {
			try {
				if (pledging.lapse(id)) {
					lapsed++;
				}
			}
			catch (RuntimeException e) {
				// received or cancelled meanwhile: the next run sees its new state
				log.info("pledge {} not lapsed: {}", id, e.getMessage());
			}
		}
		if (lapsed > 0) {
			log.info("{} pledges lapsed", lapsed);
		}
		return lapsed;
	}
}
