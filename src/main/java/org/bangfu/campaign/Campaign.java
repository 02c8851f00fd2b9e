package org.bangfu.campaign;

import org.bangfu.shared.ConflictException;
import java.time.Instant;
import java.util.List;

import org.bangfu.need.NeedCategory;

/**
 * A campaign (帮扶活动): a set of needs (those open in its region and categories) and a set of donors
 * with budgets, for which the allocator proposes who fully funds which need. DRAFT → PROPOSED (an
 * allocation has been computed; it can be recomputed, and donors changed, until it is sent) → SENT
 * (the kept proposals went out as invitations; nothing about the plan changes any more).
 */
public final class Campaign {

	public enum State {
		DRAFT, PROPOSED, SENT
	}

	/** What the last allocation saw and reached, for the review. */
	public record Outcome(int candidateNeeds, long candidateValueFen, long fractionalBoundFen, long roundingLossFen, Instant proposedAt) {
	}

	private final long id;

	private final String name;

	private final String regionCode;

	private final List<NeedCategory> categories;

	private final long createdBy;

	private final Instant createdAt;

	private final int version;

	private State state;

	private Outcome outcome;

	private Instant sentAt;

	private Instant respondBy;

	Campaign(long id, String name, String regionCode, List<NeedCategory> categories, long createdBy, Instant createdAt, int version,
			State state, Outcome outcome, Instant sentAt, Instant respondBy) {
		this.id = id;
		this.name = name;
		this.regionCode = regionCode;
		this.categories = List.copyOf(categories);
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.version = version;
		this.state = state;
		this.outcome = outcome;
		this.sentAt = sentAt;
		this.respondBy = respondBy;
	}

	/** Donors can be added or removed, and the allocation recomputed, only before sending. */
	void requirePlanning() {
		if (state == State.SENT) {
			throw new ConflictException("campaign.sent-already");
		}
	}

	void proposed(Outcome result) {
		requirePlanning();
		this.outcome = result;
		this.state = State.PROPOSED;
	}

	/** Donors or needs changed: the proposals no longer hold. */
	void planChanged() {
		requirePlanning();
		this.outcome = null;
		this.state = State.DRAFT;
	}

	void send(Instant at, Instant respondBy) {
		if (state == State.DRAFT) {
			throw new ConflictException("campaign.not-proposed");
		}
		requirePlanning();
		this.state = State.SENT;
		this.sentAt = at;
		this.respondBy = respondBy;
	}

	public long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String regionCode() {
		return regionCode;
	}

	public List<NeedCategory> categories() {
		return categories;
	}

	public long createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public int version() {
		return version;
	}

	public State state() {
		return state;
	}

	public Outcome outcome() {
		return outcome;
	}

	public Instant sentAt() {
		return sentAt;
	}

	public Instant respondBy() {
		return respondBy;
	}
}
