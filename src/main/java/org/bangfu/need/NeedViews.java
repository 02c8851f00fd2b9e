package org.bangfu.need;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.PhotoRenditions;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a caller sees of a need. The public sees a public need masked (张*山家, the village, no cause of
 * poverty), its photos only with the household's consent; its poster, its household and staff in
 * scope also see it before publication, with its history, the reason of a rejection and, for staff
 * in scope, the abuse rules' flags. Anyone else gets 404.
 */
@Component
public class NeedViews {

	private final Needs needs;

	private final NeedPhotos photos;

	private final Households households;

	private final Regions regions;

	private final MessageSource messages;

	private final Clock clock;

	private final HouseholdConfirmations confirmations;

	private final FlagDecisions decisions;

	private final FlagReview flagReview;

	NeedViews(Needs needs, NeedPhotos photos, Households households, Regions regions, MessageSource messages, Clock clock,
			HouseholdConfirmations confirmations, FlagDecisions decisions, FlagReview flagReview) {
		this.confirmations = confirmations;
		this.decisions = decisions;
		this.flagReview = flagReview;
		this.clock = clock;
		this.needs = needs;
		this.photos = photos;
		this.households = households;
		this.regions = regions;
		this.messages = messages;
	}

	/** A line; {@code money}: raised through the fund from gifts of any share (the fund's pages show what is raised). */
	public record ItemView(String kind, String name, int quantity, String unit, long valueFen, int pledgedQuantity, int remainingQuantity,
			boolean money, int id) {
	}

	/**
	 * A photo: {@code url} the display size (1280 px), {@code thumbnailUrl} the old 320 px thumbnail, and the
	 * renditions pages use: {@code smallUrl} 240 px wide ({@code smallHeight} high), {@code screenUrl} 720 px wide.
	 */
	record PhotoView(long id, String url, String thumbnailUrl, int width, int height, String smallUrl, int smallHeight, String screenUrl) {
	}

	record FlagView(String rule, String reason) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NeedView(long id, NeedState state, NeedCategory category, String title, String story, String regionCode, String place,
			String beneficiary, Urgency urgency, LocalDate neededBy, List<ItemView> items, int totalQuantity, int pledgedQuantity,
			int remainingQuantity, long totalValueFen, long pledgedValueFen, int percentPledged, ProductSale sale, LocalDate onSaleFrom,
			String producer, boolean onBehalf, Instant createdAt,
			Instant publishedAt, List<PhotoView> photos, String shareUrl, String qrCodeUrl, Long householdId, String rejectReason,
			List<FlagView> flags, List<Needs.HistoryEntry> history, Long previousNeedId, boolean editable, boolean verifiable,
			boolean withdrawable, Boolean held,
			// the household's own word on a need posted for it (issue 16): {route, at}, or null
			@JsonInclude(JsonInclude.Include.ALWAYS) HouseholdConfirmations.Confirmation householdConfirmation,
			List<DecisionView> flagDecisions, FlagGateView flagGate) {
	}

	/** A verifier's written decision on the flags (issue 16), for staff in scope and supervisors: see {@link FlagDecisions}. */
	record DecisionView(FlagDecisions.Level level, String levelName, org.bangfu.account.Role role, String regionCode, String stationName,
			String approverName, String reason, List<FlagView> flags, int severity, boolean published, Instant at, boolean superseded) {
	}

	/**
	 * What the flags ask of the verifier looking (a submitted need): a written reason, two levels, the level a first
	 * approval waits for with its reason ({@code awaiting}, null when none), and whether this caller may approve now.
	 */
	record FlagGateView(int severity, boolean reasonRequired, boolean twoLevels, FlagDecisions.Level awaiting, String awaitingName,
			String awaitingReason, boolean approvable) {
	}

	static PhotoView photoView(long needId, NeedPhotos.Photo p) {
		String base = "/needs/" + needId + "/photos/" + p.id();
		return new PhotoView(p.id(), base + ".jpg", base + "-thumb.jpg", p.width(), p.height(), base + "-w" + PhotoRenditions.THUMBNAIL + ".jpg",
				PhotoRenditions.heightAt(PhotoRenditions.THUMBNAIL, p.width(), p.height()), base + "-w" + PhotoRenditions.SCREEN + ".jpg");
	}

	/** A photo's file and whether the public may see it (then it may be cached anywhere). */
	public record PhotoFile(Path file, boolean publishable) {
	}

	/**
	 * A need's photo file for the user: the public gets it only while the need is public and the
	 * household consented; its poster, its household and staff in scope always. 404 otherwise.
	 */
	public PhotoFile photo(BangfuUser user, long needId, long photoId, boolean thumbnail) {
		Need need = needs.get(needId);
		boolean publishable = photos.publishable(need);
		if (!publishable && relation(user, need) == Relation.PUBLIC) {
			throw new NotFoundException("need.photo-not-found");
		}
		Path file = photos.file(needId, photoId, thumbnail);
		if (!Files.exists(file)) {
			throw new NotFoundException("need.photo-not-found");
		}
		return new PhotoFile(file, publishable);
	}

	/** Who is looking, in relation to the need. */
	enum Relation {
		PUBLIC, OWNER, STAFF
	}

	Relation relation(BangfuUser user, Need need) {
		if (user == null) {
			return Relation.PUBLIC;
		}
		if (user.inScope(need.regionCode())) {
			return Relation.STAFF;
		}
		if (need.posterId() == user.id() || (need.householdId() != null && user.has(Role.HOUSEHOLD)
				&& households.isOwnAccount(need.householdId(), user.id()))) {
			return Relation.OWNER;
		}
		return Relation.PUBLIC;
	}

	/** The need as the user may see it; 404 for a need that is not public and not the user's. */
	public NeedView view(BangfuUser user, long id, String baseUrl) {
		Need need = needs.get(id);
		Relation relation = relation(user, need);
		if (relation == Relation.PUBLIC && !NeedState.PUBLIC.contains(need.state())) {
			throw new NotFoundException("need.not-found");
		}
		return view(need, relation, user, baseUrl);
	}

	NeedView view(Need need, Relation relation, BangfuUser user, String baseUrl) {
		Household household = need.householdId() == null ? null : households.byId(need.householdId()).orElse(null);
		String place = place(need.regionCode());
		String beneficiary = NeedListing.beneficiary(need.householdId(), household == null ? null : household.headName(), need.producer(),
				place);
		boolean insider = relation != Relation.PUBLIC;
		List<PhotoView> photoViews = insider || photos.publishable(need) ? photos.of(need.id()).stream()
			.map(p -> photoView(need.id(), p))
			.toList() : List.of();
		List<FlagView> flags = relation == Relation.STAFF ? needs.flags(need.id()).stream()
			.map(f -> new FlagView(f.rule(), messages.getMessage(f.messageKey(), f.args().toArray(), f.rule(), LocaleContextHolder.getLocale())))
			.toList() : null;
		boolean overseer = relation == Relation.STAFF || (user != null && NeedReports.reviews(user, need.regionCode()));
		List<DecisionView> decided = overseer ? decisions.of(need.id()).stream().map(this::decisionView).toList() : null;
		FlagReview.Gate gate = relation == Relation.STAFF ? flagReview.gate(user, need) : null;
		boolean editable = insider && (need.state() == NeedState.DRAFT || need.state() == NeedState.REJECTED);
		boolean verifiable = need.state() == NeedState.SUBMITTED && VerificationPolicy.allows(user, need);
		boolean withdrawable = insider && NeedLifecycle.next(need.state(), NeedAction.WITHDRAW).isPresent();
		String share = baseUrl + "/needs/" + need.id();
		List<String> names = insider || need.householdId() == null ? List.of()
				: households.memberNames(List.of(need.householdId())).getOrDefault(need.householdId(), List.of());
		List<ItemView> items = items(need.content().items()).stream()
			.map(i -> new ItemView(i.kind(), insider ? i.name() : PublicText.mask(i.name(), names), i.quantity(), i.unit(), i.valueFen(), i.pledgedQuantity(),
					i.remainingQuantity(), i.money(), i.id()))
			.toList();
		// staff in scope and the poster read the text as written; everyone else with names and numbers masked
		return new NeedView(need.id(), need.state(), need.content().category(),
				insider ? need.content().title() : PublicText.mask(need.content().title(), names),
				insider ? need.content().story() : PublicText.mask(need.content().story(), names), need.regionCode(), place, beneficiary, need.content().urgency(),
				need.content().neededBy(), items,
				need.totalQuantity(), need.pledgedQuantity(), need.remainingQuantity(), need.content().totalValueFen(),
				NeedProgress.pledgedValueFen(need.content().items()), NeedProgress.percent(need.content().items()), need.content().sale(),
				need.content().onSaleFrom(clock.instant()), need.producer(), need.onBehalf(), need.createdAt(), need.publishedAt(), photoViews, share, "/needs/" + need.id() + "/qr.png",
				insider ? need.householdId() : null, insider ? need.rejectReason() : null, flags,
				insider ? needs.history(need.id()) : null, need.previousNeedId(), editable, verifiable, withdrawable,
				// verified and kept back by a campaign's hold until its launch (待集中发布): only insiders ever see such a need
				insider && need.heldBy() != null && need.state() == NeedState.VERIFIED ? Boolean.TRUE : null,
				confirmations.status(need).confirmation(), decided,
				gate == null ? null : new FlagGateView(gate.severity(), gate.reasonRequired(), gate.twoLevels(), gate.awaiting(),
						gate.awaiting() == null ? null : text(gate.awaiting().label()), gate.awaitingReason(), gate.approvable()));
	}

	private DecisionView decisionView(FlagDecisions.Decision d) {
		return new DecisionView(d.level(), text(d.level().label()), d.role(), d.regionCode(), d.regionName(), d.approverName(), d.reason(),
				d.flags().stream().map(f -> new FlagView(f.rule(), text(f.messageKey(), f.args().toArray()))).toList(), d.severity(),
				d.published(), d.at(), d.superseded());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** The lines as views; {@code id} is the line's position (0, 1, …), as pledges and gifts name it. */
	static List<ItemView> items(List<NeedItem> items) {
		return java.util.stream.IntStream.range(0, items.size()).mapToObj(p -> {
			NeedItem i = items.get(p);
			return new ItemView(i.kind(), i.name(), i.quantity(), i.unit(), i.valueFen(), i.pledgedQuantity(), i.remainingQuantity(), i.money(), p);
		}).toList();
	}

	/** County · township · village of a region code, as far as this deployment holds them. */
	String place(String regionCode) {
		Region region = regions.find(RegionCode.parse(regionCode)).orElse(null);
		if (region == null) {
			return regionCode;
		}
		List<String> names = new java.util.ArrayList<>(regions.ancestors(region).stream()
			.filter(r -> r.level().ordinal() >= org.bangfu.region.RegionLevel.COUNTY.ordinal())
			.map(Region::name)
			.toList());
		names.add(region.name());
		return String.join(" · ", names);
	}

	/** A list entry of the API: the card with its story and items. */
	public record Summary(long id, NeedState state, NeedCategory category, String title, String story, String regionCode, String place,
			String beneficiary, Urgency urgency, List<ItemView> items, int totalQuantity, int pledgedQuantity, int remainingQuantity,
			long totalValueFen, long pledgedValueFen, int percentPledged, LocalDate onSaleFrom, Instant publishedAt) {
	}

	public List<Summary> summaries(List<NeedListing.Card> cards) {
		Map<Long, List<NeedItem>> items = needs.itemsOf(cards.stream().map(NeedListing.Card::id).toList());
		return cards.stream()
			.map(c -> new Summary(c.id(), c.state(), c.category(), c.title(), c.story(), c.regionCode(), c.place(), c.beneficiary(),
					c.urgency(), items(items.getOrDefault(c.id(), List.of())), c.totalQuantity(), c.pledgedQuantity(),
					c.remainingQuantity(), c.totalValueFen(), c.pledgedValueFen(), c.percentPledged(), c.onSaleFrom(), c.publishedAt()))
			.toList();
	}
}
