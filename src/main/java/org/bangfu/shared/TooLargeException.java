package org.bangfu.shared;

/** What was sent is larger than the platform accepts (a photo, a registry file, a decompressed part). Its HTTP answer (413) is chosen in one place, {@code shared.web.ErrorAnswers}. */
public class TooLargeException extends BadInputException {

	public TooLargeException(String messageKey, Object... args) {
		super(messageKey, args);
	}
}
