package org.bangfu.shared;

/**
 * A domain failure: input that breaks a rule, told with a message key from the bundles so the user
 * reads why in their own language; nothing has been changed when it is thrown. The subclasses say
 * what kind of failure it is ({@link NotFoundException}, {@link NotPermittedException},
 * {@link ConflictException}…); the domain never names an HTTP status: {@code shared.web.ErrorAnswers}
 * maps the kinds to statuses and problem+json in one place.
 */
public class BadInputException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] args;

	public BadInputException(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = args;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}
}
