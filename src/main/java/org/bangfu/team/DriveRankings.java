package org.bangfu.team;

import java.util.List;

import org.bangfu.region.Scope;
import org.bangfu.shared.BangfuProperties;
import org.springframework.stereotype.Component;

/** The public rankings of registration drives: units and counties by the caring people they brought (counts only). */
@Component
public class DriveRankings {

	static final int UNITS_SHOWN = 50;

	private final RegistrationUnits units;

	private final String root;

	DriveRankings(RegistrationUnits units, BangfuProperties properties) {
		this.units = units;
		this.root = properties.rootRegion();
	}

	public record UnitRank(int rank, String name, UnitKind kind, String regionName, boolean open, long registrations) {
	}

	public record CountyRank(int rank, String code, String name, long units, long registrations) {
	}

	/** Units of the deployment's region with at least one registration, most first (the first {@value #UNITS_SHOWN}). */
	public List<UnitRank> units() {
		List<RegistrationUnits.Ranked> ranked = units.rankUnits(Scope.of(root), UNITS_SHOWN);
		return java.util.stream.IntStream.range(0, ranked.size())
			.mapToObj(i -> new UnitRank(i + 1, ranked.get(i).name(), ranked.get(i).kind(), ranked.get(i).regionName(), ranked.get(i).open(),
					ranked.get(i).registrations()))
			.toList();
	}

	/** Counties with units, by the registrations their units brought. */
	public List<CountyRank> counties() {
		List<RegistrationUnits.RankedCounty> ranked = units.rankCounties(Scope.of(root));
		return java.util.stream.IntStream.range(0, ranked.size())
			.mapToObj(i -> new CountyRank(i + 1, ranked.get(i).code(), ranked.get(i).name(), ranked.get(i).units(), ranked.get(i).registrations()))
			.toList();
	}
}
