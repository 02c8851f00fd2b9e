package org.bangfu.shared;

/** Too many tries in too short a time (login failures, SMS codes): try again later. Its HTTP answer (429) is chosen in one place, {@code shared.web.ErrorAnswers}. */
public class TooManyAttemptsException extends BadInputException {

	public TooManyAttemptsException(String messageKey, Object... args) {
		super(messageKey, args);
	}
}
