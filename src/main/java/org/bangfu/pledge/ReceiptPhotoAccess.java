package org.bangfu.pledge;

import org.bangfu.shared.NotFoundException;

/**
 * Who may see a pledge's receipt photo (it shows the household's home and goods): everyone when the household
 * consented to publishing photos (or the need has no household), else only the pledge's donor, the household's own
 * account and staff whose scope holds the pledge. The need's page, the API and the photo itself all ask here.
 */
public final class ReceiptPhotoAccess {

	private ReceiptPhotoAccess() {
	}

	/** Whether the viewer (as {@link PledgeVisibility} found it) may see the pledge's receipt photo, when there is one. */
	static boolean allows(PledgeVisibility.Viewer viewer, Pledge p) {
		return p.receiptPhoto() != null && (viewer.photosPublic() || viewer.isDonorOf(p) || viewer.household()
				|| (viewer.user() != null && viewer.user().inScope(p.regionCode())));
	}

	/** The photo's address for this viewer, or null when there is none it may see. */
	static String url(PledgeVisibility.Viewer viewer, Pledge p) {
		return allows(viewer, p) ? address(p) : null;
	}

	/**
	 * The photo's address for one of the pledge's own parties (its donor, or the receiving side who took it, who is the
	 * household or staff over it): the rule always lets them see it, so no viewer need be looked up.
	 */
	public static String forParty(Pledge p) {
		return address(p);
	}

	/** Refuses the photo to one who may not see it, or when there is none: 404, as if it did not exist. */
	static void require(PledgeVisibility.Viewer viewer, Pledge p) {
		if (!allows(viewer, p)) {
			throw new NotFoundException("pledge.not-found");
		}
	}

	private static String address(Pledge p) {
		return p.receiptPhoto() == null ? null : "/pledges/" + p.id() + "/receipt.jpg";
	}
}
