package org.bangfu.household.registry;

/** Cleaning cell text: full-width ASCII to half-width, ideographic spaces to spaces, blanks trimmed and collapsed. */
final class Text {

	private Text() {
	}

	static String normalise(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder b = new StringBuilder(s.length());
		boolean space = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			if (c == '\u3000' || c == '\u00A0' || Character.isWhitespace(c)) {
				space = b.length() > 0;
				continue;
			}
			if (space) {
				b.append(' ');
				space = false;
			}
			b.append(c);
		}
		return b.toString();
	}
}
