package org.bangfu.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The local gateway: messages stay in the outbox table, where admins read them on the SMS outbox
 * page ({@code /admin/sms-outbox}). For development, demos and tests; nothing leaves the machine.
 */
@Component
@ConditionalOnProperty(name = "bangfu.sms.provider", havingValue = "local", matchIfMissing = true)
class LocalSmsGateway implements SmsGateway {

	@Override
	public String name() {
		return "local";
	}

	@Override
	public void deliver(long messageId, String phone, String text) {
		// recorded in sms_message already; there is nothing further to do
	}
}
