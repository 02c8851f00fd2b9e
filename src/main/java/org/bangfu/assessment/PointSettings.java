package org.bangfu.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What each event is worth ({@code bangfu.assessment.points.*}) and what a point pays
 * ({@code bangfu.assessment.reward-fen-per-point}); the defaults are the table of docs/assessment.md. Deductions are
 * written as positive numbers and subtracted, so a mistyped sign cannot turn a penalty into a reward.
 */
@ConfigurationProperties("bangfu.assessment")
record PointSettings(@DefaultValue Points points, @DefaultValue("100") long rewardFenPerPoint) {

	PointSettings {
		if (rewardFenPerPoint < 0) {
			throw new IllegalArgumentException("bangfu.assessment.reward-fen-per-point must not be negative");
		}
	}

	/**
	 * @param verified          to the poster: a need passed verification
	 * @param verification      to the verifier: the verification work
	 * @param confirmed         to the poster: the need ended confirmed by the household
	 * @param confirmedVerifier to the verifier of a need that ended confirmed
	 * @param rating            to the poster: a rating collected on a received pledge
	 * @param rejected          from the poster: the need was sent back
	 * @param foundFalse        from the poster: the need was found false by supervision
	 * @param foundFalseVerifier from the verifier of a need found false
	 */
	record Points(@DefaultValue("10") int verified, @DefaultValue("2") int verification, @DefaultValue("20") int confirmed,
			@DefaultValue("5") int confirmedVerifier, @DefaultValue("3") int rating, @DefaultValue("5") int rejected,
			@DefaultValue("30") int foundFalse, @DefaultValue("10") int foundFalseVerifier) {

		Points {
			for (int p : new int[] { verified, verification, confirmed, confirmedVerifier, rating, rejected, foundFalse, foundFalseVerifier }) {
				if (p < 0) {
					throw new IllegalArgumentException("bangfu.assessment.points.* are magnitudes: deductions are subtracted");
				}
			}
		}
	}

	/** The signed points an event of the kind is worth. */
	int pointsFor(PointKind kind) {
		return switch (kind) {
			case VERIFIED -> points.verified();
			case VERIFICATION -> points.verification();
			case CONFIRMED -> points.confirmed();
			case CONFIRMED_VERIFIER -> points.confirmedVerifier();
			case RATING -> points.rating();
			case REJECTED -> -points.rejected();
			case FOUND_FALSE -> -points.foundFalse();
			case FOUND_FALSE_VERIFIER -> -points.foundFalseVerifier();
		};
	}
}
