package org.bangfu.exchange;

import tools.jackson.databind.JsonNode;

/**
 * Applies the payload of one kind of accepted message on this node. Called by the receiving endpoint inside the
 * transaction that also records the message as received, so a message is applied exactly once; the returned
 * result is stored and answered again, unchanged, to a resend of the same message.
 */
interface InboundHandler {

	MessageKind kind();

	/**
	 * @param sender the node that sent the message (its signature already checked)
	 * @return the result to answer (becomes the receipt's {@code result})
	 * @throws org.bangfu.shared.BadInputException (or another 4xx exception) to refuse the message: nothing is
	 *     applied and the link does not move forward
	 */
	JsonNode apply(String sender, JsonNode payload);
}
