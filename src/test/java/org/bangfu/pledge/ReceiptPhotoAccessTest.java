package org.bangfu.pledge;

import java.time.Instant;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.shared.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.bangfu.account.TestUsers.OTHER_COUNTY;
import static org.bangfu.account.TestUsers.TOWNSHIP;
import static org.bangfu.account.TestUsers.VILLAGE;
import static org.bangfu.account.TestUsers.user;
import static org.bangfu.pledge.ReceiptConfirmationTest.assertRefused;

/** {@link ReceiptPhotoAccess}: everyone with the household's consent, else its donor, the household and staff in scope. */
class ReceiptPhotoAccessTest {

	static final long DONOR = 50;

	static Pledge received(String photo) {
		return new Pledge(7, 1, VILLAGE.code(), 3L, DONOR, Map.of(0, 1), 1, 0, false, Instant.EPOCH, Instant.EPOCH, PledgeState.RECEIVED, null,
				Instant.EPOCH, 11L, photo, null, null);
	}

	static PledgeVisibility.Viewer viewer(BangfuUser user, boolean household, boolean photosPublic) {
		return new PledgeVisibility.Viewer(user, household, household, household, photosPublic);
	}

	final Pledge withPhoto = received("7.jpg");

	@Test
	void withConsentEveryoneSeesIt() {
		assertThat(ReceiptPhotoAccess.allows(viewer(null, false, true), withPhoto)).isTrue();
		assertThat(ReceiptPhotoAccess.url(viewer(null, false, true), withPhoto)).isEqualTo("/pledges/7/receipt.jpg");
		assertThat(ReceiptPhotoAccess.url(viewer(user(60, Role.DONOR, null), false, true), withPhoto)).isEqualTo("/pledges/7/receipt.jpg");
	}

	@Test
	void withoutConsentOnlyTheDonorTheHouseholdAndStaffInScope() {
		assertThat(ReceiptPhotoAccess.allows(viewer(user(DONOR, Role.DONOR, null), false, false), withPhoto)).as("its donor").isTrue();
		assertThat(ReceiptPhotoAccess.allows(viewer(user(10, Role.HOUSEHOLD, null), true, false), withPhoto)).as("the household").isTrue();
		assertThat(ReceiptPhotoAccess.allows(viewer(user(12, Role.TOWNSHIP_MANAGER, TOWNSHIP), false, false), withPhoto)).as("staff in scope")
			.isTrue();
		assertThat(ReceiptPhotoAccess.allows(viewer(user(11, Role.VILLAGE_OFFICER, VILLAGE), false, false), withPhoto)).isTrue();
	}

	@Test
	void withoutConsentThePublicOtherDonorsAndStaffElsewhereDoNot() {
		assertThat(ReceiptPhotoAccess.allows(viewer(null, false, false), withPhoto)).isFalse();
		assertThat(ReceiptPhotoAccess.url(viewer(null, false, false), withPhoto)).isNull();
		assertThat(ReceiptPhotoAccess.allows(viewer(user(60, Role.DONOR, null), false, false), withPhoto)).isFalse();
		assertThat(ReceiptPhotoAccess.allows(viewer(user(10, Role.HOUSEHOLD, null), false, false), withPhoto)).as("another household")
			.isFalse();
		assertThat(ReceiptPhotoAccess.allows(viewer(user(13, Role.COUNTY_ADMIN, OTHER_COUNTY), false, false), withPhoto)).isFalse();
		assertRefused(() -> ReceiptPhotoAccess.require(viewer(null, false, false), withPhoto), NotFoundException.class, "pledge.not-found");
	}

	@Test
	void noPhotoIsNoPhotoForAnyone() {
		Pledge without = received(null);
		assertThat(ReceiptPhotoAccess.allows(viewer(user(DONOR, Role.DONOR, null), false, true), without)).isFalse();
		assertThat(ReceiptPhotoAccess.url(viewer(null, false, true), without)).isNull();
		assertThat(ReceiptPhotoAccess.forParty(without)).isNull();
		assertRefused(() -> ReceiptPhotoAccess.require(viewer(user(DONOR, Role.DONOR, null), false, true), without), NotFoundException.class,
				"pledge.not-found");
	}

	@Test
	void thePledgesPartiesSeeItOnTheirOwnViews() {
		assertThat(ReceiptPhotoAccess.forParty(withPhoto)).isEqualTo("/pledges/7/receipt.jpg");
		assertThatCode(() -> ReceiptPhotoAccess.require(viewer(user(DONOR, Role.DONOR, null), false, false), withPhoto))
			.doesNotThrowAnyException();
	}
}
