package org.bangfu.shared;

/** What was sent is not in a format the platform reads (not a photo, not an XLSX/CSV). Its HTTP answer (415) is chosen in one place, {@code shared.web.ErrorAnswers}. */
public class UnsupportedFormatException extends BadInputException {

	public UnsupportedFormatException(String messageKey, Object... args) {
		super(messageKey, args);
	}
}
