package org.bangfu.need;

import java.time.Instant;
import java.util.Optional;

import org.bangfu.shared.events.NeedConfirmed;
import org.bangfu.shared.events.NeedRejected;
import org.bangfu.shared.events.NeedVerified;

/** The past-tense events a need's transitions publish for other modules (the assessment counts them). */
final class NeedEvents {

	private NeedEvents() {
	}

	static Optional<Object> of(Need need, NeedAction action, Long actor, Instant at) {
		String category = need.content().category().name();
		return Optional.ofNullable(switch (action) {
			case VERIFY -> new NeedVerified(need.id(), need.regionCode(), category, need.posterId(), actor, at);
			case REJECT -> new NeedRejected(need.id(), need.regionCode(), category, need.posterId(), actor, at);
			case CONFIRM -> new NeedConfirmed(need.id(), need.regionCode(), category, need.posterId(), need.verifiedBy(), at);
			default -> null;
		});
	}
}
