package org.bangfu.need;

/**
 * How a need's pledges stand, counted from the pledge events: how many still hold quantities (active), how many of
 * those are on their way and how many arrived. The need decides DELIVERED and CONFIRMED by them, so it never reads the
 * pledge module's tables and the pledge module never decides for the need.
 */
record PledgeCounts(int active, int onWay, int received) {

	static final PledgeCounts NONE = new PledgeCounts(0, 0, 0);

	PledgeCounts made() {
		return new PledgeCounts(active + 1, onWay, received);
	}

	PledgeCounts shipped() {
		return new PledgeCounts(active, onWay + 1, received);
	}

	PledgeCounts arrived(boolean wasOnWay) {
		return new PledgeCounts(active, onWay - (wasOnWay ? 1 : 0), received + 1);
	}

	/** A pledge cancelled or lapsed: it holds nothing any more. */
	PledgeCounts ended(boolean wasOnWay) {
		return new PledgeCounts(active - 1, onWay - (wasOnWay ? 1 : 0), received);
	}

	boolean everyOnWayOrArrived() {
		return active > 0 && onWay + received == active;
	}

	boolean everyArrived() {
		return active > 0 && received == active;
	}
}
