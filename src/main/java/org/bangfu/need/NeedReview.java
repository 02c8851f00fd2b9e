package org.bangfu.need;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.notify.Notices;
import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification, by whom {@link VerificationPolicy} allows. A verified need is published at once (or, under a
 * campaign's {@link PublicationHolds hold}, at its launch); a rejected one goes back to its poster with the reason.
 */
@Component
public class NeedReview {

	private final Needs needs;

	private final JdbcClient jdbc;

	private final NeedNotices notices;

	private final OperationLog log;

	private final Accounts accounts;

	private final Clock clock;

	private final PublicationHolds holds;

	private final HouseholdConfirmations confirmations;

	private final FlagReview flagReview;

	public NeedReview(Needs needs, JdbcClient jdbc, NeedNotices notices, OperationLog log, Accounts accounts, Clock clock,
			PublicationHolds holds, HouseholdConfirmations confirmations, FlagReview flagReview) {
		this.confirmations = confirmations;
		this.flagReview = flagReview;
		this.holds = holds;
		this.accounts = accounts;
		this.needs = needs;
		this.jdbc = jdbc;
		this.notices = notices;
		this.log = log;
		this.clock = clock;
	}

	/** The need, if the caller may verify or reject it ({@link VerificationPolicy}). */
	private Need reviewable(BangfuUser by, long id) {
		Need need = needs.get(id);
		VerificationPolicy.require(by, need);
		return need;
	}

	/** Verifies a need without a written reason: enough for one that is not flagged (or flagged as advice only). */
	@Transactional
	public Need verify(BangfuUser by, long id) {
		return verify(by, id, null);
	}

	/**
	 * Verifies the need; a flagged one takes the verifier's {@code reason}, a gravely flagged one first waits, still
	 * SUBMITTED, for a second approval at a higher level ({@link FlagReview}).
	 */
	@Transactional
	public Need verify(BangfuUser by, long id, String reason) {
		Need need = reviewable(by, id);
		confirmations.require(need); // the household's own word on what was posted on its behalf (issue 16)
		// a campaign's hold over the need's region keeps it back until the launch (F24); read under lock against a release
		Long hold = holds.holding(need.regionCode()).orElse(null);
		if (flagReview.approve(by, need, reason) == FlagReview.Step.AWAIT_HIGHER) {
			return escalated(by, need, reason.strip());
		}
		need.verify(by.id(), clock.instant(), hold);
		needs.save(need);
		log.record(by.id(), "need.verify", "need:" + id, need.regionCode(), null);
		String notice = need.heldBy() != null ? "notice.need.verified-held" : "notice.need.verified";
		tell(need, by, Notices.Message.of(notice, need.content().title()), Notices.Message.of(notice + ".household", need.content().title()));
		return needs.get(id);
	}

	/** The first of two approvals: the poster is told, and the managers of the level that decides next. */
	private Need escalated(BangfuUser by, Need need, String reason) {
		log.record(by.id(), "need.escalate", "need:" + need.id(), need.regionCode(), reason);
		String title = need.content().title();
		tell(need, by, Notices.Message.of("notice.need.escalated", title), Notices.Message.of("notice.need.escalated.household", title));
		FlagDecisions.Level next = FlagDecisions.Level.of(by, need.regionCode()).next();
		String office = next == FlagDecisions.Level.COUNTY ? need.regionCode().substring(0, 6) : need.regionCode().substring(0, 4) + "00";
		List<Long> managers = accounts.staffAt(office).stream().filter(a -> a != by.id() && a != need.posterId()).toList();
		notices.tellAccounts(managers, Notices.Message.of("notice.need.escalated.next", title, reason), "/needs/" + need.id());
		return needs.get(need.id());
	}

	@Transactional
	public Need reject(BangfuUser by, long id, String reason) {
		Need need = reviewable(by, id);
		need.reject(by.id(), reason, clock.instant());
		needs.save(need);
		log.record(by.id(), "need.reject", "need:" + id, need.regionCode(), reason);
		tell(need, by, Notices.Message.of("notice.need.rejected", need.content().title(), need.rejectReason()),
				Notices.Message.of("notice.need.rejected.household", need.content().title(), need.rejectReason()));
		return needs.get(id);
	}

	/** The poster and, in its own words, the household (when it has an account and did not post the need itself). */
	private void tell(Need need, BangfuUser by, Notices.Message toPoster, Notices.Message toHousehold) {
		notices.tell(need.posterId(), need.householdId(), toPoster, toHousehold, "/needs/" + need.id(), by.id());
	}

	/** A submitted need waiting for verification, with the abuse rules' findings and, when escalated, its first approval. */
	public record Waiting(long id, String title, NeedCategory category, String regionCode, String regionName, long totalValueFen,
			java.time.Instant submittedAt, String posterName, List<Needs.Flag> flags, Escalation escalation) {
	}

	/**
	 * A gravely flagged need's first approval (issue 16): its level, station and reason, the level that decides next,
	 * and whether the caller is one who may (then the queue shows it first).
	 */
	public record Escalation(FlagDecisions.Level level, String stationName, String reason, FlagDecisions.Level next, boolean yours) {
	}

	/** A queued need as its row reads, before the poster's name and the flags are added. */
	private record Queued(Waiting waiting, long posterId) {

		Waiting completed(String poster, List<Needs.Flag> flags) {
			Waiting w = waiting;
			return new Waiting(w.id(), w.title(), w.category(), w.regionCode(), w.regionName(), w.totalValueFen(), w.submittedAt(), poster,
					flags, w.escalation());
		}
	}

	/**
	 * The verification queue of the region's subtree (which must lie in the caller's scope): escalated needs the caller
	 * decides first, then oldest first.
	 */
	public List<Waiting> queue(BangfuUser by, Region scope, int page) {
		VerificationPolicy.requireQueue(by, scope);
		Scope in = Scope.of(scope);
		FlagDecisions.Level mine = FlagDecisions.Level.highest(by);
		List<Queued> rows = in.bind(jdbc.sql("""
				SELECT n.id, n.title, n.category, n.region_code, r.name AS region_name, n.total_value_fen,
				       coalesce(n.submitted_at, n.created_at) AS submitted_at, n.poster_id,
				       e.level AS first_level, e.approver_id AS first_by, e.reason AS first_reason, s.name AS first_station,
				       (e.level IS NOT NULL AND e.approver_id <> :me AND (e.level = 'CITY' AND :rank = 2 OR
				        (CASE e.level WHEN 'TOWNSHIP' THEN 0 WHEN 'COUNTY' THEN 1 ELSE 2 END) < :rank)) AS yours
				FROM need n JOIN region r ON r.code = n.region_code
				LEFT JOIN LATERAL (
				    SELECT a.level, a.approver_id, a.reason, a.region_code FROM need_flag_approval a
				    WHERE a.need_id = n.id AND NOT a.published
				      AND a.submission = (SELECT count(*) FROM need_transition t WHERE t.need_id = n.id AND t.action = 'SUBMIT')
				    ORDER BY a.id LIMIT 1) e ON true
				LEFT JOIN region s ON s.code = e.region_code
				WHERE n.state = 'SUBMITTED' AND %s AND (length(n.region_code) > 6 OR :county)
				ORDER BY yours DESC, n.submitted_at, n.id LIMIT 50 OFFSET :offset""".formatted(in.sql("n.region_code"))))
			.param("county", VerificationPolicy.seesCountyNeeds(by, scope))
			.param("me", by.id())
			.param("rank", mine == null ? -1 : mine.ordinal())
			.param("offset", Math.max(0, page) * 50)
			.query((rs, n) -> new Queued(new Waiting(rs.getLong("id"), rs.getString("title"), NeedCategory.valueOf(rs.getString("category")),
					rs.getString("region_code"), rs.getString("region_name"), rs.getLong("total_value_fen"),
					rs.getTimestamp("submitted_at").toInstant(), null, List.of(), escalation(rs)), rs.getLong("poster_id")))
			.list();
		// the posters' names in one call to the account module, for the page's rows only
		Map<Long, String> posters = accounts.namesOf(rows.stream().map(Queued::posterId).distinct().toList());
		return rows.stream().map(q -> q.completed(posters.get(q.posterId()), needs.flags(q.waiting().id()))).toList();
	}

	private static Escalation escalation(java.sql.ResultSet rs) throws java.sql.SQLException {
		if (rs.getString("first_level") == null) {
			return null;
		}
		FlagDecisions.Level first = FlagDecisions.Level.valueOf(rs.getString("first_level"));
		return new Escalation(first, rs.getString("first_station"), rs.getString("first_reason"), first.next(), rs.getBoolean("yours"));
	}

	public long waitingCount(BangfuUser by, Region scope) {
		Scope in = Scope.of(scope);
		return in.bind(jdbc.sql("SELECT count(*) FROM need WHERE state = 'SUBMITTED' AND " + in.sql("region_code")
				+ " AND (length(region_code) > 6 OR :county)"))
			.param("county", VerificationPolicy.seesCountyNeeds(by, scope))
			.query(Long.class)
			.single();
	}
}
