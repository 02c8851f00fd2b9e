package org.bangfu.shared;

/**
 * Input that breaks a rule. Answered with 400 (or the status given) and a message from the bundles,
 * so the user reads why in their own language; nothing has been changed when it is thrown.
 */
public class BadInputException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] args;

	private final int status;

	public BadInputException(String messageKey, Object... args) {
		this(400, messageKey, args);
	}

	public BadInputException(int status, String messageKey, Object... args) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.args = args;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	public int status() {
		return status;
	}
}
