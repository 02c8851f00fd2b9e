package org.bangfu.region;

import java.util.Collection;
import java.util.List;

import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The data scope of a query or a check: one region or several, and everything under them (DHIS2's
 * "indexed path": a region code's significant prefix is the path, so "under" is "starts with"). This
 * is the one place where the rule is written, in SQL and in Java; every module asks it instead of
 * writing {@code LIKE prefix || '%'} or {@code startsWith} itself.
 *
 * <p>In SQL, {@link #sql(String)} renders the condition for a column with the named parameter
 * {@value #PARAMETER}, and {@link #bind(StatementSpec)} gives that parameter its value:
 *
 * <pre>{@code
 * scope.bind(jdbc.sql("SELECT ... FROM ... WHERE " + scope.sql("x.region_code") + " AND x.state = :state"))
 *     .param("state", state).query(...)
 * }</pre>
 *
 * The condition keeps the form {@code column LIKE :p || '%'} for one region, which the region-code
 * indexes (text_pattern_ops) serve.
 *
 * @param prefixes the significant prefixes of the regions (43, 4304, 430421, 430421100, 430421100203)
 */
public record Scope(List<String> prefixes) {

	/** The name of the SQL parameter {@link #sql(String)} uses (one query binds one scope). */
	public static final String PARAMETER = "scopePrefix";

	public Scope {
		prefixes = List.copyOf(prefixes);
		if (prefixes.isEmpty()) {
			throw new IllegalArgumentException("a scope covers at least one region");
		}
	}

	public static Scope of(Region region) {
		return new Scope(List.of(region.prefix()));
	}

	public static Scope of(RegionCode code) {
		return new Scope(List.of(code.prefix()));
	}

	/** A region code given as text (6, 9 or 12 digits, or the short forms {@link RegionCode#parse} reads). */
	public static Scope of(String regionCode) {
		return of(RegionCode.parse(regionCode));
	}

	/** Several regions at once (a donor's chosen counties, a campaign's villages). */
	public static Scope anyOf(Collection<Region> regions) {
		return new Scope(regions.stream().map(Region::prefix).distinct().toList());
	}

	/** Whether the region code lies in the scope (the code itself or anything under it). */
	public boolean contains(String regionCode) {
		return regionCode != null && prefixes.stream().anyMatch(regionCode::startsWith);
	}

	public boolean contains(RegionCode code) {
		return contains(code.value());
	}

	/** Whether the whole of the other scope lies inside this one. */
	public boolean contains(Scope other) {
		return other.prefixes.stream().allMatch(this::contains);
	}

	/** The SQL condition "{@code column} lies in the scope", with the parameter {@value #PARAMETER}. */
	public String sql(String column) {
		if (prefixes.size() == 1) {
			return column + " LIKE :" + PARAMETER + " || '%'";
		}
		return column + " LIKE ANY (SELECT p || '%' FROM unnest(CAST(:" + PARAMETER + " AS text[])) AS p)";
	}

	/** The SQL condition "{@code column} lies outside the scope" (null codes are outside too). */
	public String sqlOutside(String column) {
		return "NOT coalesce(" + sql(column) + ", false)";
	}

	/** Gives the statement the value of {@value #PARAMETER}. */
	public StatementSpec bind(StatementSpec statement) {
		return statement.param(PARAMETER, prefixes.size() == 1 ? prefixes.get(0) : prefixes.toArray(String[]::new));
	}

	/** The value of {@value #PARAMETER}, for statements built in other ways (batch updates). */
	public Object parameter() {
		return prefixes.size() == 1 ? prefixes.get(0) : prefixes.toArray(String[]::new);
	}

	@Override
	public String toString() {
		return String.join(",", prefixes);
	}
}
