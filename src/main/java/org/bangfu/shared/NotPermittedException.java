package org.bangfu.shared;

/** The caller may not do this here (their role or their relation to the thing does not allow it); the thing itself exists and they may see it. Its HTTP answer (403) is chosen in one place, {@code shared.web.ErrorAnswers}. */
public class NotPermittedException extends BadInputException {

	public NotPermittedException(String messageKey, Object... args) {
		super(messageKey, args);
	}
}
