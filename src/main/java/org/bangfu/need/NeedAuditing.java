package org.bangfu.need;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.shared.events.NeedAudited;
import org.bangfu.shared.events.NeedFoundFalse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a supervision finding does to a need (督查, issue 16). FALSE withdraws a need still gathering help
 * (PUBLISHED, PARTLY_PLEDGED, PLEDGED → WITHDRAWN, action FIND_FALSE, NeedEnded); a need already delivered or further
 * keeps its state — the help went out and cannot be recalled — but the finding is recorded and shown. Either way the
 * poster and the verifier lose points ({@link NeedFoundFalse}). The latest finding of each need is kept on it
 * (audited_at, audit_outcome) from {@link NeedAudited} so its public page can say it was checked.
 */
@Component
public class NeedAuditing {

	/** The states a FALSE finding withdraws the need from. */
	public static final Set<NeedState> WITHDRAWN_WHEN_FALSE = EnumSet.of(NeedState.PUBLISHED, NeedState.PARTLY_PLEDGED, NeedState.PLEDGED);

	private final Needs needs;

	private final JdbcClient jdbc;

	private final OperationLog log;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NeedAuditing(Needs needs, JdbcClient jdbc, OperationLog log, ApplicationEventPublisher events, Clock clock) {
		this.needs = needs;
		this.jdbc = jdbc;
		this.log = log;
		this.events = events;
		this.clock = clock;
	}

	/** Records the need found false by {@code by}; answers whether it was withdrawn (else its state stays). */
	@Transactional
	public boolean foundFalse(BangfuUser by, long needId, String reason) {
		Need need = needs.get(needId);
		Instant now = clock.instant();
		boolean withdrawn = WITHDRAWN_WHEN_FALSE.contains(need.state());
		if (withdrawn) {
			need.findFalse(by.id(), reason, now);
			needs.save(need);
			log.record(by.id(), "need.find-false", "need:" + needId, need.regionCode(), reason);
		}
		events.publishEvent(new NeedFoundFalse(need.id(), need.regionCode(), need.posterId(), need.verifiedBy(), by.id(), reason, now));
		return withdrawn;
	}

	public record Audit(String outcome, Instant at) {
	}

	/** The latest supervision finding on the need, if it was checked. */
	public Optional<Audit> latest(long needId) {
		return jdbc.sql("SELECT audit_outcome, audited_at FROM need WHERE id = ? AND audited_at IS NOT NULL")
			.param(needId)
			.query((rs, n) -> new Audit(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	@ApplicationModuleListener
	void on(NeedAudited e) {
		jdbc.sql("UPDATE need SET audited_at = ?, audit_outcome = ? WHERE id = ? AND (audited_at IS NULL OR audited_at <= ?)")
			.params(Timestamp.from(e.at()), e.outcome(), e.needId(), Timestamp.from(e.at()))
			.update();
	}
}
