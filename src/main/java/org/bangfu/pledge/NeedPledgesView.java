package org.bangfu.pledge;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.household.Households;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedPledging;
import org.bangfu.need.NeedState;
import org.bangfu.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A need's pledges as its page shows them to one viewer: which pledges they see, the thanks, the
 * pledge form and the steps this viewer may take (receive, rate, pledge). Here, not on the page:
 * these are the pledge's visibility and policy rules, asked in one place.
 */
@Component
public class NeedPledgesView {

	private final Pledging pledging;

	private final Pledges pledges;

	private final Ratings ratings;

	private final NeedPledging needPledging;

	private final Households households;

	private final PledgeVisibility visibility;

	private final Accounts accounts;

	NeedPledgesView(Pledging pledging, Pledges pledges, Ratings ratings, NeedPledging needPledging, Households households,
			PledgeVisibility visibility, Accounts accounts) {
		this.pledging = pledging;
		this.pledges = pledges;
		this.ratings = ratings;
		this.needPledging = needPledging;
		this.households = households;
		this.visibility = visibility;
		this.accounts = accounts;
	}

	/** One line of the pledge form: an item of the need, how much of it is still open. */
	public record FormItem(int position, String name, String unit, int remaining) {
	}

	/** A pledge as the need's page shows it; the actions are those this viewer may take. */
	public record Row(long id, String donor, boolean mine, int quantity, String items, PledgeState state, Instant createdAt,
			Instant deadline, Instant receivedAt, String photoUrl, Integer stars, String thanks, String feedback,
			boolean receivable, boolean ratable) {
	}

	/** Everything the need's pledging part shows; the page puts each into its model under the same name. */
	public record View(long needId, NeedState needState, int remaining, List<Row> rows, long thanksCount, boolean open,
			boolean mayPledge, boolean ownNeed, boolean householdViewer, boolean signedIn, boolean staffInScope,
			List<FormItem> formItems, long defaultDays, long maxDays, boolean receiver, boolean insider) {
	}

	/** The need's pledges, thanks and forms, for the fragment and the full page. */
	public View of(BangfuUser user, long id) {
		NeedPledging.Open need = needPledging.get(id);
		PledgeVisibility.Viewer rel = visibility.of(user, need);
		List<String> names = names(need.householdId());
		Map<Long, Ratings.Shown> thanks = new HashMap<>();
		ratings.ofNeed(id).forEach(s -> thanks.put(s.pledgeId(), s));
		List<Row> rows = new ArrayList<>();
		for (Pledge p : pledges.ofNeed(id)) {
			if (!visibility.lists(rel, p)) {
				continue; // the public sees the help that holds, not what was given back
			}
			boolean mine = rel.isDonorOf(p);
			Ratings.Shown shown = thanks.get(p.id());
			boolean open = p.state() == PledgeState.COMMITTED || p.state() == PledgeState.IN_TRANSIT;
			rows.add(new Row(p.id(), donorName(p.donorId()), mine, p.quantity(), PledgeTexts.describe(p.items(), need.items(), names), p.state(),
					p.createdAt(), p.deadlineShown(), p.receivedAt(), ReceiptPhotoAccess.url(rel, p),
					shown == null ? null : shown.stars(), shown == null ? null : PledgeTexts.mask(shown.thanks(), names),
					shown == null ? null : PledgeTexts.mask(shown.feedback(), names), open && ReceiptConfirmation.allows(user, rel.household(), p),
					rel.receiver() && p.state() == PledgeState.RECEIVED && (shown == null || shown.stars() == null)));
		}
		List<FormItem> items = new ArrayList<>();
		for (int i = 0; i < need.items().size(); i++) {
			NeedItem item = need.items().get(i);
			if (!item.money()) { // a money line is given to through the fund's form, in any amount
				items.add(new FormItem(i, PledgeTexts.mask(item.name(), names), item.unit(), item.remainingQuantity()));
			}
		}
		// a product sale outside its sales window: the need's page says from when; only money left: the fund's form is the way
		boolean open = need.pledgeable() && items.stream().anyMatch(i -> i.remaining() > 0);
		long thanksCount = rows.stream().filter(r -> r.thanks() != null || r.stars() != null || r.feedback() != null).count();
		return new View(id, need.state(), need.remainingQuantity(), rows, thanksCount, open,
				open && PledgeEligibility.allows(user, rel.household(), need), rel.household(), user != null && user.householdOnly(),
				user != null, user != null && user.inScope(need.regionCode()), items, pledging.defaultDeadline().toDays(),
				Pledging.MAX_DEADLINE.toDays(), rel.receiver(), rel.insider());
	}

	/** A pledge the viewer may see listed, with its receipt photo's address when they may see the photo (else null). */
	public record Listed(Pledge pledge, String photoUrl) {
	}

	/** The need's pledges this viewer sees listed: the public sees the help that holds, not what was given back. */
	public List<Listed> listed(BangfuUser user, long needId) {
		PledgeVisibility.Viewer viewer = visibility.of(user, needPledging.get(needId));
		return pledges.ofNeed(needId).stream().filter(p -> visibility.lists(viewer, p)).map(p -> new Listed(p, ReceiptPhotoAccess.url(viewer, p)))
			.toList();
	}

	/** A receipt photo's file and whether the public may see it (then it may be cached anywhere). */
	public record ReceiptPhoto(Path file, boolean publishable) {
	}

	/** A pledge's receipt photo for this viewer; 404 when the pledge's need or the photo is not theirs to see. */
	public ReceiptPhoto receiptPhoto(BangfuUser user, long pledgeId) {
		Pledge p = pledges.get(pledgeId);
		PledgeVisibility.Viewer viewer;
		try {
			viewer = visibility.of(user, needPledging.get(p.needId()));
		}
		catch (NotFoundException e) {
			throw new NotFoundException("pledge.not-found");
		}
		ReceiptPhotoAccess.require(viewer, p);
		return new ReceiptPhoto(pledging.receiptPhoto(pledgeId, false), viewer.photosPublic());
	}

	/** A donor as the public sees them: a person masked (张*三), an enterprise or organisation in full. */
	private String donorName(long donorId) {
		return accounts.findById(donorId).map(DonorNames::shown).orElse("");
	}

	private List<String> names(Long householdId) {
		return householdId == null ? List.of() : households.memberNames(List.of(householdId)).getOrDefault(householdId, List.of());
	}
}
