package org.bangfu.team;

/** What a registration unit is: 机关, 企业, 学校, 村/社区, 其他 (labels in the team bundle: {@code unit.kind.*}). */
public enum UnitKind {
	AGENCY, COMPANY, SCHOOL, VILLAGE, OTHER;

	/** The kind named by the text (any case), or 400 when there is none such. */
	public static UnitKind parse(String text) {
		if (text != null) {
			for (UnitKind k : values()) {
				if (k.name().equalsIgnoreCase(text.strip())) {
					return k;
				}
			}
		}
		throw new org.bangfu.shared.BadInputException("unit.kind-invalid");
	}
}
