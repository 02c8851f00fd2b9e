package org.bangfu.account;

import java.time.Instant;
import java.util.List;

import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.shared.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link BangfuUser#scopeFor} without a requested region, over the combinations of grants. */
class BangfuUserScopeTest {

	static final Region XIDU = new Region("430421100", "西渡镇", RegionLevel.TOWNSHIP, "430421", "430421100");

	static final Region XIDU_VILLAGE = new Region("430421100203", "西渡村委会", RegionLevel.VILLAGE, XIDU.code(), "430421100203");

	static final Region JIBING_VILLAGE = new Region("430421101200", "集兵村委会", RegionLevel.VILLAGE, "430421101", "430421101200");

	private static BangfuUser with(Grant... grants) {
		return new BangfuUser(1, "13800000000", "某人", null, null, null, List.of(grants), null, null, null, Instant.EPOCH);
	}

	private static Grant grant(Role role, Region region) {
		return new Grant(0, role, region, Instant.EPOCH);
	}

	@Test
	void oneGrantIsTheScope() {
		assertThat(with(grant(Role.VILLAGE_OFFICER, XIDU_VILLAGE)).scopeFor(null)).isEqualTo(XIDU_VILLAGE);
	}

	@Test
	void theGrantContainingTheOthersIsTheScopeWhateverItsPlace() {
		assertThat(with(grant(Role.VILLAGE_OFFICER, XIDU_VILLAGE), grant(Role.TOWNSHIP_MANAGER, XIDU)).scopeFor(null)).isEqualTo(XIDU);
		assertThat(with(grant(Role.VILLAGE_OFFICER, XIDU_VILLAGE), grant(Role.DONOR, null), grant(Role.SUPERVISOR, JIBING_VILLAGE))
			.scopeFor(null)).as("only staff grants count").isEqualTo(XIDU_VILLAGE);
	}

	@Test
	void twoRolesOverOneRegionAreOneScope() {
		assertThat(with(grant(Role.VILLAGE_OFFICER, XIDU_VILLAGE), grant(Role.VILLAGE_OFFICER, XIDU_VILLAGE)).scopeFor(null))
			.isEqualTo(XIDU_VILLAGE);
	}

	@Test
	void grantsSideBySideAskForAChoiceOfTheWidestOnes() {
		BangfuUser user = with(grant(Role.VILLAGE_OFFICER, XIDU_VILLAGE), grant(Role.VILLAGE_OFFICER, JIBING_VILLAGE),
				grant(Role.TOWNSHIP_MANAGER, XIDU));
		assertThatThrownBy(() -> user.scopeFor(null)).isInstanceOfSatisfying(ScopeChoiceNeeded.class, e -> {
			assertThat(e.regions()).containsExactly(JIBING_VILLAGE, XIDU);
			assertThat(e.parameter()).isEqualTo("region");
			assertThat(e.messageKey()).isEqualTo("scope.choose");
		});
		assertThat(user.scopeFor(JIBING_VILLAGE)).isEqualTo(JIBING_VILLAGE);
	}

	@Test
	void noStaffGrantIsNotFound() {
		assertThatThrownBy(() -> with(grant(Role.DONOR, null)).scopeFor(null)).isInstanceOf(NotFoundException.class);
	}
}
