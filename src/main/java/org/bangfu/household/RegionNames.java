package org.bangfu.household;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.region.Region;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resolves the county, township and village names of a registry file to division codes, within the
 * importer's scope. Names are compared without the suffixes that files and the division table use
 * interchangeably (村 / 村委会 / 村民委员会, 社区 / 社区居委会 / 居委会).
 */
final class RegionNames {

	sealed interface Resolution permits Found, Unknown, Ambiguous {
	}

	record Found(String code) implements Resolution {
	}

	record Unknown() implements Resolution {
	}

	record Ambiguous() implements Resolution {
	}

	private final Map<String, List<String>> byPath = new HashMap<>();

	private final Map<String, List<String>> byTownship = new HashMap<>();

	private final Map<String, List<String>> byVillage = new HashMap<>();

	RegionNames(JdbcClient jdbc, Region scope) {
		Map<String, String[]> units = new HashMap<>();
		jdbc.sql("SELECT code, name, level, parent_code FROM region WHERE code LIKE :prefix || '%' OR code = :code")
			.param("prefix", scope.prefix())
			.param("code", scope.code())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list()
			.forEach(r -> units.put(r[0], r));
		for (String[] v : units.values()) {
			if (!"VILLAGE".equals(v[2])) {
				continue;
			}
			String[] township = units.get(v[3]);
			String[] county = township == null ? null : units.get(township[3]);
			String village = normalise(v[1]);
			add(byVillage, village, v[0]);
			if (township != null) {
				add(byTownship, normalise(township[1]) + "|" + village, v[0]);
				if (county != null) {
					add(byPath, normalise(county[1]) + "|" + normalise(township[1]) + "|" + village, v[0]);
				}
			}
		}
	}

	Resolution resolve(String county, String township, String village) {
		if (village == null || village.isBlank()) {
			return new Unknown();
		}
		String v = normalise(village);
		List<String> found;
		if (county != null && !county.isBlank() && township != null && !township.isBlank()) {
			found = byPath.get(normalise(county) + "|" + normalise(township) + "|" + v);
		}
		else if (township != null && !township.isBlank()) {
			found = byTownship.get(normalise(township) + "|" + v);
		}
		else {
			found = byVillage.get(v);
		}
		if (found == null || found.isEmpty()) {
			return new Unknown();
		}
		return found.size() == 1 ? new Found(found.get(0)) : new Ambiguous();
	}

	static String normalise(String name) {
		String n = name.strip().replace(" ", "").replace("\u3000", "");
		for (String[] suffix : new String[][] { { "村民委员会", "村" }, { "村委会", "村" }, { "社区居民委员会", "社区" }, { "社区居委会", "社区" },
				{ "居民委员会", "社区" }, { "居委会", "社区" } }) {
			if (n.endsWith(suffix[0])) {
				return n.substring(0, n.length() - suffix[0].length()) + suffix[1];
			}
		}
		return n;
	}

	private static void add(Map<String, List<String>> map, String key, String code) {
		map.computeIfAbsent(key, k -> new ArrayList<>(1)).add(code);
	}
}
