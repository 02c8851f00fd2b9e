package org.bangfu.need;

/**
 * What can happen to a need. The first group are people's actions on the need itself; the pledge
 * group is driven by the matching module as pledges are made, released, delivered and confirmed.
 */
public enum NeedAction {

	EDIT, SUBMIT, VERIFY, PUBLISH, REJECT, WITHDRAW, EXPIRE,
	PLEDGE_PART, PLEDGE_ALL, RELEASE_TO_PART, RELEASE_ALL, DELIVER, CONFIRM, CLOSE,
	/** Supervision found the need false on a visit (督查): withdrawn while help is still being gathered. */
	FIND_FALSE;

	public String label() {
		return "need.action." + name();
	}
}
