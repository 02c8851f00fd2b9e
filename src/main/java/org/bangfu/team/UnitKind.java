package org.bangfu.team;

import java.util.Locale;
import java.util.Map;

/** What a registration unit is: 机关, 企业, 学校, 村/社区, 其他 (labels in the team bundle: {@code unit.kind.*}). */
public enum UnitKind {
	AGENCY, COMPANY, SCHOOL, VILLAGE, OTHER;

	/**
	 * Other words a caller may use for a kind: the donor types' names (a unit is often registered the way its
	 * people register), common English and the Chinese labels printed on the forms.
	 */
	private static final Map<String, UnitKind> SYNONYMS = Map.ofEntries(Map.entry("INSTITUTION", AGENCY),
			Map.entry("GOVERNMENT", AGENCY), Map.entry("GOVERNMENT_AGENCY", AGENCY), Map.entry("机关", AGENCY),
			Map.entry("机关事业单位", AGENCY), Map.entry("事业单位", AGENCY), Map.entry("ENTERPRISE", COMPANY),
			Map.entry("企业", COMPANY), Map.entry("公司", COMPANY), Map.entry("学校", SCHOOL), Map.entry("COMMUNITY", VILLAGE),
			Map.entry("村", VILLAGE), Map.entry("社区", VILLAGE), Map.entry("村/社区", VILLAGE), Map.entry("村（社区）", VILLAGE),
			Map.entry("SOCIAL_ORG", OTHER), Map.entry("ORGANISATION", OTHER), Map.entry("ORGANIZATION", OTHER),
			Map.entry("社会组织", OTHER), Map.entry("其他", OTHER));

	/** The kind named by the text (any case, or one of its synonyms), or 400 when there is none such. */
	public static UnitKind parse(String text) {
		if (text != null) {
			String key = text.strip().toUpperCase(Locale.ROOT);
			for (UnitKind k : values()) {
				if (k.name().equals(key)) {
					return k;
				}
			}
			if (SYNONYMS.containsKey(key)) {
				return SYNONYMS.get(key);
			}
		}
		throw new org.bangfu.shared.BadInputException("unit.kind-invalid");
	}
}
