package org.bangfu.fund;

import java.time.Instant;

import org.bangfu.shared.ConflictException;

/**
 * A gift through the fund, to one money line of a need ({@code needId}, {@code position}) or to the general pool (both
 * null). It guards its own state: money is received once, for exactly the amount given; only a promised gift lapses or
 * is cancelled; only a received one is handled as its donor chose when its need ends unfunded.
 */
public final class Gift {

	private final long id;

	private final String referenceCode;

	private final long donorId;

	private final String shownAs;

	private final Long needId;

	private final Integer position;

	private final String regionCode;

	private final String category;

	private final long amountFen;

	private final IfUnfunded ifUnfunded;

	private final Instant createdAt;

	private GiftState state;

	private String receiptNumber;

	private Instant receivedAt;

	private Instant endedAt;

	private String endedReason;

	Gift(long id, String referenceCode, long donorId, String shownAs, Long needId, Integer position, String regionCode, String category,
			long amountFen, IfUnfunded ifUnfunded, GiftState state, String receiptNumber, Instant createdAt, Instant receivedAt, Instant endedAt,
			String endedReason) {
		this.id = id;
		this.referenceCode = referenceCode;
		this.donorId = donorId;
		this.shownAs = shownAs;
		this.needId = needId;
		this.position = position;
		this.regionCode = regionCode;
		this.category = category;
		this.amountFen = amountFen;
		this.ifUnfunded = ifUnfunded;
		this.state = state;
		this.receiptNumber = receiptNumber;
		this.createdAt = createdAt;
		this.receivedAt = receivedAt;
		this.endedAt = endedAt;
		this.endedReason = endedReason;
	}

	/** The money arrived: exactly the amount given, once. */
	void receive(long paidFen, String receipt, Instant at) {
		if (state != GiftState.PROMISED) {
			throw new ConflictException("fund.gift.not-promised", referenceCode);
		}
		if (paidFen != amountFen) {
			throw new ConflictException("fund.gift.amount-mismatch", referenceCode, org.bangfu.shared.Money.yuan(amountFen),
					org.bangfu.shared.Money.yuan(paidFen));
		}
		state = GiftState.RECEIVED;
		receiptNumber = receipt;
		receivedAt = at;
	}

	/** Not paid in time, or taken back by its donor: its share of the line is free again. */
	void end(GiftState to, String reason, Instant at) {
		if (state != GiftState.PROMISED || (to != GiftState.LAPSED && to != GiftState.CANCELLED)) {
			throw new ConflictException("fund.gift.not-promised", referenceCode);
		}
		state = to;
		endedAt = at;
		endedReason = reason;
	}

	/** The reason a promised gift lapsed because its need was withdrawn or expired (its share of the line freed). */
	static final String NEED_ENDED = "need-ended";

	/** Whether the gift lapsed only because its need ended: its money, if it still comes, is taken in and handed back. */
	boolean endedByNeed() {
		return state == GiftState.LAPSED && NEED_ENDED.equals(endedReason);
	}

	/** The money of a gift whose need ended came anyway: received (exactly the amount, once), then handled as the donor chose. */
	void receiveLate(long paidFen, String receipt, Instant at) {
		if (!endedByNeed()) {
			throw new ConflictException("fund.gift.not-promised", referenceCode);
		}
		state = GiftState.PROMISED;
		receive(paidFen, receipt, at);
	}

	/** Its need ended before the line was covered: refund due or into the pool, as the donor chose. */
	void needEndedUnfunded(String reason, Instant at) {
		if (state != GiftState.RECEIVED || needId == null) {
			throw new ConflictException("fund.gift.not-received", referenceCode);
		}
		state = ifUnfunded == IfUnfunded.POOL ? GiftState.POOLED : GiftState.REFUND_DUE;
		endedAt = at;
		endedReason = reason;
	}

	/** The refund was paid back to the donor. */
	void refunded(Instant at) {
		if (state != GiftState.REFUND_DUE) {
			throw new ConflictException("fund.gift.no-refund-due", referenceCode);
		}
		state = GiftState.REFUNDED;
		endedAt = at;
	}

	public long id() {
		return id;
	}

	public String referenceCode() {
		return referenceCode;
	}

	public long donorId() {
		return donorId;
	}

	public String shownAs() {
		return shownAs;
	}

	public Long needId() {
		return needId;
	}

	public Integer position() {
		return position;
	}

	public String regionCode() {
		return regionCode;
	}

	public String category() {
		return category;
	}

	public long amountFen() {
		return amountFen;
	}

	public IfUnfunded ifUnfunded() {
		return ifUnfunded;
	}

	public GiftState state() {
		return state;
	}

	public String receiptNumber() {
		return receiptNumber;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant receivedAt() {
		return receivedAt;
	}

	public Instant endedAt() {
		return endedAt;
	}

	public String endedReason() {
		return endedReason;
	}

	/** The ledger account the gift's money sits on while it is the need's (or the pool's). */
	String account() {
		return needId == null ? FundAccounts.POOL : FundAccounts.need(needId, position);
	}
}
