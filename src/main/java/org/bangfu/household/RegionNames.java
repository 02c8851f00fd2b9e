package org.bangfu.household;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;

/**
 * Resolves the county, township and village names of a registry file to division codes, within the
 * importer's scope. Any of the three names may be present: a roster exported from the national system
 * names all three, a township's own list may name only the village. Names are compared without the
 * suffixes that files and the division table use interchangeably (村 / 村委会 / 村民委员会, 社区 /
 * 社区居委会 / 居委会). A place that exists but lies outside the scope is told apart from one that
 * does not exist, so that the importer knows to pass the row on rather than to correct it.
 */
final class RegionNames {

	sealed interface Resolution permits Found, Unknown, Ambiguous, Outside {
	}

	record Found(String code) implements Resolution {
	}

	record Unknown() implements Resolution {
	}

	record Ambiguous() implements Resolution {
	}

	/** The named place exists, outside the scope; {@code place} is the name as the file wrote it. */
	record Outside(String place, RegionLevel level) implements Resolution {
	}

	private final Regions regions;

	/** Villages in scope by every combination of the names a file may give: c|t|v, c||v, |t|v, ||v. */
	private final Map<String, List<String>> villages = new HashMap<>();

	/** The normalised names of the scope and its ancestors, by level: the names every row in scope must have. */
	private final Map<RegionLevel, String> scopeNames = new EnumMap<>(RegionLevel.class);

	/** Whether a village of that normalised name, township and county exists anywhere: asked once per distinct place. */
	private final Map<String, Boolean> existsAnywhere = new HashMap<>();

	RegionNames(Regions regions, Region scope) {
		this.regions = regions;
		for (Region r : regions.ancestors(scope)) {
			scopeNames.put(r.level(), normalise(r.name()));
		}
		scopeNames.put(scope.level(), normalise(scope.name()));
		for (Regions.VillagePath v : regions.villagesUnder(scope)) {
			String c = v.countyName() == null ? "" : normalise(v.countyName());
			String t = normalise(v.townshipName());
			String name = normalise(v.villageName());
			for (String key : new String[] { c + "|" + t + "|" + name, c + "||" + name, "|" + t + "|" + name, "||" + name }) {
				villages.computeIfAbsent(key, k -> new ArrayList<>(1)).add(v.code());
			}
		}
	}

	Resolution resolve(String county, String township, String village) {
		if (blank(village)) {
			return new Unknown();
		}
		String c = blank(county) ? "" : normalise(county);
		String t = blank(township) ? "" : normalise(township);
		String v = normalise(village);
		List<String> found = villages.get(c + "|" + t + "|" + v);
		if (found != null) {
			return found.size() == 1 ? new Found(found.get(0)) : new Ambiguous();
		}
		return outside(county, c, township, t, village, v);
	}

	/** Not in scope: outside it when a name differs from the scope's own, or the place exists elsewhere; else unknown. */
	private Resolution outside(String county, String c, String township, String t, String village, String v) {
		if (!c.isEmpty() && scopeNames.containsKey(RegionLevel.COUNTY) && !c.equals(scopeNames.get(RegionLevel.COUNTY))) {
			return new Outside(county.strip(), RegionLevel.COUNTY);
		}
		if (!t.isEmpty() && scopeNames.containsKey(RegionLevel.TOWNSHIP) && !t.equals(scopeNames.get(RegionLevel.TOWNSHIP))) {
			return new Outside(township.strip(), RegionLevel.TOWNSHIP);
		}
		boolean elsewhere = existsAnywhere.computeIfAbsent(c + "|" + t + "|" + v, key -> regions.villagesNamed(stem(v)).stream()
			.anyMatch(p -> normalise(p.villageName()).equals(v) && (t.isEmpty() || normalise(p.townshipName()).equals(t))
					&& (c.isEmpty() || (p.countyName() != null && normalise(p.countyName()).equals(c)))));
		return elsewhere ? new Outside(village.strip(), RegionLevel.VILLAGE) : new Unknown();
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

	/** The part of a normalised village name that every spelling of it in the division table starts with. */
	private static String stem(String normalised) {
		for (String suffix : new String[] { "村", "社区" }) {
			if (normalised.endsWith(suffix) && normalised.length() > suffix.length()) {
				return normalised.substring(0, normalised.length() - suffix.length());
			}
		}
		return normalised;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
