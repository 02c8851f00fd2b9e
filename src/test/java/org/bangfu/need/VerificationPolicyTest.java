package org.bangfu.need;

import java.time.Instant;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.account.TestUsers.CITY;
import static org.bangfu.account.TestUsers.COUNTY;
import static org.bangfu.account.TestUsers.OTHER_COUNTY;
import static org.bangfu.account.TestUsers.TOWNSHIP;
import static org.bangfu.account.TestUsers.VILLAGE;
import static org.bangfu.account.TestUsers.grant;
import static org.bangfu.account.TestUsers.user;

/** {@link VerificationPolicy}: a manager over the need, the city office for a county's own, never the poster. */
class VerificationPolicyTest {

	static final long POSTER = 11;

	static Need submitted(String regionCode, long posterId) {
		NeedContent content = new NeedContent(NeedCategory.OTHER, "棉被", "冬天冷", List.of(new NeedItem("物资", "棉被", 2, "床", 20000, 0)),
				Urgency.NORMAL, null, null);
		return new Need(1, regionCode, 3L, null, posterId, true, content, NeedState.SUBMITTED, 0, PledgeCounts.NONE, null, null, Instant.EPOCH,
				Instant.EPOCH, null, null, Instant.EPOCH, null, null, 0);
	}

	final BangfuUser villageOfficer = user(POSTER, Role.VILLAGE_OFFICER, VILLAGE);

	final BangfuUser townshipManager = user(12, Role.TOWNSHIP_MANAGER, TOWNSHIP);

	final BangfuUser countyAdmin = user(13, Role.COUNTY_ADMIN, COUNTY);

	final BangfuUser cityAdmin = user(14, Role.CITY_ADMIN, CITY);

	final Need villageNeed = submitted(VILLAGE.code(), POSTER);

	final Need countyNeed = submitted(COUNTY.code(), 13);

	@Test
	void aManagerOverTheNeedVerifiesIt() {
		for (BangfuUser manager : List.of(townshipManager, countyAdmin, cityAdmin)) {
			assertThat(VerificationPolicy.allows(manager, villageNeed)).as(manager.grants().toString()).isTrue();
			assertThatCode(() -> VerificationPolicy.require(manager, villageNeed)).doesNotThrowAnyException();
		}
		assertThat(VerificationPolicy.allows(townshipManager, submitted(TOWNSHIP.code(), POSTER))).as("a township's own need").isTrue();
	}

	@Test
	void aVillageOfficerInScopeIsRefusedWith403() {
		BangfuUser other = user(20, Role.VILLAGE_OFFICER, VILLAGE);
		assertThat(VerificationPolicy.allows(other, villageNeed)).isFalse();
		assertRefused(() -> VerificationPolicy.require(other, villageNeed), NotPermittedException.class, "need.verify-role");
	}

	@Test
	void outsideTheScopeTheNeedIsNotFound() {
		BangfuUser elsewhere = user(21, Role.COUNTY_ADMIN, OTHER_COUNTY);
		assertThat(VerificationPolicy.allows(elsewhere, villageNeed)).isFalse();
		assertRefused(() -> VerificationPolicy.require(elsewhere, villageNeed), NotFoundException.class, "need.not-found");
		assertRefused(() -> VerificationPolicy.require(user(22, Role.DONOR, null), villageNeed), NotFoundException.class, "need.not-found");
		assertThat(VerificationPolicy.allows(null, villageNeed)).isFalse();
	}

	@Test
	void aCountysOwnNeedOnlyTheCityOfficeVerifies() {
		BangfuUser otherCountyAdmin = user(23, Role.COUNTY_ADMIN, COUNTY);
		assertThat(VerificationPolicy.allows(otherCountyAdmin, countyNeed)).isFalse();
		assertRefused(() -> VerificationPolicy.require(otherCountyAdmin, countyNeed), NotPermittedException.class, "need.verify-county");
		assertRefused(() -> VerificationPolicy.require(townshipManager, countyNeed), NotFoundException.class, "need.not-found");
		assertThat(VerificationPolicy.allows(cityAdmin, countyNeed)).isTrue();
		assertThatCode(() -> VerificationPolicy.require(cityAdmin, countyNeed)).doesNotThrowAnyException();
	}

	@Test
	void thePosterNeverVerifiesItsOwnNeedEvenAsAManager() {
		BangfuUser posterManager = user(POSTER, grant(Role.VILLAGE_OFFICER, VILLAGE), grant(Role.TOWNSHIP_MANAGER, TOWNSHIP));
		assertThat(VerificationPolicy.allows(posterManager, villageNeed)).isFalse();
		assertRefused(() -> VerificationPolicy.require(posterManager, villageNeed), NotPermittedException.class, "need.verify-own");
		// the need guards itself with the same rule
		assertRefused(() -> villageNeed.verify(POSTER, Instant.EPOCH, null), NotPermittedException.class, "need.verify-own");
		assertRefused(() -> villageNeed.reject(POSTER, "不实", Instant.EPOCH), NotPermittedException.class, "need.verify-own");
	}

	@Test
	void theQueueAndItsLinkAreForManagers() {
		assertThat(VerificationPolicy.verifiesAnywhere(villageOfficer)).isFalse();
		assertThat(VerificationPolicy.verifiesAnywhere(user(24, Role.DONOR, null))).isFalse();
		assertThat(VerificationPolicy.verifiesAnywhere(townshipManager)).isTrue();
		assertRefused(() -> VerificationPolicy.requireQueue(villageOfficer, VILLAGE), NotPermittedException.class, "need.verify-role");
		assertThatCode(() -> VerificationPolicy.requireQueue(townshipManager, VILLAGE)).as("within its scope").doesNotThrowAnyException();
		assertThatCode(() -> VerificationPolicy.requireQueue(townshipManager, COUNTY)).as("its part of a wider one").doesNotThrowAnyException();
		assertRefused(() -> VerificationPolicy.requireQueue(townshipManager, OTHER_COUNTY), NotPermittedException.class, "need.verify-role");
		assertThat(VerificationPolicy.seesCountyNeeds(cityAdmin, COUNTY)).isTrue();
		assertThat(VerificationPolicy.seesCountyNeeds(countyAdmin, COUNTY)).isFalse();
	}

	static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Class<? extends BadInputException> type, String key) {
		assertThatThrownBy(call).isExactlyInstanceOf(type).extracting(e -> ((BadInputException) e).messageKey()).isEqualTo(key);
	}
}
