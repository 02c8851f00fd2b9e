package org.bangfu.need;

import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotPermittedException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.household.Consents;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posting a need: by the household itself, or by staff on its behalf (代发) only while the household's
 * consent to that is on record; a producer's or a village's need by staff of its region, a county's
 * own need by its county center or the city office. Then editing while it is a draft or rejected, submitting (the category's hard limits and required
 * photos are checked, and the abuse rules flag it for the verifier), and withdrawing.
 */
@Component
public class NeedPosting {

	private final Needs needs;

	private final CategoryRules rules;

	private final AbuseRules abuse;

	private final NeedPhotos photos;

	private final Households households;

	private final Consents consents;

	private final Regions regions;

	private final OperationLog log;

	private final Clock clock;

	public NeedPosting(Needs needs, CategoryRules rules, AbuseRules abuse, NeedPhotos photos, Households households, Consents consents,
			Regions regions, OperationLog log, Clock clock) {
		this.needs = needs;
		this.rules = rules;
		this.abuse = abuse;
		this.photos = photos;
		this.households = households;
		this.consents = consents;
		this.regions = regions;
		this.log = log;
		this.clock = clock;
	}

	/** Whom a new need is for: a household of the registry, a producer (cooperative, company) or a village. */
	public record Subject(Long householdId, String producer, String regionCode) {
	}

	@Transactional
	public Need create(BangfuUser poster, Subject subject, NeedContent content) {
		String regionCode;
		Long householdId = null;
		boolean onBehalf;
		if (poster.has(Role.HOUSEHOLD) && !poster.isStaff()) {
			Household own = households.ofAccount(poster.id()).orElseThrow(() -> new NotPermittedException("need.household-not-linked"));
			if (subject.householdId() != null && subject.householdId() != own.id()) {
				throw new NotFoundException("household.not-found");
			}
			householdId = own.id();
			regionCode = own.regionCode();
			onBehalf = false;
		}
		else if (poster.isStaff()) {
			onBehalf = true;
			if (subject.householdId() != null) {
				Household h = households.inScopeOf(poster, subject.householdId());
				requireConsent(h.id());
				householdId = h.id();
				regionCode = h.regionCode();
			}
			else {
				regionCode = unitInScope(poster, subject.regionCode());
				if (content.category() != NeedCategory.VILLAGE && blank(subject.producer())) {
					throw new BadInputException("need.subject-required");
				}
			}
		}
		else {
			throw new NotPermittedException("need.post-forbidden");
		}
		String producer = householdId == null && !blank(subject.producer()) ? subject.producer().strip() : null;
		if (producer != null && producer.length() > 60) {
			throw new BadInputException("need.producer-length");
		}
		NeedContent checked = check(content);
		Instant now = clock.instant();
		long id = needs.insert(regionCode, householdId, producer, poster.id(), ReportingUnit.of(poster, regionCode), onBehalf, checked,
				null, now);
		log.record(poster.id(), "need.create", "need:" + id, regionCode, checked.category() + " " + checked.title());
		return needs.get(id);
	}

	/**
	 * A need posted again as a new draft with the same content: a product-sales need for the next
	 * production cycle (from any state but draft), any other need once it expired or was withdrawn.
	 */
	@Transactional
	public Need repost(BangfuUser by, long previousId) {
		Need previous = editable(by, needs.get(previousId));
		NeedContent c = previous.content();
		boolean allowed = c.category() == NeedCategory.PRODUCT_SALES ? previous.state() != NeedState.DRAFT
				: previous.state() == NeedState.EXPIRED || previous.state() == NeedState.WITHDRAWN;
		if (!allowed) {
			throw new ConflictException("need.repost-state");
		}
		if (previous.householdId() != null && previous.onBehalf()) {
			requireConsent(previous.householdId());
		}
		List<NeedItem> fresh = c.items().stream().map(i -> i.pledged(0)).toList();
		NeedContent next = new NeedContent(c.category(), c.title(), c.story(), fresh, c.urgency(), null, c.sale());
		long id = needs.insert(previous.regionCode(), previous.householdId(), previous.producer(), by.id(),
				ReportingUnit.of(by, previous.regionCode()), previous.onBehalf(), next, previous.id(), clock.instant());
		log.record(by.id(), "need.repost", "need:" + id, previous.regionCode(), "after need:" + previous.id());
		return needs.get(id);
	}

	@Transactional
	public Need edit(BangfuUser by, long id, NeedContent content) {
		Need need = editable(by, needs.get(id));
		need.edit(check(content), by.id(), clock.instant());
		needs.save(need);
		return needs.get(id);
	}

	@Transactional
	public Need submit(BangfuUser by, long id) {
		Need need = editable(by, needs.get(id));
		if (need.onBehalf() && need.householdId() != null) {
			requireConsent(need.householdId());
		}
		CategoryRule rule = rules.of(need.content().category());
		checkLimits(need.content(), rule);
		int photoCount = photos.count(id);
		if (photoCount < rule.minPhotos()) {
			throw new BadInputException("need.photos-required", new org.springframework.context.support.DefaultMessageSourceResolvable(
					need.content().category().label()), rule.minPhotos());
		}
		need.submit(by.id(), clock.instant());
		needs.save(need);
		needs.replaceFlags(id, abuse.check(need, rule));
		log.record(by.id(), "need.submit", "need:" + id, need.regionCode(), null);
		return needs.get(id);
	}

	@Transactional
	public Need withdraw(BangfuUser by, long id, String reason) {
		Need need = editable(by, needs.get(id));
		need.withdraw(by.id(), reason, clock.instant());
		needs.save(need);
		log.record(by.id(), "need.withdraw", "need:" + id, need.regionCode(), reason);
		return needs.get(id);
	}

	/**
	 * The need, if the caller may change it: its poster, the household it belongs to, or staff whose
	 * scope contains it. Anyone else gets 404, as if it did not exist.
	 */
	public Need editable(BangfuUser by, Need need) {
		boolean poster = need.posterId() == by.id();
		boolean ownHousehold = need.householdId() != null && by.has(Role.HOUSEHOLD)
				&& households.isOwnAccount(need.householdId(), by.id());
		if (!poster && !ownHousehold && !by.inScope(need.regionCode())) {
			throw new NotFoundException("need.not-found");
		}
		return need;
	}

	private void requireConsent(long householdId) {
		if (!consents.allowsPostingOnBehalf(householdId)) {
			throw new NotPermittedException("need.consent-missing");
		}
	}

	private String unitInScope(BangfuUser poster, String code) {
		if (blank(code)) {
			throw new BadInputException("need.region-required");
		}
		Region region = regions.find(RegionCode.parse(code)).orElseThrow(() -> new NotFoundException("region.not-found", code));
		if (!poster.inScope(region.code())) {
			throw new NotFoundException("region.not-found", code);
		}
		if (region.level() == RegionLevel.COUNTY) {
			// a poor county's needs: collected by its county center (or the city office), verified by the city office
			if (poster.staffGrants().stream().noneMatch(g -> (g.role() == Role.COUNTY_ADMIN || g.role() == Role.CITY_ADMIN) && g.covers(region.code()))) {
				throw new NotPermittedException("need.county-poster");
			}
		}
		else if (region.level() != RegionLevel.VILLAGE && region.level() != RegionLevel.TOWNSHIP) {
			throw new BadInputException("need.region-level");
		}
		return region.code();
	}

	/** The checks every draft passes: complete, sane numbers, item kinds of the category, the category's value caps. */
	NeedContent check(NeedContent c) {
		if (c == null || c.category() == null) {
			throw new BadInputException("need.category-required");
		}
		String title = strip(c.title());
		String story = strip(c.story());
		if (title.length() < 4 || title.length() > 60) {
			throw new BadInputException("need.title-length", 4, 60);
		}
		if (story.length() < 10 || story.length() > 2000) {
			throw new BadInputException("need.story-length", 10, 2000);
		}
		if (c.items() == null || c.items().isEmpty()) {
			throw new BadInputException("need.items-required");
		}
		if (c.items().size() > 20) {
			throw new BadInputException("need.items-too-many", 20);
		}
		CategoryRule rule = rules.of(c.category());
		List<NeedItem> items = new ArrayList<>();
		int line = 0;
		for (NeedItem i : c.items()) {
			line++;
			if (i == null || blank(i.name()) || i.name().strip().length() > 40) {
				throw new BadInputException("need.item-name", line);
			}
			if (i.quantity() <= 0 || i.quantity() > 1_000_000) {
				throw new BadInputException("need.item-quantity", line);
			}
			if (i.valueFen() < 0) {
				throw new BadInputException("need.item-value-negative", line);
			}
			if (blank(i.unit()) || i.unit().strip().length() > 10) {
				throw new BadInputException("need.item-unit", line);
			}
			String kind = blank(i.kind()) ? null : i.kind().strip();
			if (kind != null && !rule.itemKinds().contains(kind)) {
				throw new BadInputException("need.item-kind", line, kind, String.join("、", rule.itemKinds()));
			}
			items.add(new NeedItem(kind, i.name().strip(), i.quantity(), i.unit().strip(), i.valueFen(), 0, i.money()).checked(line));
		}
		if (c.urgency() == null) {
			throw new BadInputException("need.urgency-required");
		}
		if (c.neededBy() != null && c.neededBy().isBefore(LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))))) {
			throw new BadInputException("need.needed-by-past");
		}
		ProductSale sale = null;
		if (c.category() == NeedCategory.PRODUCT_SALES) {
			ProductSale s = c.sale();
			if (s == null || blank(s.product()) || s.priceFen() <= 0) {
				throw new BadInputException("need.sale-required");
			}
			if (s.fromMonth() < 1 || s.fromMonth() > 12 || s.toMonth() < 1 || s.toMonth() > 12) {
				throw new BadInputException("need.sale-months");
			}
			sale = new ProductSale(s.product().strip(), s.priceFen(), blank(s.productionCycle()) ? null : s.productionCycle().strip(),
					s.fromMonth(), s.toMonth());
		}
		NeedContent checked = new NeedContent(c.category(), title, story, items, c.urgency(), c.neededBy(), sale);
		checkLimits(checked, rule);
		return checked;
	}

	private static void checkLimits(NeedContent c, CategoryRule rule) {
		int line = 0;
		for (NeedItem i : c.items()) {
			line++;
			if (i.valueFen() > rule.maxItemValueFen()) {
				throw new BadInputException("need.item-value-cap", line, AbuseRules.yuan(rule.maxItemValueFen()));
			}
		}
		if (c.totalValueFen() > rule.maxNeedValueFen()) {
			throw new BadInputException("need.value-cap", AbuseRules.yuan(rule.maxNeedValueFen()));
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String strip(String s) {
		return s == null ? "" : s.strip();
	}
}
