package org.bangfu.pledge;

import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedPledging;
import org.bangfu.need.NeedState;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.bangfu.account.TestUsers.TOWNSHIP;
import static org.bangfu.account.TestUsers.VILLAGE;
import static org.bangfu.account.TestUsers.grant;
import static org.bangfu.account.TestUsers.user;
import static org.bangfu.pledge.ReceiptConfirmationTest.assertRefused;

/** {@link PledgeEligibility}: anyone signed in but the one being helped, for a need the public sees. */
class PledgeEligibilityTest {

	static NeedPledging.Open need(NeedState state) {
		return new NeedPledging.Open(1, VILLAGE.code(), NeedCategory.OTHER, 3L, 9L, state, List.of(), 2, 0, "棉被", null);
	}

	final BangfuUser donor = user(50, Role.DONOR, null);

	final BangfuUser household = user(10, Role.HOUSEHOLD, null);

	@Test
	void aDonorMayPledgeAPublicNeed() {
		assertThat(PledgeEligibility.allows(donor, false, need(NeedState.PUBLISHED))).isTrue();
		assertThatCode(() -> PledgeEligibility.require(donor, false, need(NeedState.PARTLY_PLEDGED))).doesNotThrowAnyException();
	}

	@Test
	void staffInScopeMayPledgeToo() {
		// saying so (staffInScope) is how a pledge is asked, not who may ask: Pledging checks it
		BangfuUser manager = user(12, Role.TOWNSHIP_MANAGER, TOWNSHIP);
		assertThat(PledgeEligibility.allows(manager, false, need(NeedState.PUBLISHED))).isTrue();
		assertThatCode(() -> PledgeEligibility.require(manager, false, need(NeedState.PUBLISHED))).doesNotThrowAnyException();
	}

	@Test
	void thePublicHasNoPledgeForm() {
		assertThat(PledgeEligibility.allows(null, false, need(NeedState.PUBLISHED))).isFalse();
	}

	@Test
	void aNeedThePublicDoesNotSeeIsNotFound() {
		assertThat(PledgeEligibility.allows(donor, false, need(NeedState.SUBMITTED))).isFalse();
		assertRefused(() -> PledgeEligibility.require(donor, false, need(NeedState.SUBMITTED)), NotFoundException.class, "need.not-found");
		assertRefused(() -> PledgeEligibility.require(donor, false, need(NeedState.DRAFT)), NotFoundException.class, "need.not-found");
	}

	@Test
	void aPublicNeedNoLongerOpenIsTheNeedsToRefuse() {
		// PLEDGED is public: the donor may ask, and the need answers 409 when taken; the pages hide the form as it is not pledgeable
		assertThat(PledgeEligibility.allows(donor, false, need(NeedState.PLEDGED))).isTrue();
		assertThat(need(NeedState.PLEDGED).pledgeable()).isFalse();
	}

	@Test
	void theHouseholdNeverPledgesItsOwnNeed() {
		assertThat(PledgeEligibility.allows(household, true, need(NeedState.PUBLISHED))).isFalse();
		assertRefused(() -> PledgeEligibility.require(household, true, need(NeedState.PUBLISHED)), NotPermittedException.class,
				"pledge.own-household");
		BangfuUser householdDonor = user(11, grant(Role.HOUSEHOLD, null), grant(Role.DONOR, null));
		assertRefused(() -> PledgeEligibility.require(householdDonor, true, need(NeedState.PUBLISHED)), NotPermittedException.class,
				"pledge.own-household");
	}

	@Test
	void aHouseholdOnlyAccountDoesNotPledgeAtAll() {
		assertThat(PledgeEligibility.allows(household, false, need(NeedState.PUBLISHED))).isFalse();
		assertRefused(() -> PledgeEligibility.require(household, false, need(NeedState.PUBLISHED)), NotPermittedException.class,
				"donor-tools.household");
	}

	@Test
	void aHouseholdThatIsAlsoADonorMayPledgeAnotherHouseholdsNeed() {
		BangfuUser householdDonor = user(11, grant(Role.HOUSEHOLD, null), grant(Role.DONOR, null));
		assertThat(PledgeEligibility.allows(householdDonor, false, need(NeedState.PUBLISHED))).isTrue();
		assertThatCode(() -> PledgeEligibility.require(householdDonor, false, need(NeedState.PUBLISHED))).doesNotThrowAnyException();
	}
}
