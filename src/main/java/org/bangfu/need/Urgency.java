package org.bangfu.need;

/** How soon help must come; stored as its rank, so that the public list sorts most urgent first. */
public enum Urgency {

	NORMAL(1), URGENT(2), CRITICAL(3);

	private final int rank;

	Urgency(int rank) {
		this.rank = rank;
	}

	public int rank() {
		return rank;
	}

	static Urgency ofRank(int rank) {
		for (Urgency u : values()) {
			if (u.rank == rank) {
				return u;
			}
		}
		throw new IllegalArgumentException("urgency rank " + rank);
	}

	public String label() {
		return "need.urgency." + name();
	}
}
