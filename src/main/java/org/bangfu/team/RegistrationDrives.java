package org.bangfu.team;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.pledge.PledgeTotals;
import org.bangfu.shared.DonorPeriod;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration drives (docs/mobilisation.md): staff create the units of their region, close and reopen them, and read
 * the counts of each — the caring people it brought and the pledges those people made.
 */
@Service
public class RegistrationDrives {

	static final int NAME_MIN = 2;

	static final int NAME_MAX = 40;

	private final RegistrationUnits units;

	private final Regions regions;

	private final PledgeTotals pledgeTotals;

	private final OperationLog log;

	private final Clock clock;

	RegistrationDrives(RegistrationUnits units, Regions regions, PledgeTotals pledgeTotals, OperationLog log, Clock clock) {
		this.units = units;
		this.regions = regions;
		this.pledgeTotals = pledgeTotals;
		this.log = log;
		this.clock = clock;
	}

	/** A unit as staff read it, with its counts. */
	public record UnitView(long id, String name, UnitKind kind, String regionCode, String regionName, boolean open, long registrations,
			long pledges, String joinCode) {
	}

	@Transactional
	public long create(BangfuUser user, String name, String kind, String regionCode) {
		if (!UnitAccess.runsAnywhere(user)) {
			throw new NotFoundException("error.not-found");
		}
		String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
		if (n.length() < NAME_MIN || n.length() > NAME_MAX || n.chars().anyMatch(Character::isISOControl)) {
			throw new BadInputException("unit.name-invalid", NAME_MIN, NAME_MAX);
		}
		UnitKind k = UnitKind.parse(kind);
		if (regionCode == null || regionCode.isBlank()) {
			throw new BadInputException("unit.region-required");
		}
		Region region = region(user, regionCode);
		long id = units.insert(n, k, region.code(), user.id(), clock.instant());
		log.record(user.id(), "unit.create", "unit:" + id, region.code(), "在" + region.name() + "创建注册单位「" + n + "」");
		return id;
	}

	@Transactional
	public void close(BangfuUser user, long id) {
		RegistrationUnit u = managed(user, id, true);
		units.save(u.close(clock.instant()));
		log.record(user.id(), "unit.close", "unit:" + id, u.regionCode(), "关闭注册单位「" + u.name() + "」的扫码注册");
	}

	@Transactional
	public void reopen(BangfuUser user, long id) {
		RegistrationUnit u = managed(user, id, true);
		units.save(u.reopen());
		log.record(user.id(), "unit.reopen", "unit:" + id, u.regionCode(), "重新开放注册单位「" + u.name() + "」的扫码注册");
	}

	/** One unit with its counts, for staff whose region holds it (else 404). */
	public UnitView get(BangfuUser user, long id) {
		return views(List.of(managed(user, id, false))).get(0);
	}

	/** The units of the region (default: the widest the user runs drives in), newest first, with their counts. */
	public List<UnitView> list(BangfuUser user, String regionCode) {
		return views(units.in(Scope.of(scopeRegion(user, regionCode))));
	}

	/** The region a staff list is bounded by: the requested one in the user's scope, else 404; none asked, the widest. */
	public Region scopeRegion(BangfuUser user, String regionCode) {
		if (regionCode == null || regionCode.isBlank()) {
			if (!UnitAccess.runsAnywhere(user)) {
				throw new NotFoundException("error.not-found");
			}
			return UnitAccess.regions(user).get(0);
		}
		return region(user, regionCode);
	}

	/** The regions where the user runs drives, widest first. */
	public List<Region> regionsOf(BangfuUser user) {
		return UnitAccess.runsAnywhere(user) ? UnitAccess.regions(user) : List.of();
	}

	public static boolean runsDrives(BangfuUser user) {
		return UnitAccess.runsAnywhere(user);
	}

	/** A unit for its public link and printables: anyone may read its name and whether it is open. */
	public Optional<RegistrationUnit> publicUnit(long id) {
		return units.find(id);
	}

	/** The unit a join code names, empty for a malformed or unknown one (the join page then says so). */
	public Optional<RegistrationUnit> byJoinCode(String code) {
		return JoinCodes.unitId(code).flatMap(units::find);
	}

	public String regionName(String code) {
		return regions.find(new RegionCode(code)).map(Region::name).orElse(code);
	}

	private Region region(BangfuUser user, String regionCode) {
		Region region = regions.find(RegionCode.parse(regionCode.strip()))
			.orElseThrow(() -> new NotFoundException("region.not-found", regionCode));
		if (!UnitAccess.covers(user, region.code())) {
			throw new NotFoundException("region.not-found", regionCode);
		}
		return region;
	}

	private RegistrationUnit managed(BangfuUser user, long id, boolean lock) {
		Optional<RegistrationUnit> found = lock ? units.lock(id) : units.find(id);
		return found.filter(u -> UnitAccess.covers(user, u.regionCode())).orElseThrow(() -> new NotFoundException("unit.not-found"));
	}

	private List<UnitView> views(List<RegistrationUnit> list) {
		Map<Long, List<Long>> accounts = units.accountsOf(list.stream().map(RegistrationUnit::id).toList());
		// the pledges of the people a unit brought, counted as an organisation's and an ambassador's are (not cancelled or lapsed)
		Map<Long, PledgeTotals.Totals> pledges = pledgeTotals.perDonor(accounts.values().stream().flatMap(List::stream)
			.map(a -> new DonorPeriod(a, Instant.EPOCH, null)).toList());
		Map<String, String> names = new java.util.HashMap<>();
		return list.stream().map(u -> {
			List<Long> brought = accounts.getOrDefault(u.id(), List.of());
			long pledged = brought.stream().mapToLong(a -> pledges.getOrDefault(a, PledgeTotals.Totals.NONE).pledges()).sum();
			return new UnitView(u.id(), u.name(), u.kind(), u.regionCode(), names.computeIfAbsent(u.regionCode(), this::regionName), u.open(),
					brought.size(), pledged, u.joinCode());
		}).toList();
	}
}
