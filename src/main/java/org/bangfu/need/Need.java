package org.bangfu.need;

import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotPermittedException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.shared.BadInputException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A need: the aggregate that guards its own state. Every change goes through a method that asks
 * {@link NeedLifecycle} whether it is allowed from the current state and records the transition
 * (who, when, why); {@link Needs#save} writes the state and the recorded transitions together, and
 * refuses when someone else changed the need in between.
 */
public final class Need {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final long id;

	private final String regionCode;

	private final Long householdId;

	private final String producer;

	private final long posterId;

	private final boolean onBehalf;

	private final Instant createdAt;

	private final int version;

	private NeedContent content;

	private NeedState state;

	private int pledgedQuantity;

	private String rejectReason;

	private Long verifiedBy;

	private Instant submittedAt;

	private Instant verifiedAt;

	private Instant publishedAt;

	private Instant updatedAt;

	private final Long previousNeedId;

	private final List<NeedTransition> recorded = new ArrayList<>();

	private boolean pledgesChanged;

	Need(long id, String regionCode, Long householdId, String producer, long posterId, boolean onBehalf, NeedContent content,
			NeedState state, int pledgedQuantity, String rejectReason, Long verifiedBy, Instant createdAt, Instant submittedAt,
			Instant verifiedAt, Instant publishedAt, Instant updatedAt, Long previousNeedId, int version) {
		this.id = id;
		this.regionCode = regionCode;
		this.householdId = householdId;
		this.producer = producer;
		this.posterId = posterId;
		this.onBehalf = onBehalf;
		this.content = content;
		this.state = state;
		this.pledgedQuantity = pledgedQuantity;
		this.rejectReason = rejectReason;
		this.verifiedBy = verifiedBy;
		this.createdAt = createdAt;
		this.submittedAt = submittedAt;
		this.verifiedAt = verifiedAt;
		this.publishedAt = publishedAt;
		this.updatedAt = updatedAt;
		this.previousNeedId = previousNeedId;
		this.version = version;
	}

	private void move(NeedAction action, Long actor, String reason, Instant at) {
		NeedState to = NeedLifecycle.next(state, action)
			.orElseThrow(() -> new ConflictException("need.transition-refused",
					new DefaultMessageSourceResolvable(state.label()), new DefaultMessageSourceResolvable(action.label())));
		recorded.add(new NeedTransition(action, state, to, actor, reason, at));
		state = to;
		updatedAt = at;
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

	/** Verification publishes at once: the verifier is the second person the plan asks for. */
	void verify(long by, Instant at) {
		if (by == posterId) {
			throw new NotPermittedException("need.verify-own");
		}
		move(NeedAction.VERIFY, by, null, at);
		verifiedBy = by;
		verifiedAt = at;
		move(NeedAction.PUBLISH, by, null, at);
		publishedAt = at;
	}

	void reject(long by, String reason, Instant at) {
		if (by == posterId) {
			throw new NotPermittedException("need.verify-own");
		}
		if (reason == null || reason.isBlank()) {
			throw new BadInputException("need.reject-reason-required");
		}
		move(NeedAction.REJECT, by, reason.strip(), at);
		rejectReason = reason.strip();
	}

	void withdraw(long by, String reason, Instant at) {
		move(NeedAction.WITHDRAW, by, reason == null || reason.isBlank() ? null : reason.strip(), at);
	}

	public void expire(Instant at) {
		move(NeedAction.EXPIRE, null, null, at);
	}

	/**
	 * Takes quantities of the items (by position) for a pledge. Refused when the need is not open to
	 * pledges (409), an item does not exist (400) or more is asked than remains of an item (409).
	 */
	void pledge(Map<Integer, Integer> byPosition, Long by, Instant at) {
		if (!NeedState.OPEN.contains(state)) {
			throw new ConflictException("pledge.need-not-open", new DefaultMessageSourceResolvable(state.label()));
		}
		LocalDate opens = onSaleFrom(at);
		if (opens != null) {
			ProductSale sale = content.sale();
			throw new ConflictException("pledge.sale-window", sale.fromMonth(), sale.toMonth(), opens.getMonthValue(), opens.getDayOfMonth());
		}
		int taken = change(byPosition, +1);
		pledgedQuantity += taken;
		move(pledgedQuantity == totalQuantity() ? NeedAction.PLEDGE_ALL : NeedAction.PLEDGE_PART, by, null, at);
	}

	/** A product sale outside its sales window: the day it opens again; null when the need may be pledged as far as the window goes. */
	LocalDate onSaleFrom(Instant at) {
		ProductSale sale = content.sale();
		return content.category() != NeedCategory.PRODUCT_SALES || sale == null ? null : sale.opensOn(LocalDate.ofInstant(at, ZONE));
	}

	/** Puts quantities of a cancelled or lapsed pledge back on the list. */
	void release(Map<Integer, Integer> byPosition, Long by, String reason, Instant at) {
		int returned = change(byPosition, -1);
		pledgedQuantity -= returned;
		move(pledgedQuantity == 0 ? NeedAction.RELEASE_ALL : NeedAction.RELEASE_TO_PART, by, reason, at);
	}

	private int change(Map<Integer, Integer> byPosition, int sign) {
		List<NeedItem> items = new ArrayList<>(content.items());
		int sum = 0;
		for (Map.Entry<Integer, Integer> e : byPosition.entrySet()) {
			int position = e.getKey();
			int quantity = e.getValue();
			if (position < 0 || position >= items.size()) {
				throw new BadInputException("pledge.item-unknown", position);
			}
			if (quantity <= 0) {
				throw new BadInputException("pledge.quantity-positive");
			}
			NeedItem i = items.get(position);
			int pledged = i.pledgedQuantity() + sign * quantity;
			if (pledged > i.quantity()) {
				throw new ConflictException("pledge.more-than-remains", i.name(), i.remainingQuantity(), i.unit());
			}
			if (pledged < 0) {
				throw new IllegalStateException("releasing more of need " + id + " item " + position + " than was pledged");
			}
			items.set(position, new NeedItem(i.kind(), i.name(), i.quantity(), i.unit(), i.valueFen(), pledged));
			sum += quantity;
		}
		content = new NeedContent(content.category(), content.title(), content.story(), List.copyOf(items), content.urgency(),
				content.neededBy(), content.sale());
		pledgesChanged = true;
		return sum;
	}

	/** Every pledged quantity is on its way or arrived. */
	void deliver(Long by, Instant at) {
		move(NeedAction.DELIVER, by, null, at);
	}

	/** The household (or its officer) confirmed receiving all of it. */
	void confirm(Long by, Instant at) {
		move(NeedAction.CONFIRM, by, null, at);
	}

	void close(Long by, String reason, Instant at) {
		move(NeedAction.CLOSE, by, reason, at);
	}

	boolean pledgesChanged() {
		return pledgesChanged;
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

	int version() {
		return version;
	}

	List<NeedTransition> recorded() {
		return List.copyOf(recorded);
	}
}
