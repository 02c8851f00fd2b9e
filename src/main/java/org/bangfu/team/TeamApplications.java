package org.bangfu.team;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Grant;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.account.TeamGrants;
import org.bangfu.notify.Notices;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying to the volunteer, expert or ambassador team, and the county's (or city's) decision. Approval grants the role
 * bound to the area through {@link TeamGrants}; the applicant is told either way.
 */
@Component
public class TeamApplications {

	static final Set<Role> TEAMS = Set.of(Role.VOLUNTEER, Role.EXPERT, Role.AMBASSADOR);

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Accounts accounts;

	private final TeamGrants grants;

	private final OperationLog log;

	private final Notices notices;

	private final Clock clock;

	TeamApplications(JdbcClient jdbc, Regions regions, Accounts accounts, TeamGrants grants, OperationLog log, Notices notices, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.accounts = accounts;
		this.grants = grants;
		this.log = log;
		this.notices = notices;
		this.clock = clock;
	}

	/** What the applicant fills in; fields only for experts (at least one). */
	public record Form(String role, String area, String skills, String availability, List<String> fields) {
	}

	@Transactional
	public long apply(BangfuUser user, Form form) {
		if (user.householdOnly()) {
			throw new org.bangfu.shared.NotPermittedException("team.application.household");
		}
		Role role = role(form.role());
		Region area = area(form.area());
		String skills = text(form.skills(), 1000, "team.skills-required");
		String availability = text(form.availability(), 200, "team.availability-required");
		List<ExpertField> fields = new ArrayList<>();
		if (role == Role.EXPERT) {
			Set<ExpertField> chosen = new LinkedHashSet<>();
			for (String f : form.fields() == null ? List.<String>of() : form.fields()) {
				chosen.add(ExpertField.parse(f));
			}
			if (chosen.isEmpty()) {
				throw new BadInputException("team.fields-required");
			}
			fields.addAll(chosen);
		}
		try {
			return jdbc.sql("""
					INSERT INTO team_application (account_id, role, area_code, skills, availability, fields, state, created_at)
					VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?) RETURNING id""")
				.params(user.id(), role.name(), area.code(), skills, availability, fields.stream().map(Enum::name).toArray(String[]::new),
						Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("team.application.pending");
		}
	}

	/** Approvers (county, city) see the applications of their scope, pending first; everyone else their own. */
	public List<TeamApplication> list(BangfuUser user) {
		List<Region> decides = user.staffGrants().stream()
			.filter(g -> g.role() == Role.COUNTY_ADMIN || g.role() == Role.CITY_ADMIN)
			.map(Grant::region)
			.toList();
		if (decides.isEmpty()) {
			return mine(user);
		}
		Scope in = Scope.anyOf(decides);
		return rows(in.bind(jdbc.sql("SELECT * FROM team_application WHERE " + in.sql("area_code")
				+ " ORDER BY state = 'PENDING' DESC, id DESC LIMIT 200")));
	}

	public List<TeamApplication> mine(BangfuUser user) {
		return rows(jdbc.sql("SELECT * FROM team_application WHERE account_id = :me ORDER BY id DESC").param("me", user.id()));
	}

	/** The application, when it lies in the caller's scope or is the caller's own; 404 otherwise. */
	public TeamApplication get(BangfuUser user, long id) {
		return find(id).filter(a -> a.accountId() == user.id() || user.inScope(a.areaCode()))
			.orElseThrow(() -> new NotFoundException("team.application.not-found"));
	}

	@Transactional
	public void approve(BangfuUser user, long id) {
		TeamApplication a = decidable(user, id);
		grants.grantApproved(user, a.accountId(), a.role(), a.areaCode(), a.id());
		decide(a, ApplicationState.APPROVED, null, user);
		notices.tell(a.accountId(), accounts.phoneOf(a.accountId()),
				Notices.Message.of("team.notice.approved." + a.role().name(), a.areaName()), "/teams/apply");
	}

	@Transactional
	public void reject(BangfuUser user, long id, String reason) {
		TeamApplication a = decidable(user, id);
		String why = text(reason, 200, "team.reason-required");
		if (!TeamGrants.approves(user, a.areaCode())) {
			throw new org.bangfu.shared.NotPermittedException("team.application.not-approver");
		}
		decide(a, ApplicationState.REJECTED, why, user);
		log.record(user.id(), "team.reject", "account:" + a.accountId(), a.areaCode(), why);
		notices.tell(a.accountId(), accounts.phoneOf(a.accountId()), Notices.Message.of("team.notice.rejected", a.areaName(), why),
				"/teams/apply");
	}

	/** The expert's fields: those of its approved expert applications. */
	public Set<ExpertField> fieldsOf(long accountId) {
		Set<ExpertField> fields = new LinkedHashSet<>();
		jdbc.sql("SELECT fields FROM team_application WHERE account_id = ? AND role = 'EXPERT' AND state = 'APPROVED'")
			.param(accountId)
			.query((rs, n) -> fields(rs.getArray(1)))
			.list()
			.forEach(fields::addAll);
		return fields;
	}

	/** The accounts approved as experts in the field for an area covering the region (their grants are checked by the caller). */
	List<Long> expertsFor(ExpertField field, String regionCode) {
		return jdbc.sql("""
				SELECT DISTINCT account_id FROM team_application
				WHERE role = 'EXPERT' AND state = 'APPROVED' AND ? = ANY (fields) AND area_code = ANY (CAST(? AS text[]))""")
			.params(field.name(), RegionCode.parse(regionCode).withAncestors().toArray(String[]::new))
			.query(Long.class)
			.list();
	}

	private TeamApplication decidable(BangfuUser user, long id) {
		TeamApplication a = find(id).filter(x -> user.inScope(x.areaCode()))
			.orElseThrow(() -> new NotFoundException("team.application.not-found"));
		a.requirePending();
		return a;
	}

	private void decide(TeamApplication a, ApplicationState to, String reason, BangfuUser by) {
		int changed = jdbc.sql("""
				UPDATE team_application SET state = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'PENDING'""")
			.params(to.name(), reason, by.id(), Timestamp.from(clock.instant()), a.id())
			.update();
		if (changed != 1) {
			throw new ConflictException("team.application.decided");
		}
	}

	private Optional<TeamApplication> find(long id) {
		return rows(jdbc.sql("SELECT * FROM team_application WHERE id = :id").param("id", id)).stream().findFirst();
	}

	private List<TeamApplication> rows(JdbcClient.StatementSpec statement) {
		List<Object[]> raw = statement.query((rs, n) -> row(rs)).list();
		Map<Long, String> names = accounts.namesOf(raw.stream().map(r -> (Long) r[1]).distinct().toList());
		return raw.stream().map(r -> {
			String area = (String) r[3];
			String areaName = regions.find(new RegionCode(area)).map(Region::name).orElse(area);
			return new TeamApplication((Long) r[0], (Long) r[1], names.getOrDefault((Long) r[1], ""), Role.valueOf((String) r[2]), area,
					areaName, (String) r[4], (String) r[5], fields((String[]) r[6]), ApplicationState.valueOf((String) r[7]), (String) r[8],
					(Instant) r[9], (Instant) r[10]);
		}).toList();
	}

	private static Object[] row(ResultSet rs) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new Object[] { rs.getLong("id"), rs.getLong("account_id"), rs.getString("role"), rs.getString("area_code"), rs.getString("skills"),
				rs.getString("availability"), (String[]) rs.getArray("fields").getArray(), rs.getString("state"), rs.getString("reason"),
				rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant() };
	}

	private static List<ExpertField> fields(Array array) throws SQLException {
		return fields((String[]) array.getArray());
	}

	private static List<ExpertField> fields(String[] names) {
		return Arrays.stream(names).map(ExpertField::valueOf).toList();
	}

	private static Role role(String text) {
		try {
			Role role = Role.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
			if (TEAMS.contains(role)) {
				return role;
			}
		}
		catch (IllegalArgumentException e) {
			// the same answer as a role one cannot apply for
		}
		throw new BadInputException("team.role.unknown", String.valueOf(text));
	}

	/** A county or township of Hengyang. */
	private Region area(String code) {
		Region area;
		try {
			area = regions.find(RegionCode.parse(code == null ? "" : code.strip())).orElse(null);
		}
		catch (BadInputException e) {
			area = null;
		}
		if (area == null || !area.code().startsWith("4304") || (area.level() != RegionLevel.COUNTY && area.level() != RegionLevel.TOWNSHIP)) {
			throw new BadInputException("team.area.invalid", String.valueOf(code));
		}
		return area;
	}

	static String text(String text, int max, String requiredKey) {
		if (text == null || text.isBlank()) {
			throw new BadInputException(requiredKey);
		}
		if (text.strip().length() > max) {
			throw new BadInputException("team.text-too-long", String.valueOf(max));
		}
		return text.strip();
	}
}
