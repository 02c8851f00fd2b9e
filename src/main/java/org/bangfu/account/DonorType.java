package org.bangfu.account;

/** The kinds of caring people (爱心人士): 个人, 企业, 机关事业单位, 社会组织. */
public enum DonorType {
	INDIVIDUAL, ENTERPRISE, INSTITUTION, SOCIAL_ORG
}
