package org.bangfu.fieldwork;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.household.Consent;
import org.bangfu.household.Consents;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.need.CategoryRule;
import org.bangfu.need.CategoryRules;
import org.bangfu.need.NeedCategory;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an officer syncs before going out (docs/offline.md): its villages, their households as it sees them online
 * (the household module's {@link Household} view: the head's name, masked ID and phone are not even carried), each
 * with its {@link HouseholdVersion} and active consents, and the category rules the need form checks.
 */
@Component
public class OfflinePack {

	/** The categories an offline draft may have: a household's needs (a village's project or a product sale are posted online). */
	static final List<NeedCategory> CATEGORIES = List.of(NeedCategory.MEDICAL, NeedCategory.EDUCATION, NeedCategory.HOUSING,
			NeedCategory.ORPHAN_CARE, NeedCategory.ELDERLY_CARE, NeedCategory.CENTRAL_SUPPORT, NeedCategory.OTHER);

	private final Households households;

	private final Consents consents;

	private final CategoryRules rules;

	private final Regions regions;

	private final MessageSource messages;

	private final Clock clock;

	OfflinePack(Households households, Consents consents, CategoryRules rules, Regions regions, MessageSource messages, Clock clock) {
		this.households = households;
		this.consents = consents;
		this.rules = rules;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	public record Pack(Instant generatedAt, long accountId, List<RegionEntry> regions, List<HouseholdEntry> households,
			List<CategoryRule> categoryRules, List<CategoryEntry> categories) {
	}

	public record RegionEntry(String code, String name, RegionLevel level) {
	}

	/**
	 * @param version changes whenever the household or its consents change ({@link HouseholdVersion}); sent back with a draft
	 * @param postingConsent whether an active consent to posting on its behalf is on record (else the draft must record one)
	 */
	public record HouseholdEntry(long id, String householdNumber, String regionCode, String regionName, String headName, int memberCount,
			String version, List<ConsentEntry> consents, boolean postingConsent, boolean hasPublicityConsent) {
	}

	/** An active consent: kind POST_ON_BEHALF, PUBLISH_PHOTOS or PUBLICITY; consents do not expire (validUntil null) until revoked. */
	public record ConsentEntry(String kind, LocalDate validUntil) {
	}

	public record CategoryEntry(String code, String label) {
	}

	/** 403 unless the user collects in the field: a village officer or a township manager. */
	public static void requireCollector(BangfuUser user) {
		FieldRegions.of(user);
	}

	@Transactional(readOnly = true)
	public Pack of(BangfuUser user) {
		List<Region> field = FieldRegions.of(user);
		Map<String, RegionEntry> regionEntries = new LinkedHashMap<>();
		List<HouseholdEntry> entries = new ArrayList<>();
		for (Region r : field) {
			regionEntries.put(r.code(), new RegionEntry(r.code(), r.name(), r.level()));
			if (r.level() != RegionLevel.VILLAGE) {
				regions.villagesUnder(r).forEach(v -> regionEntries.putIfAbsent(v.code(), new RegionEntry(v.code(), v.villageName(), RegionLevel.VILLAGE)));
			}
			for (int page = 0;; page++) {
				List<Household> found = households.within(r, null, false, page);
				found.forEach(h -> entries.add(entry(h)));
				if (found.size() < 100) {
					break;
				}
			}
		}
		List<CategoryEntry> categories = CATEGORIES.stream()
			.map(c -> new CategoryEntry(c.name(), messages.getMessage(c.label(), null, c.name(), LocaleContextHolder.getLocale())))
			.toList();
		List<CategoryRule> categoryRules = rules.all().stream().filter(r -> CATEGORIES.contains(r.category())).toList();
		return new Pack(clock.instant(), user.id(), List.copyOf(regionEntries.values()), entries, categoryRules, categories);
	}

	private HouseholdEntry entry(Household h) {
		List<Consent> all = consents.of(h.id());
		List<ConsentEntry> active = new ArrayList<>();
		for (Consent c : all) {
			if (!c.active()) {
				continue;
			}
			if (c.postOnBehalf()) {
				active.add(new ConsentEntry("POST_ON_BEHALF", null));
			}
			if (c.publishPhotos()) {
				active.add(new ConsentEntry("PUBLISH_PHOTOS", null));
			}
			if (c.publicity()) {
				active.add(new ConsentEntry("PUBLICITY", null));
			}
		}
		List<ConsentEntry> distinct = active.stream().distinct().toList();
		return new HouseholdEntry(h.id(), h.householdNumber(), h.regionCode(), h.regionName(), h.headName(), h.memberCount(),
				HouseholdVersion.of(h, all), distinct, distinct.stream().anyMatch(c -> c.kind().equals("POST_ON_BEHALF")),
				distinct.stream().anyMatch(c -> c.kind().equals("PUBLICITY")));
	}
}
