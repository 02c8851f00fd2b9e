package org.bangfu.need;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotPermittedException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A flag has consequences (issue 16). Publishing a need whose flags reach {@link FlagSeverity#REASON} takes the
 * verifier's written reason; one that reaches {@link FlagSeverity#ESCALATE} takes two people at two levels: the first
 * approval (with its reason) leaves the need SUBMITTED, waiting for a manager of a higher level (the county for a
 * township station, the city for a county; for the city office a second city admin), whose approval publishes it.
 * Whoever approves first, the second is above them: a county center that approves first hands the need to the city.
 */
@Component
class FlagReview {

	/** Fewer characters than this is no reason ("同意", "已核实"): the supervisors must be able to read why. */
	static final int MIN_REASON = 8;

	static final int MAX_REASON = 500;

	/** What the verifier's approval did: published the need (as before), or left it waiting for the next level. */
	enum Step {
		PUBLISH, AWAIT_HIGHER
	}

	/**
	 * What the caller may do with a submitted need's flags: the highest severity, whether a reason is asked, the level
	 * a first approval waits for ({@code awaiting}, null when none waits), and whether the caller may approve now.
	 */
	record Gate(int severity, boolean reasonRequired, boolean twoLevels, FlagDecisions.Level awaiting, String awaitingReason,
			boolean approvable) {
	}

	private final Needs needs;

	private final FlagDecisions decisions;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	FlagReview(Needs needs, FlagDecisions decisions, JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.needs = needs;
		this.decisions = decisions;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	static int severity(List<Needs.Flag> flags) {
		return flags.stream().mapToInt(Needs.Flag::severity).max().orElse(0);
	}

	/**
	 * Checks and records the caller's approval of the need's flags, before it is verified. Unflagged (or advice only):
	 * publish as before, nothing recorded. Otherwise a reason of {@value #MIN_REASON}..{@value #MAX_REASON} characters
	 * (400 naming the flags); for a grave flag the second approval must come from another person (409) at a higher level
	 * (403). Nothing is changed when refused.
	 */
	Step approve(BangfuUser by, Need need, String reason) {
		List<Needs.Flag> flags = needs.flags(need.id());
		int severity = severity(flags);
		// a need not waiting for verification is refused by its lifecycle (409), before anything is recorded
		if (severity < FlagSeverity.REASON || need.state() != NeedState.SUBMITTED) {
			return Step.PUBLISH;
		}
		String why = reason == null ? "" : reason.strip();
		if (why.codePointCount(0, why.length()) < MIN_REASON || why.length() > MAX_REASON) {
			throw new BadInputException(severity >= FlagSeverity.ESCALATE ? "need.flag.reason-required.escalate" : "need.flag.reason-required",
					flagNames(flags), MIN_REASON);
		}
		// two verifiers of one level at once must not both be "first": the need's row is the lock
		jdbc.sql("SELECT id FROM need WHERE id = ? FOR UPDATE").param(need.id()).query(Long.class).single();
		FlagDecisions.Level level = FlagDecisions.Level.of(by, need.regionCode());
		Step step = Step.PUBLISH;
		if (severity >= FlagSeverity.ESCALATE) {
			List<FlagDecisions.Decision> earlier = decisions.current(need.id());
			if (earlier.isEmpty()) {
				step = Step.AWAIT_HIGHER;
			}
			else {
				FlagDecisions.Decision first = earlier.get(0);
				if (first.approverId() == by.id()) {
					throw new ConflictException("need.flag.approved-already", resolvable(first.level().next().label()));
				}
				if (!level.completes(first.level())) {
					throw new NotPermittedException("need.flag.higher-level", resolvable(first.level().label()),
							resolvable(first.level().next().label()));
				}
			}
		}
		decisions.record(need.id(), level, by.id(), station(by, need.regionCode(), level), why, flags, step == Step.PUBLISH, clock.instant());
		return step;
	}

	/** What the caller may do about the submitted need's flags (the need page); null when nothing is flagged. */
	Gate gate(BangfuUser user, Need need) {
		List<Needs.Flag> flags = needs.flags(need.id());
		int severity = severity(flags);
		if (severity < FlagSeverity.REASON || need.state() != NeedState.SUBMITTED) {
			return null;
		}
		boolean twoLevels = severity >= FlagSeverity.ESCALATE;
		FlagDecisions.Decision first = twoLevels ? decisions.current(need.id()).stream().findFirst().orElse(null) : null;
		FlagDecisions.Level level = FlagDecisions.Level.of(user, need.regionCode());
		boolean approvable = VerificationPolicy.allows(user, need)
				&& (first == null || (first.approverId() != user.id() && level != null && level.completes(first.level())));
		return new Gate(severity, true, twoLevels, first == null ? null : first.level().next(), first == null ? null : first.reason(), approvable);
	}

	/** The region of the caller's grant at that level that covers the need: its station or office. */
	private static String station(BangfuUser by, String regionCode, FlagDecisions.Level level) {
		return by.staffGrants().stream()
			.filter(g -> g.covers(regionCode) && VerificationPolicy.isManager(g))
			.filter(g -> level == FlagDecisions.Level.CITY ? g.role() == org.bangfu.account.Role.CITY_ADMIN
					: level == FlagDecisions.Level.COUNTY ? g.role() == org.bangfu.account.Role.COUNTY_ADMIN
							: g.role() == org.bangfu.account.Role.TOWNSHIP_MANAGER)
			.map(g -> g.region().code())
			.findFirst()
			.orElse(regionCode);
	}

	/** The flags in words, for the message naming them. */
	private String flagNames(List<Needs.Flag> flags) {
		Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return String.join("；", flags.stream()
			.filter(f -> f.severity() >= FlagSeverity.REASON)
			.map(f -> messages.getMessage(f.messageKey(), f.args().toArray(), f.rule(), locale))
			.toList());
	}

	private static DefaultMessageSourceResolvable resolvable(String key) {
		return new DefaultMessageSourceResolvable(key);
	}
}
