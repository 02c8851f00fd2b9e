package org.bangfu.shared;

/** The request is valid but the current state does not allow it (already verified, less left than asked, a key used for another need). Its HTTP answer (409) is chosen in one place, {@code shared.web.ErrorAnswers}. */
public class ConflictException extends BadInputException {

	public ConflictException(String messageKey, Object... args) {
		super(messageKey, args);
	}
}
