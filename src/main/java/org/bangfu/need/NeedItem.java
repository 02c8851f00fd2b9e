package org.bangfu.need;

/**
 * One line of a need: what, how many, in what unit, and the estimated value of the whole line in
 * fen. {@code kind} is one of the category's allowed item kinds, or null when the poster did not
 * classify it (then the verifier sees a flag).
 */
public record NeedItem(String kind, String name, int quantity, String unit, long valueFen, int pledgedQuantity) {

	public int remainingQuantity() {
		return quantity - pledgedQuantity;
	}
}
