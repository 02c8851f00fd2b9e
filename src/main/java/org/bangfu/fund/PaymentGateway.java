package org.bangfu.fund;

import java.net.URI;

/**
 * The adapter point for online payment, one per deployment (docs/fund.md, "Payment gateway"), as {@code notify.SmsGateway}
 * is for SMS. Selected by {@code bangfu.fund.gateway}: {@code local} (default) is a simulator that pays at once and
 * posts a signed notification to the app, as a real gateway would. A real adapter starts the payment at the provider
 * (answering its checkout page) and has the provider — or a small relay that translates its callback — post the
 * notification described in docs/fund.md to {@code POST /api/v1/fund/gateway/notify}, signed with
 * {@code bangfu.fund.gateway-key}.
 */
public interface PaymentGateway {

	/** What is to be paid: a promised gift, quoted by its reference code. */
	record Payment(long giftId, String referenceCode, long amountFen, String subject) {
	}

	/** The provider's name, stored with each payment it notifies. */
	String name();

	/** Whether this is the local simulator (the pay page says so). */
	default boolean simulated() {
		return false;
	}

	/**
	 * Starts paying: answers where to send the donor (the provider's checkout page), or null when the payment was completed
	 * at once (the simulator); the money is the gift's only once the notification has been verified.
	 */
	URI start(Payment payment) throws Exception;
}
