package org.bangfu.pledge;

import java.time.Instant;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.account.TestUsers.COUNTY;
import static org.bangfu.account.TestUsers.CITY;
import static org.bangfu.account.TestUsers.OTHER_VILLAGE;
import static org.bangfu.account.TestUsers.TOWNSHIP;
import static org.bangfu.account.TestUsers.VILLAGE;
import static org.bangfu.account.TestUsers.grant;
import static org.bangfu.account.TestUsers.user;

/** {@link ReceiptConfirmation}: the household or the official standing for it, never the pledge's donor. */
class ReceiptConfirmationTest {

	static final long DONOR = 50;

	static Pledge pledge(String regionCode) {
		return new Pledge(7, 1, regionCode, 3L, DONOR, Map.of(0, 1), 1, 0, false, Instant.EPOCH, Instant.EPOCH, PledgeState.COMMITTED, null,
				null, null, null, null, null);
	}

	final BangfuUser household = user(10, Role.HOUSEHOLD, null);

	final BangfuUser villageOfficer = user(11, Role.VILLAGE_OFFICER, VILLAGE);

	final BangfuUser townshipManager = user(12, Role.TOWNSHIP_MANAGER, TOWNSHIP);

	final BangfuUser countyAdmin = user(13, Role.COUNTY_ADMIN, COUNTY);

	final BangfuUser cityAdmin = user(14, Role.CITY_ADMIN, CITY);

	final BangfuUser donor = user(DONOR, Role.DONOR, null);

	@Test
	void theHouseholdsOwnAccountReceivesItsHelp() {
		assertThat(ReceiptConfirmation.receives(household, true, VILLAGE.code())).isTrue();
		assertThat(ReceiptConfirmation.allows(household, true, pledge(VILLAGE.code()))).isTrue();
		assertThat(ReceiptConfirmation.receives(household, false, VILLAGE.code())).as("another household's").isFalse();
	}

	@Test
	void theVillageOfficerOverTheVillageReceivesForTheHousehold() {
		assertThat(ReceiptConfirmation.receives(villageOfficer, false, VILLAGE.code())).isTrue();
		assertThat(ReceiptConfirmation.receives(user(15, Role.VILLAGE_OFFICER, OTHER_VILLAGE), false, VILLAGE.code())).isFalse();
	}

	@Test
	void aTownshipManagerReceivesOnlyForANeedOfTheTownshipItself() {
		assertThat(ReceiptConfirmation.receives(townshipManager, false, VILLAGE.code())).isFalse();
		assertThat(ReceiptConfirmation.receives(townshipManager, false, TOWNSHIP.code())).isTrue();
	}

	@Test
	void theCountyCenterReceivesOnlyForTheCountysOwnNeed() {
		assertThat(ReceiptConfirmation.receives(countyAdmin, false, COUNTY.code())).isTrue();
		assertThat(ReceiptConfirmation.receives(countyAdmin, false, TOWNSHIP.code())).isFalse();
		assertThat(ReceiptConfirmation.receives(countyAdmin, false, VILLAGE.code())).isFalse();
	}

	@Test
	void theCityOfficeDonorsAndThePublicDoNotReceive() {
		assertThat(ReceiptConfirmation.receives(cityAdmin, false, COUNTY.code())).isFalse();
		assertThat(ReceiptConfirmation.receives(cityAdmin, false, VILLAGE.code())).isFalse();
		assertThat(ReceiptConfirmation.receives(donor, false, VILLAGE.code())).isFalse();
		assertThat(ReceiptConfirmation.receives(null, false, VILLAGE.code())).isFalse();
		assertThat(ReceiptConfirmation.allows(null, false, pledge(VILLAGE.code()))).isFalse();
	}

	@Test
	void thePledgesDonorNeverConfirmsItsOwnPledgeEvenAsTheOfficer() {
		BangfuUser officerDonor = user(DONOR, grant(Role.VILLAGE_OFFICER, VILLAGE), grant(Role.DONOR, null));
		assertThat(ReceiptConfirmation.receives(officerDonor, false, VILLAGE.code())).as("still the receiving side: may rate").isTrue();
		assertThat(ReceiptConfirmation.allows(officerDonor, false, pledge(VILLAGE.code()))).isFalse();
		assertThatThrownBy(() -> ReceiptConfirmation.refuseDonor(DONOR, DONOR)).isInstanceOf(NotPermittedException.class)
			.extracting(e -> ((BadInputException) e).messageKey()).isEqualTo("pledge.receive-not-donor");
		assertThatCode(() -> ReceiptConfirmation.refuseDonor(11, DONOR)).doesNotThrowAnyException();
	}

	@Test
	void receivingIsRefusedWith403ToThoseWhoKnowThePledgeAnd404ToOthers() {
		Pledge p = pledge(VILLAGE.code());
		assertThatCode(() -> ReceiptConfirmation.requireToReceive(villageOfficer, false, p)).doesNotThrowAnyException();
		assertThatCode(() -> ReceiptConfirmation.requireToReceive(household, true, p)).doesNotThrowAnyException();
		assertRefused(() -> ReceiptConfirmation.requireToReceive(donor, false, p), NotPermittedException.class, "pledge.receive-who");
		assertRefused(() -> ReceiptConfirmation.requireToReceive(townshipManager, false, p), NotPermittedException.class, "pledge.receive-who");
		assertRefused(() -> ReceiptConfirmation.requireToReceive(user(16, Role.DONOR, null), false, p), NotFoundException.class,
				"pledge.not-found");
		assertRefused(() -> ReceiptConfirmation.requireToReceive(household, false, p), NotFoundException.class, "pledge.not-found");
	}

	@Test
	void ratingIsRefusedWith404ToAllButTheReceivingSide() {
		Pledge p = pledge(VILLAGE.code());
		assertThatCode(() -> ReceiptConfirmation.requireToRate(villageOfficer, false, p)).doesNotThrowAnyException();
		assertThatCode(() -> ReceiptConfirmation.requireToRate(household, true, p)).doesNotThrowAnyException();
		assertRefused(() -> ReceiptConfirmation.requireToRate(townshipManager, false, p), NotFoundException.class, "pledge.not-found");
		assertRefused(() -> ReceiptConfirmation.requireToRate(donor, false, p), NotFoundException.class, "pledge.not-found");
	}

	static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Class<? extends BadInputException> type, String key) {
		assertThatThrownBy(call).isExactlyInstanceOf(type).extracting(e -> ((BadInputException) e).messageKey()).isEqualTo(key);
	}
}
