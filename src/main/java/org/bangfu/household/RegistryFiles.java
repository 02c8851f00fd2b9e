package org.bangfu.household;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.bangfu.household.registry.RegistryGenerator;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.springframework.stereotype.Component;

/** Synthetic registry files for demos, tests and benchmarks: realistic, valid, and never real people. */
@Component
public class RegistryFiles {

	private final Regions regions;

	RegistryFiles(Regions regions) {
		this.regions = regions;
	}

	/** Writes a registry CSV of the given number of households spread over the villages under the region. */
	public void generate(Path out, Region region, long households, long seed) throws IOException {
		List<RegistryGenerator.Village> villages = regions.villagesUnder(region).stream()
			.map(v -> new RegistryGenerator.Village(v.countyName(), v.townshipName(), v.villageName(), v.code()))
			.toList();
		if (villages.isEmpty()) {
			throw new BadInputException("generate.no-villages", region.code());
		}
		if (households < 1) {
			throw new BadInputException("generate.households");
		}
		RegistryGenerator.write(out, villages, households, seed);
	}
}
