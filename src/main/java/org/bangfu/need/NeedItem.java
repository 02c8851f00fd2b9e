package org.bangfu.need;

/**
 * One line of a need: what, how many, in what unit, and the estimated value of the whole line in
 * fen. {@code kind} is one of the category's allowed item kinds, or null when the poster did not
 * classify it (then the verifier sees a flag). A {@code money} line (medical fees, tuition, a repair paid to a builder)
 * is one sum (quantity 1, its value the amount) raised through the charity fund from gifts of any share; goods pledges
 * never take it, the fund pledges it once the gifts cover it (docs/fund.md).
 */
public record NeedItem(String kind, String name, int quantity, String unit, long valueFen, int pledgedQuantity, boolean money) {

	public NeedItem(String kind, String name, int quantity, String unit, long valueFen, int pledgedQuantity) {
		this(kind, name, quantity, unit, valueFen, pledgedQuantity, false);
	}

	/** The line, if it is a well-formed money line or no money line; 400 naming the line otherwise. */
	NeedItem checked(int line) {
		if (money && (quantity != 1 || valueFen <= 0)) {
			throw new org.bangfu.shared.BadInputException("need.item-money-line", line);
		}
		return this;
	}

	/** The line with another pledged quantity. */
	NeedItem pledged(int quantity) {
		return new NeedItem(kind, name, this.quantity, unit, valueFen, quantity, money);
	}

	public int remainingQuantity() {
		return quantity - pledgedQuantity;
	}
}
