package org.bangfu.need;

import java.util.EnumSet;
import java.util.Set;

/** The states of a need (DESIGN.md §3). */
public enum NeedState {

	DRAFT, SUBMITTED, REJECTED, VERIFIED, PUBLISHED, PARTLY_PLEDGED, PLEDGED, DELIVERED, CONFIRMED, CLOSED, EXPIRED, WITHDRAWN;

	/** The states in which the public sees a need on the list and can pledge to it. */
	public static final Set<NeedState> OPEN = EnumSet.of(PUBLISHED, PARTLY_PLEDGED);

	/** The states the public may open a need's page in: published once, and not withdrawn. */
	public static final Set<NeedState> PUBLIC = EnumSet.of(PUBLISHED, PARTLY_PLEDGED, PLEDGED, DELIVERED, CONFIRMED, CLOSED, EXPIRED);

	public String label() {
		return "need.state." + name();
	}
}
