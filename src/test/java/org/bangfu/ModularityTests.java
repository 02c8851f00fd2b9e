package org.bangfu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** The package-per-capability layout of DESIGN.md §4 holds: modules use each other only through their top-level types. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(BangfuApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void theCapabilitiesAreModules() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("region", "account", "household", "notify", "shared", "stats");
	}
}
