package org.bangfu.need;

import org.bangfu.shared.ConflictException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.events.NeedEnded;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A need: the aggregate that guards its own state. Every change goes through a method that asks
 * {@link NeedLifecycle} whether it is allowed from the current state and records the transition
 * (who, when, why); {@link Needs#save} writes the state and the recorded transitions together, and
 * refuses when someone else changed the need in between.
 */
public final class Need {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final long id, posterId;
	private final String regionCode, producer;

	private final Long householdId, previousNeedId;
	private final boolean onBehalf;
	private final Instant createdAt;
	private final int version;

	private NeedContent content;
	private NeedState state;
	private int pledgedQuantity;

	private PledgeCounts pledges;

	private String rejectReason;

	private Long verifiedBy, heldBy;

	private Instant submittedAt, verifiedAt, publishedAt, updatedAt;

	private final List<NeedTransition> recorded = new ArrayList<>();

	private final List<Object> events = new ArrayList<>(); // past-tense events since loading, published by Needs.save

	private boolean pledgesChanged;

	Need(long id, String regionCode, Long householdId, String producer, long posterId, boolean onBehalf, NeedContent content,
			NeedState state, int pledgedQuantity, PledgeCounts pledges, String rejectReason, Long verifiedBy, Instant createdAt, Instant submittedAt,
			Instant verifiedAt, Instant publishedAt, Instant updatedAt, Long previousNeedId, Long heldBy, int version) {
		this.id = id;
		this.regionCode = regionCode;
		this.householdId = householdId;
		this.producer = producer;
		this.posterId = posterId;
		this.onBehalf = onBehalf;
		this.content = content;
		this.state = state;
		this.pledgedQuantity = pledgedQuantity;
		this.pledges = pledges;
		this.rejectReason = rejectReason;
		this.verifiedBy = verifiedBy;
		this.createdAt = createdAt;
		this.submittedAt = submittedAt;
		this.verifiedAt = verifiedAt;
		this.publishedAt = publishedAt;
		this.updatedAt = updatedAt;
		this.previousNeedId = previousNeedId;
		this.heldBy = heldBy;
		this.version = version;
	}

	private void move(NeedAction action, Long actor, String reason, Instant at) {
		NeedState to = NeedLifecycle.next(state, action)
			.orElseThrow(() -> new ConflictException("need.transition-refused",
					new DefaultMessageSourceResolvable(state.label()), new DefaultMessageSourceResolvable(action.label())));
		recorded.add(new NeedTransition(action, state, to, actor, reason, at));
		state = to;
		updatedAt = at;
		NeedEvents.of(this, action, actor, at).ifPresent(events::add);
	}

	void edit(NeedContent changed, long by, Instant at) {
		move(NeedAction.EDIT, by, null, at);
		content = changed;
	}

	void submit(long by, Instant at) {
		move(NeedAction.SUBMIT, by, null, at);
		submittedAt = at;
		rejectReason = null;
	}

	/** Verification publishes at once (the verifier is the second person the plan asks for), unless a publication
	 * hold ({@code hold}: a campaign's id, else null) keeps the need VERIFIED until its launch (F24). */
	void verify(long by, Instant at, Long hold) {
		VerificationPolicy.refusePoster(posterId, by);
		move(NeedAction.VERIFY, by, null, at);
		verifiedBy = by;
		verifiedAt = at;
		heldBy = hold;
		if (hold == null) {
			move(NeedAction.PUBLISH, by, null, at);
			publishedAt = at;
		}
	}

	/** The launch of the hold that kept the need: published at the launch's moment, by nobody in particular. */
	void publishHeld(Instant at) {
		move(NeedAction.PUBLISH, null, null, at);
		publishedAt = at;
	}

	void reject(long by, String reason, Instant at) {
		VerificationPolicy.refusePoster(posterId, by);
		if (reason == null || reason.isBlank()) {
			throw new BadInputException("need.reject-reason-required");
		}
		move(NeedAction.REJECT, by, reason.strip(), at);
		rejectReason = reason.strip();
	}

	void withdraw(long by, String reason, Instant at) {
		move(NeedAction.WITHDRAW, by, reason == null || reason.isBlank() ? null : reason.strip(), at);
		events.add(new NeedEnded(id, state.name(), at));
	}

	/** Supervision found it false: withdrawn with the finding as reason (refused once delivered; see docs/trust.md). */
	void findFalse(long by, String reason, Instant at) {
		move(NeedAction.FIND_FALSE, by, reason, at);
		events.add(new NeedEnded(id, state.name(), at));
	}

	public void expire(Instant at) {
		move(NeedAction.EXPIRE, null, null, at);
		events.add(new NeedEnded(id, state.name(), at));
	}

	/**
	 * Takes quantities of the items (by position) for a pledge. Refused when the need is not open to pledges (409), an item
	 * does not exist (400), more is asked than remains of an item (409), or a money line not {@code throughFund} (or back).
	 */
	void pledge(Map<Integer, Integer> byPosition, boolean throughFund, Long by, Instant at) {
		content.refuseOtherLines(byPosition, throughFund);
		if (!NeedState.OPEN.contains(state)) {
			throw new ConflictException("pledge.need-not-open", new DefaultMessageSourceResolvable(state.label()));
		}
		content.refuseOutsideSale(at);
		int taken = change(byPosition, +1);
		pledgedQuantity += taken;
		pledges = pledges.made();
		move(pledgedQuantity == totalQuantity() ? NeedAction.PLEDGE_ALL : NeedAction.PLEDGE_PART, by, null, at);
	}

	/** Puts quantities of a cancelled or lapsed pledge back on the list; a need no longer (partly) pledged only counts it. */
	void release(Map<Integer, Integer> byPosition, boolean wasOnWay, Long by, String reason, Instant at) {
		pledges = pledges.ended(wasOnWay);
		if (state == NeedState.PLEDGED || state == NeedState.PARTLY_PLEDGED) {
			pledgedQuantity -= change(byPosition, -1);
			move(pledgedQuantity == 0 ? NeedAction.RELEASE_ALL : NeedAction.RELEASE_TO_PART, by, reason, at);
		}
	}

	private int change(Map<Integer, Integer> byPosition, int sign) {
		content = content.withPledged(byPosition, sign);
		pledgesChanged = true;
		return byPosition.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** A pledge of the need was sent: DELIVERED once all of it is pledged and every pledge is on its way or arrived. */
	void pledgeShipped(Long by, Instant at) {
		pledges = pledges.shipped();
		settle(by, at);
	}

	/** A pledge arrived: CONFIRMED once all of it is pledged and every pledge arrived. */
	void pledgeArrived(boolean wasOnWay, Long by, Instant at) {
		pledges = pledges.arrived(wasOnWay);
		settle(by, at);
	}

	private void settle(Long by, Instant at) {
		if (remainingQuantity() > 0) {
			return;
		}
		if (state == NeedState.PLEDGED && pledges.everyOnWayOrArrived()) {
			move(NeedAction.DELIVER, by, null, at);
		}
		if (state == NeedState.DELIVERED && pledges.everyArrived()) {
			move(NeedAction.CONFIRM, by, null, at);
		}
	}

	void close(Long by, String reason, Instant at) {
		move(NeedAction.CLOSE, by, reason, at);
	}

	boolean pledgesChanged() {
		return pledgesChanged;
	}

	PledgeCounts pledges() {
		return pledges;
	}

	public long id() {
		return id;
	}

	public String regionCode() {
		return regionCode;
	}

	public Long householdId() {
		return householdId;
	}

	public String producer() {
		return producer;
	}

	public long posterId() {
		return posterId;
	}

	public boolean onBehalf() {
		return onBehalf;
	}

	public NeedContent content() {
		return content;
	}

	public NeedState state() {
		return state;
	}

	public int totalQuantity() {
		return content.totalQuantity();
	}

	public int pledgedQuantity() {
		return pledgedQuantity;
	}

	public int remainingQuantity() {
		return content.totalQuantity() - pledgedQuantity;
	}

	public String rejectReason() {
		return rejectReason;
	}

	public Long verifiedBy() {
		return verifiedBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public Instant verifiedAt() {
		return verifiedAt;
	}

	public Instant publishedAt() {
		return publishedAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public Long previousNeedId() {
		return previousNeedId;
	}

	/** The campaign whose publication hold kept the need back (also after its launch published it); else null. */
	public Long heldBy() {
		return heldBy;
	}

	int version() {
		return version;
	}

	List<NeedTransition> recorded() {
		return List.copyOf(recorded);
	}

	List<Object> events() {
		return List.copyOf(events);
	}
}
