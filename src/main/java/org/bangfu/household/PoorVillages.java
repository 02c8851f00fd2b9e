package org.bangfu.household;

import java.util.HashSet;
import java.util.Set;

import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registry's poor villages (贫困村): which villages of an area carry the flag (lifted ones included: the designation stays). */
@Component
public class PoorVillages {

	private final JdbcClient jdbc;

	PoorVillages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The codes of the poor villages in the region's subtree. */
	public Set<String> within(Region region) {
		Scope in = Scope.of(region);
		return new HashSet<>(in.bind(jdbc.sql("SELECT region_code FROM poor_village WHERE " + in.sql("region_code"))).query(String.class).list());
	}

	public boolean isPoor(String villageCode) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM poor_village WHERE region_code = ?)").param(villageCode).query(Boolean.class).single();
	}
}
