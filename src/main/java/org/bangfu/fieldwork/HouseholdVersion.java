package org.bangfu.fieldwork;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.bangfu.household.Consent;
import org.bangfu.household.Household;

/**
 * The version of a household as the pack gave it: a hash of what the officer sees of it (the household module's
 * {@link Household} view: number, village, head, masked ID and phone, members, poverty cause, lifted, its own account)
 * and of its consents (each one's scope and whether it was revoked). Any change to one of them — a registry import that
 * corrects the household, a consent recorded or revoked — gives another version, so a draft made on the old one comes
 * back as HOUSEHOLD_CHANGED. Computed from the household module's public views only, never its tables.
 */
final class HouseholdVersion {

	private HouseholdVersion() {
	}

	static String of(Household h, List<Consent> consents) {
		StringBuilder s = new StringBuilder();
		s.append(h.id()).append('|').append(h.householdNumber()).append('|').append(h.regionCode()).append('|').append(h.headName())
			.append('|').append(h.maskedHeadId()).append('|').append(h.memberCount()).append('|').append(h.povertyCause()).append('|')
			.append(h.lifted()).append('|').append(h.liftedYear()).append('|').append(h.maskedPhone()).append('|').append(h.accountId());
		consents.stream().sorted(java.util.Comparator.comparingLong(Consent::id)).forEach(c -> s.append("|c").append(c.id()).append(':')
			.append(c.postOnBehalf()).append(c.publishPhotos()).append(c.publicity()).append(':').append(c.revokedAt()));
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
