package org.bangfu.region;

import java.util.Locale;
import java.util.Optional;

/** The levels of the division tree; a national install has PROVINCE on top of the city. */
public enum RegionLevel {

	PROVINCE(6), CITY(6), COUNTY(6), TOWNSHIP(9), VILLAGE(12);

	private final int codeLength;

	RegionLevel(int codeLength) {
		this.codeLength = codeLength;
	}

	int codeLength() {
		return codeLength;
	}

	/** The level one below, or empty for a village. */
	public Optional<RegionLevel> below() {
		return this == VILLAGE ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
	}

	static Optional<RegionLevel> fromFile(String word) {
		try {
			return Optional.of(valueOf(word.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
