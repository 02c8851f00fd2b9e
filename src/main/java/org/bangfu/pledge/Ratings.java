package org.bangfu.pledge;

import org.bangfu.shared.ConflictException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.household.Households;
import org.bangfu.shared.events.PledgeRated;
import org.springframework.context.ApplicationEventPublisher;
import org.bangfu.notify.Notices;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Ratings and thanks for help received, and the donors' feedback: once each per pledge, only after receipt. */
@Component
public class Ratings {

	private final Pledges pledges;

	private final ApplicationEventPublisher events;

	private final Households households;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Notices notices;

	private final Accounts accounts;

	public Ratings(Pledges pledges, ApplicationEventPublisher events, Households households, JdbcClient jdbc, Clock clock, Notices notices, Accounts accounts) {
		this.notices = notices;
		this.accounts = accounts;
		this.pledges = pledges;
		this.events = events;
		this.households = households;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public void rate(BangfuUser by, long pledgeId, Integer stars, String thanks) {
		Pledge p = pledges.get(pledgeId);
		ReceiptConfirmation.requireToRate(by, households.isOwnAccount(p.householdId(), by.id()), p);
		if (p.state() != PledgeState.RECEIVED) {
			throw new ConflictException("rating.not-received");
		}
		if (stars == null || stars < 1 || stars > 5) {
			throw new BadInputException("rating.stars");
		}
		String text = clean(thanks, 300);
		try {
			jdbc.sql("INSERT INTO pledge_rating (pledge_id, stars, thanks, rated_by, rated_at) VALUES (?, ?, ?, ?, ?)")
				.params(pledgeId, stars, text, by.id(), Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("rating.twice");
		}
		notices.tell(p.donorId(), accounts.phoneOf(p.donorId()),
				Notices.Message.of(text == null ? "notice.pledge.rated" : "notice.pledge.rated.thanks", String.valueOf(pledgeId), String.valueOf(stars)),
				"/needs/" + p.needId());
		// a confirmed need whose every received pledge has been rated is closed
		long unrated = jdbc.sql("""
				SELECT count(*) FROM pledge p WHERE p.need_id = ? AND p.state = 'RECEIVED'
				AND NOT EXISTS (SELECT 1 FROM pledge_rating r WHERE r.pledge_id = p.id)""")
			.param(p.needId())
			.query(Long.class)
			.single();
		events.publishEvent(new PledgeRated(pledgeId, p.needId(), unrated == 0, by.id(), clock.instant()));
	}

	@Transactional
	public void feedback(BangfuUser donor, long pledgeId, String text) {
		Pledge p = pledges.get(pledgeId);
		if (p.donorId() != donor.id()) {
			throw new NotFoundException("pledge.not-found");
		}
		if (p.state() != PledgeState.RECEIVED) {
			throw new ConflictException("rating.not-received");
		}
		String clean = clean(text, 300);
		if (clean == null) {
			throw new BadInputException("feedback.empty");
		}
		try {
			jdbc.sql("INSERT INTO pledge_feedback (pledge_id, text, written_at) VALUES (?, ?, ?)")
				.params(pledgeId, clean, Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("feedback.twice");
		}
	}

	private static String clean(String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.length() > max) {
			throw new BadInputException("rating.too-long", max);
		}
		return t;
	}

	/** What the need's page shows of the help it received: stars, thanks, the donor's words. */
	public record Shown(long pledgeId, Integer stars, String thanks, String feedback, Instant ratedAt) {
	}

	public List<Shown> ofNeed(long needId) {
		return jdbc.sql("""
				SELECT p.id, r.stars, r.thanks, f.text AS feedback, r.rated_at FROM pledge p
				LEFT JOIN pledge_rating r ON r.pledge_id = p.id LEFT JOIN pledge_feedback f ON f.pledge_id = p.id
				WHERE p.need_id = ? AND (r.pledge_id IS NOT NULL OR f.pledge_id IS NOT NULL) ORDER BY p.id""")
			.param(needId)
			.query((rs, n) -> new Shown(rs.getLong("id"), (Integer) rs.getObject("stars"), rs.getString("thanks"), rs.getString("feedback"),
					rs.getTimestamp("rated_at") == null ? null : rs.getTimestamp("rated_at").toInstant()))
			.list();
	}
}
