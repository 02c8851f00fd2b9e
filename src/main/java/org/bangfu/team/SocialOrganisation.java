package org.bangfu.team;

import java.time.Instant;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;

/** A registered social organisation or alliance; its county decides on it. */
public record SocialOrganisation(long id, String name, OrganisationKind kind, String regionCode, String creditCode, String contact,
		String introduction, OrganisationState state, long founderId, Long ownAccountId, Instant createdAt, Instant decidedAt,
		Long decidedBy, String rejectReason) {

	SocialOrganisation approve(long by, Instant at) {
		pending();
		return new SocialOrganisation(id, name, kind, regionCode, creditCode, contact, introduction, OrganisationState.APPROVED, founderId,
				ownAccountId, createdAt, at, by, null);
	}

	SocialOrganisation reject(long by, String reason, Instant at) {
		pending();
		String r = reason == null ? "" : reason.strip();
		if (r.length() < 4 || r.length() > 500 || r.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
			throw new BadInputException("org.reject-reason");
		}
		return new SocialOrganisation(id, name, kind, regionCode, creditCode, contact, introduction, OrganisationState.REJECTED, founderId,
				ownAccountId, createdAt, at, by, r);
	}

	private void pending() {
		if (state != OrganisationState.PENDING) {
			throw new ConflictException("org.already-decided");
		}
	}

	/** Whether it takes members: only once approved. */
	void takesMembers() {
		if (state != OrganisationState.APPROVED) {
			throw new ConflictException("org.not-approved");
		}
	}
}
