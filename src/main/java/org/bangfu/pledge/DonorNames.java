package org.bangfu.pledge;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.DonorType;
import org.bangfu.shared.Masking;

/** A donor as the public sees them: a person masked (张*三), an enterprise, institution or organisation in full. */
public final class DonorNames {

	private DonorNames() {
	}

	public static String shown(BangfuUser donor) {
		boolean person = donor.donorType().map(t -> t == DonorType.INDIVIDUAL).orElse(true);
		return person ? Masking.name(donor.name()) : donor.name();
	}
}
