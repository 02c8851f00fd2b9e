package org.bangfu.team;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.account.TeamGrants;
import org.bangfu.need.Needs;
import org.bangfu.notify.Notices;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer tasks: staff post them in their scope, volunteers whose area covers the task sign up while it is ahead and not
 * full, and after it staff in scope confirm each volunteer's hours, never their own.
 */
@Component
public class VolunteerTasks {

	static final BigDecimal MIN_HOURS = new BigDecimal("0.5");

	static final BigDecimal MAX_HOURS = new BigDecimal("12");

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Needs needs;

	private final Accounts accounts;

	private final Notices notices;

	private final Clock clock;

	VolunteerTasks(JdbcClient jdbc, Regions regions, Needs needs, Accounts accounts, Notices notices, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.needs = needs;
		this.accounts = accounts;
		this.notices = notices;
		this.clock = clock;
	}

	public record Form(String kind, String title, String description, String regionCode, Instant startsAt, BigDecimal estimatedHours,
			Integer wanted, Long needId) {
	}

	@Transactional
	public long post(BangfuUser user, Form f) {
		if (!user.isStaff()) {
			throw new NotPermittedException("team.task.not-staff");
		}
		TaskKind kind;
		try {
			kind = TaskKind.valueOf(f.kind() == null ? "" : f.kind().strip());
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("team.task.kind-required");
		}
		String title = TeamApplications.text(f.title(), 100, "team.task.title-required");
		String description = f.description() == null ? "" : f.description().strip();
		if (description.length() > 1000) {
			throw new BadInputException("team.text-too-long", "1000");
		}
		Region region;
		try {
			region = regions.find(RegionCode.parse(f.regionCode() == null ? "" : f.regionCode().strip())).orElse(null);
		}
		catch (BadInputException e) {
			region = null;
		}
		if (region == null || (region.level() != RegionLevel.VILLAGE && region.level() != RegionLevel.TOWNSHIP)) {
			throw new BadInputException("team.task.region-required");
		}
		user.scopeFor(region);
		Instant now = clock.instant();
		if (f.startsAt() == null || !f.startsAt().isAfter(now)) {
			throw new BadInputException("team.task.when-required");
		}
		if (f.estimatedHours() == null || f.estimatedHours().compareTo(MIN_HOURS) < 0 || f.estimatedHours().compareTo(MAX_HOURS) > 0) {
			throw new BadInputException("team.hours.range");
		}
		if (f.wanted() == null || f.wanted() < 1 || f.wanted() > 50) {
			throw new BadInputException("team.task.wanted-range");
		}
		if (f.needId() != null) {
			needs.find(f.needId()).filter(n -> user.inScope(n.regionCode())).orElseThrow(() -> new NotFoundException("need.not-found"));
		}
		return jdbc.sql("""
				INSERT INTO volunteer_task (kind, title, description, region_code, starts_at, estimated_hours, wanted, need_id, posted_by, posted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(kind.name(), title, description, region.code(), Timestamp.from(f.startsAt()), f.estimatedHours(), f.wanted(), f.needId(),
					user.id(), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Every task of the staff member's scope, latest first, with its sign-ups (to confirm hours). */
	public List<VolunteerTask> inScope(BangfuUser user) {
		if (!user.isStaff()) {
			throw new NotPermittedException("team.task.not-staff");
		}
		Scope in = Scope.anyOf(user.workRegions());
		return tasks(in.bind(jdbc.sql(SELECT + " WHERE " + in.sql("t.region_code") + " ORDER BY t.starts_at DESC LIMIT 200")), user, true);
	}

	/** The tasks ahead in the volunteer's areas (also for staff who volunteer). */
	public List<VolunteerTask> open(BangfuUser user) {
		Scope in = volunteerScope(user);
		return tasks(in.bind(jdbc.sql(SELECT + " WHERE " + in.sql("t.region_code") + " AND t.starts_at > :now ORDER BY t.starts_at LIMIT 200"))
			.param("now", Timestamp.from(clock.instant())), user, false);
	}

	@Transactional
	public long signUp(BangfuUser user, long taskId) {
		Scope in = volunteerScope(user);
		// the row lock makes concurrent sign-ups for the last place wait for each other
		jdbc.sql("SELECT id FROM volunteer_task WHERE id = ? FOR UPDATE").param(taskId).query(Long.class).optional();
		VolunteerTask task = find(taskId, user).filter(t -> in.contains(t.regionCode()))
			.orElseThrow(() -> new NotFoundException("team.task.not-found"));
		if (task.mySignupId() != null) {
			throw new ConflictException("team.task.signed-up");
		}
		task.requireOpen(clock.instant());
		try {
			return jdbc.sql("INSERT INTO volunteer_signup (task_id, account_id, signed_up_at) VALUES (?, ?, ?) RETURNING id")
				.params(taskId, user.id(), Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("team.task.signed-up");
		}
	}

	/** The volunteer withdraws its own sign-up while the task is ahead. */
	@Transactional
	public void withdraw(BangfuUser user, long taskId) {
		VolunteerTask task = find(taskId, user).orElseThrow(() -> new NotFoundException("team.task.not-found"));
		if (task.mySignupId() == null) {
			throw new NotFoundException("team.task.not-signed-up");
		}
		if (task.happened(clock.instant())) {
			throw new ConflictException("team.task.started");
		}
		jdbc.sql("UPDATE volunteer_signup SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL")
			.params(Timestamp.from(clock.instant()), task.mySignupId())
			.update();
	}

	/** Staff in scope of the task confirm a volunteer's hours once the task has begun; never their own. */
	@Transactional
	public void confirmHours(BangfuUser user, long taskId, long signupId, BigDecimal hours) {
		VolunteerTask task = find(taskId, user).orElseThrow(() -> new NotFoundException("team.task.not-found"));
		VolunteerTask.Signup signup = task.signups().stream().filter(s -> s.id() == signupId).findFirst().orElse(null);
		// one's own hours are refused before anything else, whoever asks: a volunteer, or staff who signed up themselves
		if (signup != null && signup.accountId() == user.id()) {
			throw new NotPermittedException("team.hours.own");
		}
		if (!user.inScope(task.regionCode())) {
			throw new NotFoundException("team.task.not-found");
		}
		if (signup == null) {
			throw new NotFoundException("team.signup.not-found");
		}
		if (!task.happened(clock.instant())) {
			throw new ConflictException("team.hours.too-early");
		}
		if (signup.hours() != null) {
			throw new ConflictException("team.hours.confirmed");
		}
		if (hours == null || hours.compareTo(MIN_HOURS) < 0 || hours.compareTo(MAX_HOURS) > 0 || hours.stripTrailingZeros().scale() > 1) {
			throw new BadInputException("team.hours.range");
		}
		jdbc.sql("UPDATE volunteer_signup SET hours = ?, confirmed_by = ?, confirmed_at = ? WHERE id = ? AND hours IS NULL")
			.params(hours, user.id(), Timestamp.from(clock.instant()), signupId)
			.update();
		notices.tell(signup.accountId(), accounts.phoneOf(signup.accountId()),
				Notices.Message.of("team.notice.hours", hours.stripTrailingZeros().toPlainString(), task.title()), "/teams/tasks");
	}

	/** The volunteer's confirmed hours in total. */
	public BigDecimal hoursOf(long accountId) {
		return jdbc.sql("SELECT coalesce(sum(hours), 0) FROM volunteer_signup WHERE account_id = ? AND withdrawn_at IS NULL")
			.param(accountId)
			.query(BigDecimal.class)
			.single();
	}

	public record VolunteerHours(long accountId, String name, BigDecimal hours, int tasks) {
	}

	/** The volunteers' confirmed hours on the tasks of the staff member's scope, most first. */
	public List<VolunteerHours> hoursInScope(BangfuUser user) {
		if (!user.isStaff()) {
			throw new NotPermittedException("error.forbidden");
		}
		Scope in = Scope.anyOf(user.workRegions());
		List<Object[]> rows = in.bind(jdbc.sql("""
				SELECT s.account_id, sum(s.hours) AS hours, count(*) AS tasks FROM volunteer_signup s JOIN volunteer_task t ON t.id = s.task_id
				WHERE s.hours IS NOT NULL AND s.withdrawn_at IS NULL AND %s
				GROUP BY s.account_id ORDER BY hours DESC, s.account_id LIMIT 500""".formatted(in.sql("t.region_code"))))
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2), rs.getInt(3) })
			.list();
		Map<Long, String> names = accounts.namesOf(rows.stream().map(r -> (Long) r[0]).toList());
		return rows.stream().map(r -> new VolunteerHours((Long) r[0], names.getOrDefault((Long) r[0], ""), (BigDecimal) r[1], (Integer) r[2])).toList();
	}

	private Scope volunteerScope(BangfuUser user) {
		List<Region> areas = TeamGrants.areasOf(user, Role.VOLUNTEER);
		if (areas.isEmpty()) {
			throw new NotPermittedException("team.task.not-volunteer");
		}
		return Scope.anyOf(areas);
	}

	private static final String SELECT = """
			SELECT t.*, (SELECT count(*) FROM volunteer_signup s WHERE s.task_id = t.id AND s.withdrawn_at IS NULL) AS signed_up
			FROM volunteer_task t""";

	Optional<VolunteerTask> find(long id, BangfuUser user) {
		return tasks(jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id), user, true).stream().findFirst();
	}

	private List<VolunteerTask> tasks(JdbcClient.StatementSpec statement, BangfuUser user, boolean withSignups) {
		return statement.query((rs, n) -> task(rs, user, withSignups)).list();
	}

	private VolunteerTask task(ResultSet rs, BangfuUser user, boolean withSignups) throws SQLException {
		long id = rs.getLong("id");
		String region = rs.getString("region_code");
		List<VolunteerTask.Signup> signups = signups(id);
		Long mine = signups.stream().filter(s -> s.accountId() == user.id()).map(VolunteerTask.Signup::id).findFirst().orElse(null);
		return new VolunteerTask(id, TaskKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"), region,
				regions.find(new RegionCode(region)).map(Region::name).orElse(region), rs.getTimestamp("starts_at").toInstant(),
				rs.getBigDecimal("estimated_hours"), rs.getInt("wanted"), rs.getInt("signed_up"), (Long) rs.getObject("need_id"),
				rs.getLong("posted_by"), mine, withSignups ? signups : List.of());
	}

	private List<VolunteerTask.Signup> signups(long taskId) {
		List<Object[]> rows = jdbc.sql("""
				SELECT id, account_id, hours, confirmed_at FROM volunteer_signup WHERE task_id = ? AND withdrawn_at IS NULL ORDER BY id""")
			.param(taskId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getTimestamp(4) })
			.list();
		Map<Long, String> names = accounts.namesOf(rows.stream().map(r -> (Long) r[1]).toList());
		return rows.stream()
			.map(r -> new VolunteerTask.Signup((Long) r[0], (Long) r[1], names.getOrDefault((Long) r[1], ""), (BigDecimal) r[2],
					r[3] == null ? null : ((Timestamp) r[3]).toInstant()))
			.toList();
	}
}
