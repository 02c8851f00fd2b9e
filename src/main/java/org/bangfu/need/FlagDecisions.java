package org.bangfu.need;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.Role;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The verifiers' written decisions on flagged needs (issue 16): who approved a flagged need at which level, why, and
 * what the rules had flagged then. {@link FlagReview} records them; supervisors and staff in scope read them. The
 * answer is not limited to a scope: the caller checks that the need lies in the reader's scope.
 */
@Component
public class FlagDecisions {

	/** The level of the organisation an approval was given at, lowest first. */
	public enum Level {
		TOWNSHIP, COUNTY, CITY;

		/** The label key in the need bundle (乡镇 / 县级 / 市级). */
		public String label() {
			return "need.flag.level." + name();
		}

		/** The highest level at which the user manages the region, or null when none of its grants manages it. */
		static Level of(BangfuUser user, String regionCode) {
			return user == null ? null : user.staffGrants().stream()
				.filter(g -> g.covers(regionCode) && VerificationPolicy.isManager(g))
				.map(Level::of)
				.max(Enum::compareTo)
				.orElse(null);
		}

		/** The highest level of the user's manager grants anywhere (its verification queue's level), or null. */
		static Level highest(BangfuUser user) {
			return user.staffGrants().stream().filter(VerificationPolicy::isManager).map(Level::of).max(Enum::compareTo).orElse(null);
		}

		private static Level of(Grant g) {
			return g.role() == Role.CITY_ADMIN ? CITY : g.role() == Role.COUNTY_ADMIN ? COUNTY : TOWNSHIP;
		}

		/**
		 * Whether an approval at this level completes one first given at {@code first}: a higher level, or the city
		 * office after the city office (nobody is above it; the second person is then another city admin).
		 */
		boolean completes(Level first) {
			return compareTo(first) > 0 || (this == CITY && first == CITY);
		}

		/** The level that must complete an approval first given at this one. */
		Level next() {
			return this == CITY ? CITY : values()[ordinal() + 1];
		}
	}

	/**
	 * A decision: the level and the approver's role and station or office, its name (for staff in scope and
	 * supervisors, who check verifiers), the written reason, the flags as they were with the highest severity, whether
	 * it published the need (else it asked the next level), when, and whether it is {@code superseded}: given on an
	 * earlier submission, before the content was changed and submitted again.
	 */
	public record Decision(Level level, Role role, String regionCode, String regionName, long approverId, String approverName,
			String reason, List<Needs.Flag> flags, int severity, boolean published, Instant at, boolean superseded) {
	}

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Regions regions;

	FlagDecisions(JdbcClient jdbc, Accounts accounts, Regions regions) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.regions = regions;
	}

	/** Every decision on the need's flags, oldest first, including those of earlier submissions (marked superseded). */
	public List<Decision> of(long needId) {
		int submission = submission(needId);
		record Row(Level level, String regionCode, long approverId, String reason, String flags, int severity, boolean published, Instant at,
				int submission) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT level, region_code, approver_id, reason, flags, severity, published, at, submission
				FROM need_flag_approval WHERE need_id = ? ORDER BY id""")
			.param(needId)
			.query((rs, n) -> new Row(Level.valueOf(rs.getString("level")), rs.getString("region_code"), rs.getLong("approver_id"),
					rs.getString("reason"), rs.getString("flags"), rs.getInt("severity"), rs.getBoolean("published"),
					rs.getTimestamp("at").toInstant(), rs.getInt("submission")))
			.list();
		Map<Long, String> names = accounts.namesOf(rows.stream().map(Row::approverId).distinct().toList());
		return rows.stream()
			.map(r -> new Decision(r.level(), role(r.level()), r.regionCode(), regionName(r.regionCode()), r.approverId(),
					names.get(r.approverId()), r.reason(), flags(r.flags()), r.severity(), r.published(), r.at(), r.submission() < submission))
			.toList();
	}

	/** The decisions on the need's current submission, oldest first: an escalated need's first approval, if any. */
	List<Decision> current(long needId) {
		return of(needId).stream().filter(d -> !d.superseded()).toList();
	}

	void record(long needId, Level level, long approverId, String regionCode, String reason, List<Needs.Flag> flags, boolean published,
			Instant at) {
		jdbc.sql("""
				INSERT INTO need_flag_approval (need_id, submission, level, approver_id, region_code, reason, flags, severity, published, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(needId, submission(needId), level.name(), approverId, regionCode, reason, text(flags), FlagReview.severity(flags), published,
					Timestamp.from(at))
			.update();
	}

	/** How many times the need was submitted: approvals of an earlier submission approved other content. */
	private int submission(long needId) {
		return jdbc.sql("SELECT count(*) FROM need_transition WHERE need_id = ? AND action = 'SUBMIT'").param(needId).query(Integer.class).single();
	}

	private static Role role(Level level) {
		return switch (level) {
			case TOWNSHIP -> Role.TOWNSHIP_MANAGER;
			case COUNTY -> Role.COUNTY_ADMIN;
			case CITY -> Role.CITY_ADMIN;
		};
	}

	private String regionName(String code) {
		return regions.find(RegionCode.parse(code)).map(Region::name).orElse(code);
	}

	/** One flag per line, its rule and details separated as need_flag keeps them. */
	private static String text(List<Needs.Flag> flags) {
		return String.join("\n", flags.stream().map(f -> f.rule() + "\u001f" + String.join("\u001f", f.args())).toList());
	}

	private static List<Needs.Flag> flags(String text) {
		return text.isEmpty() ? List.of() : text.lines().map(line -> {
			String[] parts = line.split("\u001f", -1);
			return new Needs.Flag(parts[0], List.of(parts).subList(1, parts.length));
		}).toList();
	}
}
