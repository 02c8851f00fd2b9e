package org.bangfu.team;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.bangfu.shared.ConflictException;

/**
 * A task officers post for volunteers, with its sign-ups.
 *
 * @param mySignupId the caller's active sign-up, or null
 * @param signups the active sign-ups with names and hours; shown to staff in scope, empty for volunteers
 */
public record VolunteerTask(long id, TaskKind kind, String title, String description, String regionCode, String regionName, Instant startsAt,
		BigDecimal estimatedHours, int wanted, int signedUp, Long needId, long postedBy, Long mySignupId, List<Signup> signups) {

	/** A volunteer's sign-up: hours null until confirmed. */
	public record Signup(long id, long accountId, String name, BigDecimal hours, Instant confirmedAt) {
	}

	public boolean full() {
		return signedUp >= wanted;
	}

	public boolean happened(Instant now) {
		return !startsAt.isAfter(now);
	}

	/** Sign-ups are taken while the task is ahead and not full. */
	void requireOpen(Instant now) {
		if (happened(now)) {
			throw new ConflictException("team.task.started");
		}
		if (full()) {
			throw new ConflictException("team.task.full");
		}
	}
}
