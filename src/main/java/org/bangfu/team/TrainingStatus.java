package org.bangfu.team;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.account.StaffGrants;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * Who has been trained, in a region of the caller's scope: the counted staff (officers, managers, county admins) from
 * account's staff directory, with their completion date or none, and the counts and the share trained per region one
 * level down (townships for a county, counties for the city). A city's report counts only; below it, people are named.
 */
@Component
public class TrainingStatus {

	/** Safety bound on the directory's pages (100 a page): a province's staff would need a paged report. */
	private static final int MAX_PAGES = 200;

	private final StaffGrants staff;

	private final Regions regions;

	private final Training training;

	TrainingStatus(StaffGrants staff, Regions regions, Training training) {
		this.staff = staff;
		this.regions = regions;
		this.training = training;
	}

	/** A counted grant and its holder's completion (null: not trained). */
	public record Person(long accountId, String name, String phone, Role role, String regionCode, String regionName, Instant trainedAt) {

		public boolean trained() {
			return trainedAt != null;
		}
	}

	/**
	 * The counts of a region one level down (or of the region itself, for the staff granted at its own level).
	 *
	 * @param share trained ÷ staff, per cent rounded down (0 without staff)
	 */
	public record Group(Region region, boolean own, int staff, int trained, int share) {

		public int untrained() {
			return staff - trained;
		}
	}

	/** @param perPerson whether people are listed (below the city) */
	public record Report(Region region, boolean perPerson, List<Group> groups, List<Person> people, int staff, int trained, int share) {
	}

	/** Who may read the status: county and city admins, and a township manager for its township. */
	public static boolean reads(BangfuUser user) {
		return user != null && (user.has(Role.COUNTY_ADMIN) || user.has(Role.CITY_ADMIN) || user.has(Role.TOWNSHIP_MANAGER));
	}

	/** The report of the region (blank: the caller's own scope); a region outside the caller's scope is 404. */
	public Report of(BangfuUser user, String regionCode) {
		if (!reads(user)) {
			throw new NotPermittedException("training.status.forbidden");
		}
		Region region = user.scopeFor(regionCode == null || regionCode.isBlank() ? null : regions.get(RegionCode.parse(regionCode.strip())));
		List<Person> people = people(user, region);
		List<Region> below = regions.children(region.regionCode(), null).stream().map(Regions.RegionNode::region).toList();
		Map<String, Set<Long>> staffOf = new LinkedHashMap<>(), trainedOf = new LinkedHashMap<>();
		staffOf.put(region.code(), new HashSet<>());
		trainedOf.put(region.code(), new HashSet<>());
		below.forEach(r -> {
			staffOf.put(r.code(), new HashSet<>());
			trainedOf.put(r.code(), new HashSet<>());
		});
		for (Person p : people) {
			String group = below.stream().filter(r -> r.contains(p.regionCode())).map(Region::code).findFirst().orElse(region.code());
			staffOf.get(group).add(p.accountId());
			if (p.trained()) {
				trainedOf.get(group).add(p.accountId());
			}
		}
		List<Group> groups = new ArrayList<>();
		if (!staffOf.get(region.code()).isEmpty()) {
			groups.add(group(region, true, staffOf, trainedOf));
		}
		below.forEach(r -> groups.add(group(r, false, staffOf, trainedOf)));
		Set<Long> all = new HashSet<>(), trained = new HashSet<>();
		people.forEach(p -> {
			all.add(p.accountId());
			if (p.trained()) {
				trained.add(p.accountId());
			}
		});
		boolean perPerson = region.level() != RegionLevel.CITY && region.level() != RegionLevel.PROVINCE;
		return new Report(region, perPerson, groups, perPerson ? people : List.of(), all.size(), trained.size(), share(trained.size(), all.size()));
	}

	private static Group group(Region r, boolean own, Map<String, Set<Long>> staffOf, Map<String, Set<Long>> trainedOf) {
		int n = staffOf.get(r.code()).size(), t = trainedOf.get(r.code()).size();
		return new Group(r, own, n, t, share(t, n));
	}

	private static int share(int part, int whole) {
		return whole == 0 ? 0 : part * 100 / whole;
	}

	private List<Person> people(BangfuUser user, Region region) {
		List<StaffGrants.StaffMember> members = new ArrayList<>();
		for (int page = 0; page < MAX_PAGES; page++) {
			List<StaffGrants.StaffMember> batch = staff.directory(user, region.code(), page);
			batch.stream().filter(m -> Training.COUNTED.contains(m.role())).forEach(members::add);
			if (batch.size() < 100) {
				break;
			}
		}
		Map<Long, Instant> done = training.completions(members.stream().map(StaffGrants.StaffMember::accountId).distinct().toList());
		// the untrained first: they are whom the county calls; otherwise the directory's order (level, region, role)
		return members.stream()
			.map(m -> new Person(m.accountId(), m.name(), m.phone(), m.role(), m.regionCode(), m.regionName(), done.get(m.accountId())))
			.sorted(java.util.Comparator.comparing(Person::trained))
			.toList();
	}
}
