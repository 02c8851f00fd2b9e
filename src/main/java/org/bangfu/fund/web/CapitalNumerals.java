package org.bangfu.fund.web;

/**
 * An amount in Chinese capital numerals (大写), as a receipt writes it so that it cannot be altered: 12,345.60 元 →
 * 壹万贰仟叁佰肆拾伍元陆角整. Zeros inside the number are written once (壹仟零伍元), 壹拾 keeps its 壹 (the financial style),
 * and 整 closes an amount without fen.
 */
final class CapitalNumerals {

	private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();

	private static final String[] UNITS = { "", "拾", "佰", "仟" };

	private static final String[] GROUPS = { "", "万", "亿", "万亿" };

	private CapitalNumerals() {
	}

	static String of(long fen) {
		if (fen < 0) {
			throw new IllegalArgumentException("a receipt's amount is never negative: " + fen);
		}
		long yuan = fen / 100;
		int jiao = (int) (fen / 10 % 10);
		int cents = (int) (fen % 10);
		StringBuilder s = new StringBuilder();
		if (yuan > 0) {
			s.append(integer(yuan)).append('元');
		}
		if (jiao == 0 && cents == 0) {
			return yuan == 0 ? "零元整" : s.append('整').toString();
		}
		if (jiao > 0) {
			s.append(DIGITS[jiao]).append('角');
		}
		else if (yuan > 0) {
			s.append('零');
		}
		if (cents > 0) {
			s.append(DIGITS[cents]).append('分');
		}
		else {
			s.append('整');
		}
		return s.toString();
	}

	private static String integer(long n) {
		int count = 0;
		int[] groups = new int[5];
		for (long rest = n; rest > 0; rest /= 10_000) {
			groups[count++] = (int) (rest % 10_000);
		}
		StringBuilder out = new StringBuilder();
		boolean zeroPending = false;
		for (int i = count - 1; i >= 0; i--) {
			int g = groups[i];
			if (g == 0) {
				zeroPending = out.length() > 0;
				continue;
			}
			if (out.length() > 0 && (zeroPending || g < 1000)) {
				out.append('零');
			}
			out.append(group(g)).append(GROUPS[i]);
			zeroPending = false;
		}
		return out.toString();
	}

	/** Up to four digits: inner zeros as one 零, trailing zeros unwritten. */
	private static String group(int g) {
		StringBuilder s = new StringBuilder();
		boolean zero = false;
		for (int pos = 3; pos >= 0; pos--) {
			int d = g / (int) Math.pow(10, pos) % 10;
			if (d == 0) {
				zero = s.length() > 0;
				continue;
			}
			if (zero) {
				s.append('零');
				zero = false;
			}
			s.append(DIGITS[d]).append(UNITS[pos]);
		}
		return s.toString();
	}
}
