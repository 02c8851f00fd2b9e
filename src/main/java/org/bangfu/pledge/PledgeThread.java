package org.bangfu.pledge;

import org.bangfu.shared.ConflictException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.WorkContacts;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.need.NeedPledging;
import org.bangfu.notify.Notices;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message thread of a pledge, where its donor, the village officer and the household (when it has an account)
 * arrange the delivery. Only the pledge's parties and staff whose scope contains the need may read or write it; to
 * everyone else the pledge does not exist (404). Each message tells the other parties, in the app and by SMS.
 */
@Component
public class PledgeThread {

	public static final int MAX_LENGTH = 500;

	/** What the viewer is to a pledge. */
	public enum Party {
		DONOR, HOUSEHOLD, STAFF
	}

	/** A pledge with its need, as one of its parties sees it. */
	public record Access(Pledge pledge, NeedPledging.Open need, Party party, BangfuUser viewer) {
	}

	public record Message(long id, long authorId, Party role, String body, Instant createdAt) {
	}

	private final Pledges pledges;

	private final NeedPledging needs;

	private final Households households;

	private final Accounts accounts;

	private final WorkContacts contacts;

	private final Notices notices;

	private final OperationLog log;

	private final JdbcClient jdbc;

	private final Clock clock;

	PledgeThread(Pledges pledges, NeedPledging needs, Households households, Accounts accounts, WorkContacts contacts, Notices notices,
			OperationLog log, JdbcClient jdbc, Clock clock) {
		this.pledges = pledges;
		this.needs = needs;
		this.households = households;
		this.accounts = accounts;
		this.contacts = contacts;
		this.notices = notices;
		this.log = log;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The pledge for one of its parties; 404 for anyone else (not 403: don't confirm that it exists). */
	public Access access(BangfuUser user, long pledgeId) {
		Pledge p = pledges.find(pledgeId).orElseThrow(() -> new NotFoundException("pledge.not-found"));
		NeedPledging.Open need = needs.get(p.needId());
		return partyOf(user, p, need).map(party -> new Access(p, need, party, user))
			.orElseThrow(() -> new NotFoundException("pledge.not-found"));
	}

	/** The donor first (a staff member pledging in scope is the donor of that pledge), then the household, then staff in scope. */
	Optional<Party> partyOf(BangfuUser user, Pledge p, NeedPledging.Open need) {
		if (user == null) {
			return Optional.empty();
		}
		if (user.id() == p.donorId()) {
			return Optional.of(Party.DONOR);
		}
		if (households.isOwnAccount(need.householdId(), user.id())) {
			return Optional.of(Party.HOUSEHOLD);
		}
		return user.inScope(need.regionCode()) ? Optional.of(Party.STAFF) : Optional.empty();
	}

	public List<Message> messages(long pledgeId) {
		return jdbc.sql("SELECT * FROM pledge_message WHERE pledge_id = ? ORDER BY id")
			.param(pledgeId)
			.query((rs, n) -> new Message(rs.getLong("id"), rs.getLong("author_id"), Party.valueOf(rs.getString("author_role")),
					rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * Posts a message: 1–500 characters; a key already used by the author is refused (409, a repeat of a sent message);
	 * so is writing on a pledge that was cancelled or lapsed. The other parties are told.
	 */
	@Transactional
	public Message post(BangfuUser user, long pledgeId, String body, String idempotencyKey) {
		Access a = access(user, pledgeId);
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new BadInputException("thread.empty");
		}
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			throw new BadInputException("thread.too-long", MAX_LENGTH);
		}
		a.pledge().checkOpenForMessages();
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null) {
			if (key.length() > 100) {
				throw new BadInputException("pledge.key-too-long");
			}
			// two taps with one key queue here; the second finds the first's message
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("message/" + user.id() + "/" + key).query(Object.class).single();
			if (jdbc.sql("SELECT count(*) FROM pledge_message WHERE author_id = ? AND idempotency_key = ?").params(user.id(), key)
				.query(Long.class).single() > 0) {
				throw new ConflictException("thread.repeat");
			}
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO pledge_message (pledge_id, region_code, author_id, author_role, body, idempotency_key, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(pledgeId, a.pledge().regionCode(), user.id(), a.party().name(), text, key, Timestamp.from(now))
			.query(Long.class)
			.single();
		log.record(user.id(), "pledge.message", "pledge:" + pledgeId, a.pledge().regionCode(), "message " + id);
		String excerpt = text.length() > 40 ? text.substring(0, 40) + "…" : text;
		for (long to : others(a)) {
			notices.tell(to, accounts.phoneOf(to), Notices.Message.of("notice.pledge.message", String.valueOf(pledgeId), excerpt),
					"/pledges/" + pledgeId);
		}
		return new Message(id, user.id(), a.party(), text, now);
	}

	/** The parties other than the writer: the donor, the household's account, the officer to contact. */
	private Set<Long> others(Access a) {
		Set<Long> to = new LinkedHashSet<>();
		to.add(a.pledge().donorId());
		Optional.ofNullable(a.need().householdId()).flatMap(households::byId).map(Household::accountId).ifPresent(to::add);
		contacts.officerFor(a.need().posterId(), a.need().regionCode()).ifPresent(c -> to.add(c.accountId()));
		to.remove(a.viewer().id());
		return to;
	}
}
