package org.bangfu.team;

import java.time.Instant;

import org.bangfu.shared.ConflictException;

/**
 * A unit of a registration drive (an agency, company, school, village…): its QR code opens registration with the unit
 * attached. Open while the drive runs; closed, its code is refused and registration goes on without it.
 */
public record RegistrationUnit(long id, String name, UnitKind kind, String regionCode, boolean open, long createdBy, Instant createdAt,
		Instant closedAt) {

	RegistrationUnit close(Instant at) {
		if (!open) {
			throw new ConflictException("unit.already-closed", name);
		}
		return new RegistrationUnit(id, name, kind, regionCode, false, createdBy, createdAt, at);
	}

	RegistrationUnit reopen() {
		if (open) {
			throw new ConflictException("unit.already-open", name);
		}
		return new RegistrationUnit(id, name, kind, regionCode, true, createdBy, createdAt, null);
	}

	public String joinCode() {
		return JoinCodes.ofUnit(id);
	}
}
