package org.bangfu.team;

import java.util.Optional;

/**
 * The codes a registration link carries ({@code /join/{code}}, then {@code /register?join=}): {@code U-{id}} for a
 * registration unit; {@code A-…} are the ambassadors' (issued elsewhere in this module); nothing else is valid.
 */
public final class JoinCodes {

	public static final String UNIT_PREFIX = "U-";

	public static final String AMBASSADOR_PREFIX = "A-";

	private JoinCodes() {
	}

	public static String ofUnit(long unitId) {
		return UNIT_PREFIX + unitId;
	}

	/** The absolute link a unit's QR code encodes, from the public base address ({@code need.PublicUrl}). */
	public static String unitLink(String baseUrl, long unitId) {
		return baseUrl + "/join/" + ofUnit(unitId);
	}

	public static boolean isUnit(String code) {
		return code != null && code.startsWith(UNIT_PREFIX);
	}

	public static boolean isAmbassador(String code) {
		return code != null && code.startsWith(AMBASSADOR_PREFIX);
	}

	/** The unit's id in a {@code U-} code, empty when the rest is not a number. */
	public static Optional<Long> unitId(String code) {
		if (!isUnit(code)) {
			return Optional.empty();
		}
		String digits = code.substring(UNIT_PREFIX.length());
		if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(digits));
	}

	/** The code as a message repeats it: short, without control characters. */
	static String shown(String code) {
		String s = code.strip().replaceAll("\\p{Cntrl}", "");
		return s.length() > 20 ? s.substring(0, 20) + "…" : s;
	}
}
