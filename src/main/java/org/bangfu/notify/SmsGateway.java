package org.bangfu.notify;

/**
 * The adapter point for an SMS provider (README, "SMS gateway"). Selected by {@code bangfu.sms.provider}:
 * {@code local} (default) only records, {@code webhook} posts each message to a relay. To add a
 * provider, implement this and register it as a bean under a new provider name.
 */
public interface SmsGateway {

	/** The provider's name, stored with each message it handles. */
	String name();

	/** Delivers one message; throws when the provider did not accept it (it will be retried). */
	void deliver(long messageId, String phone, String text) throws Exception;
}
