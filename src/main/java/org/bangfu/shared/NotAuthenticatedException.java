package org.bangfu.shared;

/** Who is asking could not be established (a wrong or expired login code). Its HTTP answer (401) is chosen in one place, {@code shared.web.ErrorAnswers}. */
public class NotAuthenticatedException extends BadInputException {

	public NotAuthenticatedException(String messageKey, Object... args) {
		super(messageKey, args);
	}
}
