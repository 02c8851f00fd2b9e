package org.bangfu.need;

import java.time.Instant;

/** A transition of a need's state, recorded by the {@link Need} and written with it by {@link Needs#save}. */
record NeedTransition(NeedAction action, NeedState from, NeedState to, Long actorId, String reason, Instant at) {
}
