package org.bangfu.team;

import java.util.Arrays;
import java.util.Locale;

import org.bangfu.need.NeedCategory;
import org.bangfu.shared.BadInputException;

/** An expert's field; each maps to the need category it advises on, where there is one (farming advises on product sales). */
public enum ExpertField {

	MEDICAL(NeedCategory.MEDICAL), SCHOOLING(NeedCategory.EDUCATION), FARMING(NeedCategory.PRODUCT_SALES),
	HOUSING(NeedCategory.HOUSING), ELDER_CARE(NeedCategory.ELDERLY_CARE), OTHER(NeedCategory.OTHER);

	private final NeedCategory category;

	ExpertField(NeedCategory category) {
		this.category = category;
	}

	public NeedCategory category() {
		return category;
	}

	/** The field that advises on a need of the category; OTHER for categories no field names. */
	public static ExpertField forCategory(NeedCategory category) {
		return Arrays.stream(values()).filter(f -> f.category == category).findFirst().orElse(OTHER);
	}

	public String label() {
		return "team.field." + name();
	}

	static ExpertField parse(String text) {
		try {
			return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("team.field.unknown", String.valueOf(text));
		}
	}
}
