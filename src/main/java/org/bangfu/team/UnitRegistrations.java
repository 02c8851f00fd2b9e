package org.bangfu.team;

import org.bangfu.account.DonorRegistration.JoinCodeRefused;
import org.bangfu.shared.events.CaringPersonRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Attributes a new caring person to the unit whose link they followed. Runs inside the registration's transaction: a
 * code of an unknown or closed unit throws, and the registration is undone with the message (the join page had said
 * so, and offers registering without the unit). Ambassadors' codes ({@code A-}) are counted elsewhere.
 */
@Component
class UnitRegistrations {

	private final RegistrationUnits units;

	UnitRegistrations(RegistrationUnits units) {
		this.units = units;
	}

	@EventListener
	void on(CaringPersonRegistered e) {
		String code = e.joinCode();
		if (code == null || code.isBlank() || JoinCodes.isAmbassador(code)) {
			return;
		}
		if (!JoinCodes.isUnit(code)) {
			throw new JoinCodeRefused("unit.join-code-unknown", JoinCodes.shown(code));
		}
		RegistrationUnit unit = JoinCodes.unitId(code).flatMap(units::lock)
			.orElseThrow(() -> new JoinCodeRefused("unit.join-code-unknown", JoinCodes.shown(code)));
		if (!unit.open()) {
			throw new JoinCodeRefused("unit.join-code-closed", unit.name());
		}
		units.recordRegistration(unit.id(), e.accountId(), unit.regionCode(), e.at());
	}

}
