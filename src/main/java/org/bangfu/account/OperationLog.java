package org.bangfu.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * 操作日志: who did what, when and from where, for every write. Each use case records its own
 * action in its transaction, so a write that rolls back leaves no entry and one that commits always does.
 */
@Component
public class OperationLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Regions regions;

	OperationLog(JdbcClient jdbc, Clock clock, Regions regions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.regions = regions;
	}

	/**
	 * @param actor      who (null for the system or an anonymous registration, then account is the target)
	 * @param action     what, a stable code such as {@code grant.create}
	 * @param target     on what, e.g. {@code account:42}
	 * @param regionCode where it belongs, for scoped reading; may be null
	 * @param detail     a short human-readable description, never unmasked personal data
	 */
	public void record(Long actor, String action, String target, String regionCode, String detail) {
		String ip = null;
		String agent = null;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			ip = request.getRemoteAddr();
			agent = request.getHeader("User-Agent");
			if (agent != null && agent.length() > 300) {
				agent = agent.substring(0, 300);
			}
		}
		jdbc.sql("""
				INSERT INTO operation_log (account_id, action, target, region_code, detail, ip, user_agent, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(actor, action, target, regionCode, detail, ip, agent, Timestamp.from(clock.instant()))
			.update();
	}

	public record Entry(long id, Long accountId, String accountName, String action, String target, String regionCode,
			String detail, String ip, Instant at, String targetName) {
	}

	/**
	 * The log as the reader may read it: the city office and county centers only, each within its own
	 * scope (or the given region under it); the region is a code typed by the reader.
	 */
	public List<Entry> readableBy(BangfuUser user, String region, int page) {
		if (!GrantPolicy.grantsAnything(user)) {
			throw new NotPermittedException("error.forbidden");
		}
		Region scope = user.scopeFor(region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region)));
		return within(scope, user.has(Role.CITY_ADMIN), page);
	}

	/**
	 * The newest entries about the region's subtree, 50 a page; with {@code unscopedToo} also those
	 * that concern no region (a donor's registration), which only the city office sees.
	 */
	public List<Entry> within(Region scope, boolean unscopedToo, int page) {
		Scope in = Scope.of(scope);
		return in.bind(jdbc.sql("""
				SELECT l.*, a.name AS account_name,
				       CASE WHEN l.target ~ '^account:[0-9]+$' THEN (SELECT t.name FROM account t WHERE t.id = substr(l.target, 9)::bigint) END
				         AS target_name
				FROM operation_log l LEFT JOIN account a ON a.id = l.account_id
				WHERE %s OR (:unscoped AND l.region_code IS NULL)
				ORDER BY l.created_at DESC, l.id DESC LIMIT 50 OFFSET :offset""".formatted(in.sql("l.region_code"))))
			.param("unscoped", unscopedToo)
			.param("offset", Math.max(page, 0) * 50)
			.query((rs, n) -> new Entry(rs.getLong("id"), (Long) rs.getObject("account_id"), rs.getString("account_name"),
					rs.getString("action"), rs.getString("target"), rs.getString("region_code"), rs.getString("detail"),
					rs.getString("ip"), rs.getTimestamp("created_at").toInstant(),
					rs.getString("target_name")))
			.list();
	}
}
