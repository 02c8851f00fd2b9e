package org.bangfu.need;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The household's own word on a need posted on its behalf (issue 16): confirmed in its account, by the SMS code it was
 * sent, or by a photographed signed or thumb-printed form, before the need can be verified.
 */
@Component
public class HouseholdConfirmations {

	/** How the household confirmed. */
	public enum Route {
		ACCOUNT, SMS, FORM
	}

	public record Confirmation(Route route, Instant at) {
	}

	/** The household's confirmation of the need, if it gave one. (Groundwork: answers "none" until the household-word part lands.) */
	public Optional<Confirmation> of(long needId) {
		return Optional.empty();
	}
}
