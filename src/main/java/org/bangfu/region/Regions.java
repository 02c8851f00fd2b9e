package org.bangfu.region;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/** Reads the division tree. Other modules scope their queries with {@link Region#prefix()}. */
@Component
public class Regions {

	private static final String COLUMNS = "code, name, level, parent_code, prefix";

	private final JdbcClient jdbc;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Region> find(RegionCode code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE code = ?")
			.param(code.value())
			.query(Regions::region)
			.optional();
	}

	/** The region, or a 404 naming the code. */
	public Region get(RegionCode code) {
		return find(code).orElseThrow(() -> new NotFoundException("region.not-found", code.value()));
	}

	/** The direct children, each with the number of its own direct children, in code order. */
	public List<RegionNode> children(RegionCode code, String nameContains) {
		String filter = nameContains == null ? "" : nameContains.strip();
		return jdbc.sql("""
				SELECT r.code, r.name, r.level, r.parent_code, r.prefix,
				       (SELECT count(*) FROM region c WHERE c.parent_code = r.code) AS child_count
				FROM region r
				WHERE r.parent_code = :code AND (:filter = '' OR strpos(r.name, :filter) > 0)
				ORDER BY r.code
				""")
			.param("code", code.value())
			.param("filter", filter)
			.query((rs, n) -> new RegionNode(region(rs, n), rs.getInt("child_count")))
			.list();
	}

	/** The ancestors that this deployment holds, from the top down, not including the region itself. */
	public List<Region> ancestors(Region region) {
		// A code determines all its ancestors' codes; one query fetches those that exist here.
		String code = region.code();
		String prefix = region.prefix();
		Set<String> codes = new LinkedHashSet<>();
		if (prefix.length() > 2) codes.add(code.substring(0, 2) + "0000");
		if (prefix.length() > 4) codes.add(code.substring(0, 4) + "00");
		if (prefix.length() > 6) codes.add(code.substring(0, 6));
		if (prefix.length() > 9) codes.add(code.substring(0, 9));
		codes.remove(code);
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE code IN (:codes) ORDER BY length(prefix), code")
			.param("codes", codes)
			.query(Regions::region)
			.list();
	}

	/** How many units of each level lie under the region (the region itself not counted). */
	public Map<RegionLevel, Long> countsUnder(Region region) {
		Map<RegionLevel, Long> counts = new EnumMap<>(RegionLevel.class);
		for (RegionLevel level : RegionLevel.values()) {
			counts.put(level, 0L);
		}
		Scope in = Scope.of(region);
		in.bind(jdbc.sql("SELECT level, count(*) AS n FROM region WHERE " + in.sql("code") + " AND code <> :code GROUP BY level"))
			.param("code", region.code())
			.query((rs, n) -> Map.entry(RegionLevel.valueOf(rs.getString("level")), rs.getLong("n")))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** A village with the names of its township and county, as registry files name them. */
	public record VillagePath(String countyName, String townshipName, String villageName, String code) {
	}

	/** Every village under the region, with its township's and county's names, in code order. */
	public List<VillagePath> villagesUnder(Region scope) {
		Scope in = Scope.of(scope);
		return villagePaths(in.sql("v.code"), in::bind, Integer.MAX_VALUE);
	}

	/**
	 * Villages anywhere whose name starts with the text (at most 50), with their township's and county's
	 * names: to tell a registry row of another area from a misspelt one.
	 */
	public List<VillagePath> villagesNamed(String nameStart) {
		// a name, not a region code: the pattern is built here, its wildcards escaped, rather than in SQL
		String pattern = nameStart.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return villagePaths("v.name LIKE :pattern", s -> s.param("pattern", pattern), 50);
	}

	private List<VillagePath> villagePaths(String condition, UnaryOperator<StatementSpec> bind, int limit) {
		return bind.apply(jdbc.sql("""
				SELECT c.name AS county, t.name AS township, v.name AS village, v.code
				FROM region v JOIN region t ON t.code = v.parent_code LEFT JOIN region c ON c.code = t.parent_code
				WHERE v.level = 'VILLAGE' AND %s
				ORDER BY v.code LIMIT :limit""".formatted(condition)))
			.param("limit", limit)
			.query((rs, n) -> new VillagePath(rs.getString("county"), rs.getString("township"), rs.getString("village"), rs.getString("code")))
			.list();
	}

	/** Maps a row with the columns code, name, level, parent_code, prefix; for modules that join the region table. */
	public static Region region(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
		return new Region(rs.getString("code"), rs.getString("name"), RegionLevel.valueOf(rs.getString("level")),
				rs.getString("parent_code"), rs.getString("prefix"));
	}

	/** A region and the number of its direct children. */
	public record RegionNode(Region region, int childCount) {
	}
}
