package org.bangfu.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Money is integer fen everywhere (DESIGN.md §5); these turn it into yuan for people and back. */
public final class Money {

	private Money() {
	}

	/** 1234500 → "12345", 1234567 → "12345.67". */
	public static String yuan(long fen) {
		String sign = fen < 0 ? "-" : "";
		long abs = Math.abs(fen);
		return sign + (abs % 100 == 0 ? String.valueOf(abs / 100) : String.format(Locale.ROOT, "%d.%02d", abs / 100, abs % 100));
	}

	/**
	 * Yuan as people type it (separators and a trailing 元 allowed, at most two decimals) to fen.
	 * @throws IllegalArgumentException when it is not such an amount
	 */
	public static long fen(String yuan) {
		try {
			return new BigDecimal(yuan.strip().replace(",", "").replace("，", "").replace("元", ""))
				.movePointRight(2)
				.setScale(0, RoundingMode.UNNECESSARY)
				.longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw new IllegalArgumentException("not an amount in yuan: " + yuan, e);
		}
	}
}
