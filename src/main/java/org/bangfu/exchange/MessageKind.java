package org.bangfu.exchange;

/** What an envelope carries; each kind has its payload schema in docs/exchange/. */
public enum MessageKind {
	/** A city node's need became public (masked fields only). */
	NEED_PUBLISHED,
	/** A published need's state or remaining quantity changed. */
	NEED_CHANGED,
	/** A donor on the upper node asks the owning node for part of a need. */
	PLEDGE_REQUESTED,
	/** The owning node's answer to a pledge request, decided under the need's lock. */
	PLEDGE_ANSWERED
}
