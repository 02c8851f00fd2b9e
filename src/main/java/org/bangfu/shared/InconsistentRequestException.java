package org.bangfu.shared;

/** A repeat of an earlier request that does not say the same thing (an idempotency key sent again with another body). Its HTTP answer (422) is chosen in one place, {@code shared.web.ErrorAnswers}. */
public class InconsistentRequestException extends BadInputException {

	public InconsistentRequestException(String messageKey, Object... args) {
		super(messageKey, args);
	}
}
