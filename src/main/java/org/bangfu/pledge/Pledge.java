package org.bangfu.pledge;

import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotPermittedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.shared.events.PledgeCancelled;
import org.bangfu.shared.events.PledgeLapsed;
import org.bangfu.shared.events.PledgeReceived;
import org.bangfu.shared.events.PledgeShipped;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A pledge: the aggregate that guards its own state. COMMITTED → IN_TRANSIT (the donor sends it) →
 * RECEIVED (the household or its village officer confirms, with a photo); a pledge not yet received
 * may be CANCELLED by its donor or LAPSE past its deadline, which gives its quantities back.
 */
public final class Pledge {

	record Transition(PledgeState from, PledgeState to, Long actorId, String reason, Instant at) {
	}

	private final long id;

	private final long needId;

	private final String regionCode;

	private final Long householdId;

	private final long donorId;

	private final Map<Integer, Integer> items;

	private final int quantity;

	private final long valueFen;

	private final boolean staffInScope;

	private final Instant deadline;

	private final Instant createdAt;

	private PledgeState state;

	private Instant shippedAt;

	private Instant receivedAt;

	private Long receivedBy;

	private String receiptPhoto;

	private Instant endedAt;

	private String endReason;

	private final List<Transition> recorded = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	Pledge(long id, long needId, String regionCode, Long householdId, long donorId, Map<Integer, Integer> items, int quantity, long valueFen,
			boolean staffInScope, Instant deadline, Instant createdAt, PledgeState state, Instant shippedAt, Instant receivedAt,
			Long receivedBy, String receiptPhoto, Instant endedAt, String endReason) {
		this.id = id;
		this.needId = needId;
		this.regionCode = regionCode;
		this.householdId = householdId;
		this.donorId = donorId;
		this.items = Map.copyOf(items);
		this.quantity = quantity;
		this.valueFen = valueFen;
		this.staffInScope = staffInScope;
		this.deadline = deadline;
		this.createdAt = createdAt;
		this.state = state;
		this.shippedAt = shippedAt;
		this.receivedAt = receivedAt;
		this.receivedBy = receivedBy;
		this.receiptPhoto = receiptPhoto;
		this.endedAt = endedAt;
		this.endReason = endReason;
	}

	private void move(PledgeState to, Long by, String reason, Instant at, PledgeState... from) {
		for (PledgeState f : from) {
			if (state == f) {
				recorded.add(new Transition(state, to, by, reason, at));
				state = to;
				return;
			}
		}
		throw new ConflictException("pledge.transition-refused", new DefaultMessageSourceResolvable(state.label()),
				new DefaultMessageSourceResolvable(to.label()));
	}

	void ship(long by, Instant at) {
		if (by != donorId) {
			throw new NotPermittedException("pledge.donor-only");
		}
		move(PledgeState.IN_TRANSIT, by, null, at, PledgeState.COMMITTED);
		shippedAt = at;
		events.add(new PledgeShipped(id, needId, by, at));
	}

	void receive(long by, String photo, Instant at) {
		ReceiptConfirmation.refuseDonor(by, donorId);
		boolean wasOnWay = state == PledgeState.IN_TRANSIT;
		move(PledgeState.RECEIVED, by, null, at, PledgeState.COMMITTED, PledgeState.IN_TRANSIT);
		receivedAt = at;
		receivedBy = by;
		receiptPhoto = photo;
		events.add(new PledgeReceived(id, needId, by, wasOnWay, staffInScope, at));
	}

	void cancel(long by, String reason, Instant at) {
		if (by != donorId) {
			throw new NotPermittedException("pledge.donor-only");
		}
		boolean wasOnWay = state == PledgeState.IN_TRANSIT;
		move(PledgeState.CANCELLED, by, reason, at, PledgeState.COMMITTED, PledgeState.IN_TRANSIT);
		endedAt = at;
		endReason = reason;
		events.add(new PledgeCancelled(id, needId, items, wasOnWay, by, reason, at));
	}

	/** Supervision found the need false and it was withdrawn: the pledge is cancelled for the donor ({@code by}: the supervisor). */
	void cancelForFalseNeed(long by, String reason, Instant at) {
		boolean wasOnWay = state == PledgeState.IN_TRANSIT;
		move(PledgeState.CANCELLED, by, reason, at, PledgeState.COMMITTED, PledgeState.IN_TRANSIT);
		endedAt = at;
		endReason = reason;
		events.add(new PledgeCancelled(id, needId, items, wasOnWay, by, reason, at));
	}

	void lapse(Instant at) {
		if (!at.isAfter(deadline)) {
			throw new ConflictException("pledge.not-due");
		}
		boolean wasOnWay = state == PledgeState.IN_TRANSIT;
		move(PledgeState.LAPSED, null, "deadline", at, PledgeState.COMMITTED, PledgeState.IN_TRANSIT);
		endedAt = at;
		endReason = "deadline";
		events.add(new PledgeLapsed(id, needId, items, wasOnWay, at));
	}

	/**
	 * Messages about the delivery may be written while the pledge holds and after it arrived (thanks, a question), not
	 * once it was cancelled or lapsed: nothing is on its way any more.
	 */
	void checkOpenForMessages() {
		if (state == PledgeState.CANCELLED || state == PledgeState.LAPSED) {
			throw new ConflictException("thread.pledge-ended", new DefaultMessageSourceResolvable(state.label()));
		}
	}

	public long id() {
		return id;
	}

	public long needId() {
		return needId;
	}

	String regionCode() {
		return regionCode;
	}

	/** The household of the pledge's need (null for a need of a village or a cooperative); it never changes. */
	Long householdId() {
		return householdId;
	}

	public long donorId() {
		return donorId;
	}

	public Map<Integer, Integer> items() {
		return items;
	}

	public int quantity() {
		return quantity;
	}

	public long valueFen() {
		return valueFen;
	}

	public boolean staffInScope() {
		return staffInScope;
	}

	public Instant deadline() {
		return deadline;
	}

	/** The deadline pages show: none for the fund's pledge of a money line (its far deadline only keeps it from lapsing). */
	public Instant deadlineShown() {
		return java.time.Duration.between(createdAt, deadline).compareTo(Pledging.MAX_DEADLINE) > 0 ? null : deadline;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public PledgeState state() {
		return state;
	}

	public Instant shippedAt() {
		return shippedAt;
	}

	public Instant receivedAt() {
		return receivedAt;
	}

	Long receivedBy() {
		return receivedBy;
	}

	String receiptPhoto() {
		return receiptPhoto;
	}

	Instant endedAt() {
		return endedAt;
	}

	String endReason() {
		return endReason;
	}

	List<Transition> recorded() {
		return List.copyOf(recorded);
	}

	/** The past-tense events of the changes made since loading, for {@link Pledges#save} to publish with them. */
	List<Object> events() {
		return List.copyOf(events);
	}
}
