package org.bangfu.need;

import org.bangfu.shared.TooManyAttemptsException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotPermittedException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.bangfu.shared.events.NeedFoundFalse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Report this need" (举报): anyone, signed in or not, may report a public need; reports queue for the
 * supervisors (扶贫监督员) and managers whose scope contains the need, who dismiss them or withdraw the
 * need. A few reports an hour per address keep the button from being used to flood the queue.
 */
@Component
public class NeedReports {

	static final int PER_ADDRESS_PER_HOUR = 5;

	public enum Reason {
		FALSE_INFO, LUXURY, DUPLICATE, PRIVACY, OTHER
	}

	private final Needs needs;

	private final NeedPosting posting;

	private final JdbcClient jdbc;

	private final OperationLog log;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	NeedReports(Needs needs, NeedPosting posting, JdbcClient jdbc, OperationLog log, ApplicationEventPublisher events, Clock clock) {
		this.needs = needs;
		this.events = events;
		this.posting = posting;
		this.jdbc = jdbc;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	public long report(long needId, Reason reason, String text, BangfuUser reporter, String ip) {
		Need need = needs.find(needId).filter(n -> NeedState.PUBLIC.contains(n.state()))
			.orElseThrow(() -> new NotFoundException("need.not-found"));
		if (reason == null) {
			throw new BadInputException("need.report.reason-required");
		}
		String detail = text == null ? null : text.strip();
		if (detail != null && detail.length() > 500) {
			throw new BadInputException("need.report.too-long", 500);
		}
		if (ip != null) {
			// one report at a time per address, on any node, so that a burst cannot slip past the hourly limit
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("need-report:" + ip).query((rs, n) -> 1).list();
		}
		Instant now = clock.instant();
		long recent = jdbc.sql("SELECT count(*) FROM need_report WHERE reporter_ip = ? AND reported_at > ?")
			.params(ip, Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Long.class)
			.single();
		if (recent >= PER_ADDRESS_PER_HOUR) {
			throw new TooManyAttemptsException("need.report.too-many");
		}
		return jdbc.sql("""
				INSERT INTO need_report (need_id, region_code, reason, text, reporter_id, reporter_ip, reported_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(needId, need.regionCode(), reason.name(), detail == null || detail.isEmpty() ? null : detail,
					reporter == null ? null : reporter.id(), ip, Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	public record Open(long id, long needId, String needTitle, NeedState needState, String regionCode, Reason reason, String text,
			Instant reportedAt) {
	}

	/** Whether the user reviews reports of the region: a supervisor or a manager whose scope contains it. */
	static boolean reviews(BangfuUser user, String regionCode) {
		return user.grants().stream()
			.anyMatch(g -> g.covers(regionCode) && (g.role() == Role.SUPERVISOR || VerificationPolicy.isManager(g)));
	}

	public List<Open> open(BangfuUser user, Region scope) {
		if (!reviews(user, scope.code())) {
			throw new NotFoundException("region.not-found", scope.code());
		}
		Scope in = Scope.of(scope);
		return in.bind(jdbc.sql("""
				SELECT r.id, r.need_id, n.title, n.state, r.region_code, r.reason, r.text, r.reported_at
				FROM need_report r JOIN need n ON n.id = r.need_id
				WHERE r.handled_at IS NULL AND %s ORDER BY r.reported_at LIMIT 200""".formatted(in.sql("r.region_code"))))
			.query((rs, n) -> new Open(rs.getLong("id"), rs.getLong("need_id"), rs.getString("title"),
					NeedState.valueOf(rs.getString("state")), rs.getString("region_code"), Reason.valueOf(rs.getString("reason")),
					rs.getString("text"), rs.getTimestamp("reported_at").toInstant()))
			.list();
	}

	/** Handles a report: dismissed, or the need withdrawn (when its state still allows it) with the report as reason. */
	@Transactional
	public void handle(BangfuUser user, long reportId, boolean withdrawNeed, String note) {
		record Row(long needId, String regionCode, boolean handled) {
		}
		Row row = jdbc.sql("SELECT need_id, region_code, handled_at IS NOT NULL AS handled FROM need_report WHERE id = ? FOR UPDATE")
			.param(reportId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
			.optional()
			.filter(r -> reviews(user, r.regionCode()))
			.orElseThrow(() -> new NotFoundException("need.report.not-found"));
		if (row.handled()) {
			throw new ConflictException("need.report.handled");
		}
		if (withdrawNeed) {
			if (!user.inScope(row.regionCode())) {
				throw new NotPermittedException("need.verify-role");
			}
			posting.withdraw(user, row.needId(), note == null || note.isBlank() ? "举报核实" : note);
			Need found = needs.get(row.needId());
			events.publishEvent(new NeedFoundFalse(found.id(), found.regionCode(), found.posterId(), found.verifiedBy(), user.id(), note,
					clock.instant()));
		}
		jdbc.sql("UPDATE need_report SET handled_by = ?, handled_at = ?, outcome = ? WHERE id = ?")
			.params(user.id(), Timestamp.from(clock.instant()), (withdrawNeed ? "WITHDRAWN" : "DISMISSED") + (note == null ? "" : ": " + note),
					reportId)
			.update();
		log.record(user.id(), "need.report.handle", "need:" + row.needId(), row.regionCode(), withdrawNeed ? "withdrawn" : "dismissed");
	}

	public record Reported(long id, long needId, String regionCode) {
	}

	/** An open report the user reviews, for supervision to visit its need (404 outside the user's reports, 409 handled). */
	public Reported openReport(BangfuUser user, long reportId) {
		record Row(Reported report, boolean handled) {
		}
		Row row = jdbc.sql("SELECT need_id, region_code, handled_at IS NOT NULL AS handled FROM need_report WHERE id = ?")
			.param(reportId)
			.query((rs, n) -> new Row(new Reported(reportId, rs.getLong(1), rs.getString(2)), rs.getBoolean(3)))
			.optional()
			.filter(r -> reviews(user, r.report().regionCode()))
			.orElseThrow(() -> new NotFoundException("need.report.not-found"));
		if (row.handled()) {
			throw new ConflictException("need.report.handled");
		}
		return row.report();
	}

	/** Closes a report by a supervision visit's finding: upheld (the need was found false) or dismissed. */
	@Transactional
	public void closeByAudit(BangfuUser user, long reportId, boolean upheld, String note) {
		Reported r = openReport(user, reportId);
		jdbc.sql("UPDATE need_report SET handled_by = ?, handled_at = ?, outcome = ? WHERE id = ? AND handled_at IS NULL")
			.params(user.id(), Timestamp.from(clock.instant()), (upheld ? "UPHELD" : "DISMISSED") + ": 督查核查 " + note, reportId)
			.update();
		log.record(user.id(), "need.report.handle", "need:" + r.needId(), r.regionCode(), upheld ? "upheld by audit" : "dismissed by audit");
	}
}
