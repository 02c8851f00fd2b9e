package org.bangfu.pledge;

import org.bangfu.account.BangfuUser;
import org.bangfu.household.Consents;
import org.bangfu.household.Households;
import org.bangfu.need.NeedPledging;
import org.bangfu.need.NeedState;
import org.bangfu.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who sees what of a need's pledges, for the need's page, the API and the receipt photo alike: the
 * need's pledges only where the need is public (or to its insiders: the household, the poster,
 * staff in scope); the public sees the help that holds, not what was cancelled or lapsed. What the viewer
 * is to the need is what the policies ask: {@link ReceiptConfirmation} (the receiving side) and
 * {@link ReceiptPhotoAccess}.
 */
@Component
public class PledgeVisibility {

	private final Households households;

	private final Consents consents;

	PledgeVisibility(Households households, Consents consents) {
		this.households = households;
		this.consents = consents;
	}

	/** What the viewer (null: the public) is to the need; {@code receiver}: the receiving side ({@link ReceiptConfirmation}). */
	record Viewer(BangfuUser user, boolean household, boolean receiver, boolean insider, boolean photosPublic) {

		boolean isDonorOf(Pledge p) {
			return user != null && user.id() == p.donorId();
		}
	}

	/** The viewer of the need's pledges; 404 when the need is not public and the viewer is not one of its insiders. */
	public Viewer of(BangfuUser user, NeedPledging.Open need) {
		boolean household = user != null && households.isOwnAccount(need.householdId(), user.id());
		boolean receiver = ReceiptConfirmation.receives(user, household, need.regionCode());
		boolean insider = household || (user != null && (user.inScope(need.regionCode()) || user.id() == need.posterId()));
		if (!NeedState.PUBLIC.contains(need.state()) && !insider) {
			throw new NotFoundException("need.not-found");
		}
		boolean photosPublic = need.householdId() == null || consents.allowsPublishingPhotos(need.householdId());
		return new Viewer(user, household, receiver, insider, photosPublic);
	}

	/** Whether the viewer sees the pledge in the need's list. */
	boolean lists(Viewer viewer, Pledge p) {
		return p.state().active() || viewer.insider() || viewer.isDonorOf(p);
	}
}
