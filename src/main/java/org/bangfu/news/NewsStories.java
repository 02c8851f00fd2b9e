package org.bangfu.news;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Position;
import org.bangfu.account.Positions;
import org.bangfu.account.Role;
import org.bangfu.household.Consents;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.Masking;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.PhotoProcessing;
import org.bangfu.shared.RegionCode;
import org.bangfu.shared.TooLargeException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * News and stories of help given: written by the city office or by a county admin whose grant carries the position
 * 媒体管理员 (media administrator), for a region of its scope; published, withdrawn. A story about a household needs the
 * household's consent to publicity (at writing and again at publishing), and a photo with it also its consent to
 * publishing photos; the household's names in the texts are masked when written, and only its masked head's name kept.
 */
@Component
public class NewsStories {

	static final int MAX_TITLE = 80;

	static final int MAX_BODY = 5000;

	private final NewsStore store;

	private final Regions regions;

	private final Positions positions;

	private final Households households;

	private final Consents consents;

	private final OperationLog log;

	private final Path photos;

	private final Clock clock;

	NewsStories(NewsStore store, Regions regions, Positions positions, Households households, Consents consents, OperationLog log,
			BangfuProperties properties, Clock clock) {
		this.store = store;
		this.regions = regions;
		this.positions = positions;
		this.households = households;
		this.consents = consents;
		this.log = log;
		this.photos = properties.dataDir().resolve("uploads").resolve("news");
		this.clock = clock;
	}

	/** @param regionCode blank for a story: the household's village; householdId only for a story */
	public record Draft(String kind, String title, String body, String regionCode, Long householdId) implements java.io.Serializable {
	}

	/** Whether the user may write news at all (sees the form): the city office, or a county's media administrator. */
	public boolean mayWrite(BangfuUser user) {
		return user.staffGrants().stream().anyMatch(g -> g.role() == Role.CITY_ADMIN
				|| (g.role() == Role.COUNTY_ADMIN && positions.holds(user, Position.MEDIA_ADMINISTRATOR, g.region().code())));
	}

	@Transactional
	public long write(BangfuUser by, Draft draft, InputStream photo, long photoSize) {
		if (!by.isStaff()) {
			throw new NotPermittedException("news.not-media");
		}
		NewsKind kind = kind(draft);
		Household household = draft.householdId() == null ? null : households.inScopeOf(by, draft.householdId());
		String code = draft.regionCode() == null || draft.regionCode().isBlank() ? household == null ? null : household.regionCode()
				: draft.regionCode();
		if (code == null) {
			throw new BadInputException("news.region-required");
		}
		Region region = by.scopeFor(regions.get(RegionCode.parse(code)));
		requireWriter(by, region.code());
		if (household != null && !region.contains(household.regionCode())) {
			throw new BadInputException("news.story.household-outside", region.name());
		}
		if (household != null && !consents.allowsPublicity(household.id())) {
			throw new BadInputException("news.story.no-consent");
		}
		boolean hasPhoto = photo != null && photoSize > 0;
		if (household != null && hasPhoto && !consents.allowsPublishingPhotos(household.id())) {
			throw new BadInputException("news.story.no-photo-consent");
		}
		String title = text(draft.title(), MAX_TITLE, "news.title-required");
		String body = text(draft.body(), MAX_BODY, "news.body-required");
		String masked = null;
		if (household != null) {
			Households.PublicNames names = households.publicNames(List.of(household.id())).get(household.id());
			title = maskNames(title, names.all());
			body = maskNames(body, names.all());
			masked = Masking.name(names.head());
		}
		PhotoProcessing.Processed processed = hasPhoto ? process(photo, photoSize) : null;
		long id = store.insert(kind, Masking.numbersIn(title), Masking.numbersIn(body), region.code(), household == null ? null : household.id(),
				masked, processed != null, by.id(), clock.instant());
		if (processed != null) {
			processed.writeTo(photos, String.valueOf(id));
		}
		log.record(by.id(), "news.create", "news:" + id, region.code(), title);
		return id;
	}

	/** A photo for a draft (the API's way; the page sends it with the text), replacing any before. */
	@Transactional
	public void attachPhoto(BangfuUser by, long id, InputStream photo, long photoSize) {
		NewsItem item = forWriter(by, id);
		if (item.state() != NewsState.DRAFT) {
			throw new org.bangfu.shared.ConflictException("news.state-conflict", item.state().name());
		}
		if (photo == null || photoSize <= 0) {
			throw new BadInputException("news.photo-required");
		}
		if (item.householdId() != null && !consents.allowsPublishingPhotos(item.householdId())) {
			throw new BadInputException("news.story.no-photo-consent");
		}
		PhotoProcessing.Processed processed = process(photo, photoSize);
		store.markPhoto(id);
		processed.writeTo(photos, String.valueOf(id));
	}

	@Transactional
	public void publish(BangfuUser by, long id) {
		NewsItem item = forWriter(by, id);
		if (item.householdId() != null && !consents.allowsPublicity(item.householdId())) {
			throw new BadInputException("news.story.no-consent"); // revoked since it was written
		}
		change(item, item.publish(clock.instant()));
		log.record(by.id(), "news.publish", "news:" + id, item.regionCode(), item.title());
	}

	@Transactional
	public void withdraw(BangfuUser by, long id) {
		NewsItem item = forWriter(by, id);
		change(item, item.withdraw(clock.instant()));
		log.record(by.id(), "news.withdraw", "news:" + id, item.regionCode(), item.title());
	}

	/** Published items for everyone, newest first: all of them, or a region's (its subtree's and its ancestors'). */
	public List<NewsItem> published(String regionCode, int page) {
		Region region = regionCode == null || regionCode.isBlank() ? null : regions.get(RegionCode.parse(regionCode));
		return published(region, 20, Math.min(Math.max(page, 0), 100_000) * 20);
	}

	/** The newest published items of a region page (or the home page, region null). */
	public List<NewsItem> latest(Region region, int n) {
		return published(region, n, 0);
	}

	private List<NewsItem> published(Region region, int limit, int offset) {
		List<String> ancestors = region == null ? List.of() : regions.ancestors(region).stream().map(Region::code).toList();
		return store.published(region, ancestors, limit, offset);
	}

	/** A published item for everyone; a draft or withdrawn one only for staff over its region; else 404. */
	public NewsItem get(long id, BangfuUser viewer) {
		return store.find(id)
			.filter(n -> n.state() == NewsState.PUBLISHED || (viewer != null && viewer.inScope(n.regionCode())))
			.orElseThrow(() -> new NotFoundException("news.not-found"));
	}

	/** The photo of an item the viewer may read. */
	public Optional<Path> photo(long id, BangfuUser viewer) {
		NewsItem item = get(id, viewer);
		Path file = photos.resolve(id + ".jpg");
		return item.photo() && Files.exists(file) ? Optional.of(file) : Optional.empty();
	}

	/** The items of the writer's regions in every state (the manage page). */
	public List<NewsItem> ofWriter(BangfuUser by) {
		if (!mayWrite(by)) {
			throw new NotPermittedException("news.not-media");
		}
		return store.within(by.staffGrants().stream().map(Grant::region).toList(), 100);
	}

	private NewsItem forWriter(BangfuUser by, long id) {
		NewsItem item = store.find(id).filter(n -> by.inScope(n.regionCode())).orElseThrow(() -> new NotFoundException("news.not-found"));
		requireWriter(by, item.regionCode());
		return item;
	}

	private void change(NewsItem from, NewsItem to) {
		if (!store.save(to, from.state())) {
			throw new org.bangfu.shared.ConflictException("news.state-conflict", from.state().name());
		}
	}

	/** The region lies in the caller's scope (checked before): the city office, or a media administrator over it. */
	private void requireWriter(BangfuUser by, String regionCode) {
		boolean city = by.staffGrants().stream().anyMatch(g -> g.role() == Role.CITY_ADMIN && g.covers(regionCode));
		boolean media = by.staffGrants().stream().anyMatch(g -> g.role() == Role.COUNTY_ADMIN && g.covers(regionCode))
				&& positions.holds(by, Position.MEDIA_ADMINISTRATOR, regionCode);
		if (!city && !media) {
			throw new NotPermittedException("news.not-media");
		}
	}

	private static NewsKind kind(Draft draft) {
		if (draft.kind() == null || draft.kind().isBlank()) {
			return draft.householdId() == null ? NewsKind.NEWS : NewsKind.STORY;
		}
		try {
			NewsKind kind = NewsKind.valueOf(draft.kind().strip().toUpperCase(Locale.ROOT));
			if (kind == NewsKind.NEWS && draft.householdId() != null) {
				throw new BadInputException("news.household-only-in-story");
			}
			return kind;
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("news.kind.unknown", draft.kind());
		}
	}

	private static String text(String s, int max, String requiredKey) {
		if (s == null || s.isBlank()) {
			throw new BadInputException(requiredKey);
		}
		if (s.strip().length() > max) {
			throw new BadInputException("news.too-long", max);
		}
		// line breaks and tabs are text; other control characters (NUL among them) and lone surrogates are not
		if (s.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || (c >= 0xD800 && c <= 0xDFFF))) {
			throw new BadInputException("news.text-invalid");
		}
		return s.strip();
	}

	/** Every name of the household's members written into the text, masked (张*三), longest first. */
	static String maskNames(String text, List<String> names) {
		String out = text;
		for (String name : names.stream().filter(n -> n != null && n.strip().length() > 1).map(String::strip).distinct()
			.sorted((a, b) -> b.length() - a.length()).toList()) {
			out = out.replace(name, Masking.name(name));
		}
		return out;
	}

	private static PhotoProcessing.Processed process(InputStream photo, long size) {
		if (size > PhotoProcessing.MAX_BYTES) {
			throw new TooLargeException("upload.photo.too-large", 10);
		}
		try (InputStream in = photo) {
			return PhotoProcessing.process(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
