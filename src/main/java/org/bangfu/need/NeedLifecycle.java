package org.bangfu.need;

import static org.bangfu.need.NeedState.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state machine of DESIGN.md §3, in one place: for each action, the states it may start from and
 * the state it leads to. Everything that changes a need's state asks here; anything not in the
 * table is refused.
 */
public final class NeedLifecycle {

	private static final Map<NeedAction, Map<NeedState, NeedState>> TABLE = new EnumMap<>(NeedAction.class);

	static {
		allow(NeedAction.EDIT, DRAFT, DRAFT);
		allow(NeedAction.EDIT, REJECTED, REJECTED);
		allow(NeedAction.SUBMIT, DRAFT, SUBMITTED);
		allow(NeedAction.SUBMIT, REJECTED, SUBMITTED);
		allow(NeedAction.VERIFY, SUBMITTED, VERIFIED);
		allow(NeedAction.PUBLISH, VERIFIED, PUBLISHED);
		allow(NeedAction.REJECT, SUBMITTED, REJECTED);
		for (NeedState from : new NeedState[] { DRAFT, SUBMITTED, REJECTED, VERIFIED, PUBLISHED }) {
			allow(NeedAction.WITHDRAW, from, WITHDRAWN);
		}
		for (NeedState from : new NeedState[] { PUBLISHED, PARTLY_PLEDGED, PLEDGED }) {
			allow(NeedAction.FIND_FALSE, from, WITHDRAWN);
		}
		allow(NeedAction.EXPIRE, PUBLISHED, EXPIRED);
		allow(NeedAction.PLEDGE_PART, PUBLISHED, PARTLY_PLEDGED);
		allow(NeedAction.PLEDGE_PART, PARTLY_PLEDGED, PARTLY_PLEDGED);
		allow(NeedAction.PLEDGE_ALL, PUBLISHED, PLEDGED);
		allow(NeedAction.PLEDGE_ALL, PARTLY_PLEDGED, PLEDGED);
		allow(NeedAction.RELEASE_TO_PART, PARTLY_PLEDGED, PARTLY_PLEDGED);
		allow(NeedAction.RELEASE_TO_PART, PLEDGED, PARTLY_PLEDGED);
		allow(NeedAction.RELEASE_ALL, PARTLY_PLEDGED, PUBLISHED);
		allow(NeedAction.RELEASE_ALL, PLEDGED, PUBLISHED);
		allow(NeedAction.DELIVER, PLEDGED, DELIVERED);
		allow(NeedAction.CONFIRM, DELIVERED, CONFIRMED);
		allow(NeedAction.CLOSE, CONFIRMED, CLOSED);
	}

	private NeedLifecycle() {
	}

	private static void allow(NeedAction action, NeedState from, NeedState to) {
		TABLE.computeIfAbsent(action, a -> new EnumMap<>(NeedState.class)).put(from, to);
	}

	/** The state the action leads to from {@code from}, or empty when the action is not allowed there. */
	public static Optional<NeedState> next(NeedState from, NeedAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(action, Map.of()).get(from));
	}
}
