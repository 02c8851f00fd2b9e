package org.bangfu.exchange;

/** The result of checking a received envelope: accepted (with the envelope), or refused with a reason. */
public record Receipt(Envelope envelope, Refusal refusal) {

	static Receipt accepted(Envelope envelope) {
		return new Receipt(envelope, null);
	}

	static Receipt refused(Envelope envelope, Refusal refusal) {
		return new Receipt(envelope, refusal);
	}

	public boolean isAccepted() {
		return refusal == null;
	}
}
