package org.bangfu.team;

/** What a social organisation is; stored as text. */
public enum OrganisationKind {
	/** 社会扶贫联盟 */
	ALLIANCE,
	/** 协会 */
	ASSOCIATION,
	/** 其他社会组织 */
	OTHER;

	public String label() {
		return "org.kind." + name();
	}
}
