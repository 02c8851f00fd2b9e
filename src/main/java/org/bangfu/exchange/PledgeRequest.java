package org.bangfu.exchange;

import java.time.Instant;
import java.util.Map;

import org.bangfu.shared.ConflictException;

/**
 * A donor's pledge on a need another node owns, as the upper node keeps it: WAITING until the owner answers, then
 * ACCEPTED (with the owner's pledge) or REFUSED (with the owner's reason). An answer settles it once; a repeat of the
 * same answer changes nothing.
 *
 * @param items quantities by the position of the item in the need as it was published
 * @param reason the owner's reason code (PLEDGE_ANSWERED's {@code reason}), {@code reasonText} its words
 */
public record PledgeRequest(long id, String requestId, long donorId, String originNode, long needId, Map<Integer, Integer> items,
		int quantity, State state, Long ownerPledgeId, String reason, String reasonText, Instant createdAt, Instant answeredAt) {

	public enum State {
		WAITING, ACCEPTED, REFUSED;

		public String label() {
			return "exchange.pledge.state." + name();
		}
	}

	/** The owner made the pledge. Null when the request already had this answer (nothing to change or tell). */
	PledgeRequest accepted(long pledgeId, Instant at) {
		if (state == State.ACCEPTED && ownerPledgeId == pledgeId) {
			return null;
		}
		requireWaiting();
		return new PledgeRequest(id, requestId, donorId, originNode, needId, items, quantity, State.ACCEPTED, pledgeId, null, null, createdAt, at);
	}

	/** The owner refused. Null when the request was already refused. */
	PledgeRequest refused(String reason, String text, Instant at) {
		if (state == State.REFUSED) {
			return null;
		}
		requireWaiting();
		return new PledgeRequest(id, requestId, donorId, originNode, needId, items, quantity, State.REFUSED, null, reason, text, createdAt, at);
	}

	private void requireWaiting() {
		if (state != State.WAITING) {
			// an owner never changes its answer (it keeps the first); another answer is a fault on its side
			throw new ConflictException("exchange.pledge.already-answered", requestId);
		}
	}
}
