package org.bangfu.team;

import java.time.Instant;
import java.util.List;

import org.bangfu.account.Role;
import org.bangfu.shared.ConflictException;

/**
 * An application to join a team: the role, the area the member will serve (a county or township of Hengyang), the
 * profile, and where it stands.
 */
public record TeamApplication(long id, long accountId, String applicantName, Role role, String areaCode, String areaName, String skills,
		String availability, List<ExpertField> fields, ApplicationState state, String reason, Instant createdAt, Instant decidedAt) {

	/** Only a pending application is decided, once. */
	void requirePending() {
		if (state != ApplicationState.PENDING) {
			throw new ConflictException("team.application.decided");
		}
	}
}
