package org.bangfu.pledge;

import org.bangfu.shared.InconsistentRequestException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotPermittedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.household.Households;
import org.bangfu.need.NeedPledging;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.PhotoProcessing;
import org.bangfu.shared.PhotoRenditions;
import org.bangfu.shared.events.PledgeMade;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of a pledge. Pledging locks the need (through {@link NeedPledging}) so that however
 * many donors press at once, exactly the need's quantity can be pledged and no more; a repeated
 * request with the same {@code Idempotency-Key} answers the pledge the first one made. Each later step
 * changes only the pledge and publishes what happened ({@code org.bangfu.shared.events}): the need
 * module moves the need, {@link PledgeNotices} tells the people.
 */
@Component
public class Pledging {

	public static final Duration MAX_DEADLINE = Duration.ofDays(60);

	private final Pledges pledges;

	private final NeedPledging needs;

	private final Households households;

	private final ApplicationEventPublisher events;

	private final OperationLog log;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration deadline;

	private final Path receipts;

	public Pledging(Pledges pledges, NeedPledging needs, Households households, ApplicationEventPublisher events, OperationLog log, JdbcClient jdbc,
			BangfuProperties properties, Clock clock, @Value("${bangfu.pledges.deadline:14d}") Duration deadline) {
		this.pledges = pledges;
		this.needs = needs;
		this.households = households;
		this.events = events;
		this.log = log;
		this.jdbc = jdbc;
		this.clock = clock;
		this.deadline = deadline;
		this.receipts = properties.dataDir().resolve("uploads").resolve("receipts");
	}

	Duration defaultDeadline() {
		return deadline;
	}

	/** A donor's pledge request: a plain quantity or quantities by item position; optional deadline in days and note. */
	public record Request(Integer quantity, Map<Integer, Integer> items, Integer days, Boolean staffInScope, String note, Long amountFen) {

		/** What the request asks, to tell a repeat from another request sent with the same key. */
		String fingerprint() {
			return quantity + "|" + (items == null ? null : new java.util.TreeMap<>(items)) + "|" + days + "|" + staffInScope + "|" + note + "|" + amountFen;
		}

		/** Quantities by item position, as the offers and campaigns ask. */
		public static Request of(Map<Integer, Integer> items, Boolean staffInScope, String note) {
			return new Request(null, items, null, staffInScope, note, null);
		}
	}

	/** The pledge and whether this request made it (false: a repeat of an earlier request with the same key). */
	public record Made(long pledgeId, boolean created) {
	}

	@Transactional
	public Made pledge(BangfuUser donor, long needId, Request request, String idempotencyKey) {
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null) {
			if (key.length() > 100) {
				throw new BadInputException("pledge.key-too-long");
			}
			// requests with the same key queue here; the second sees the first's pledge once it commits
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(donor.id() + "/" + key).query(Object.class).single();
			var earlier = pledges.byKey(donor.id(), key);
			if (earlier.isPresent()) {
				if (earlier.get().needId() != needId) {
					throw new ConflictException("pledge.key-reused");
				}
				if (!pledges.madeBy(earlier.get().id(), request.fingerprint())) {
					// the same key with another body is not a repeat but a mistake: say so rather than answer the first pledge
					throw new InconsistentRequestException("pledge.key-other-request");
				}
				return new Made(earlier.get().id(), false);
			}
		}
		Duration within = request.days() == null ? deadline : Duration.ofDays(request.days());
		Instant now = clock.instant();
		NeedPledging.Taken taken = needs.take(needId, need -> admit(donor, need, request, within), request.quantity(), request.items(),
				request.amountFen(), donor.id(), now);
		boolean staffInScope = donor.inScope(taken.regionCode());
		long id = pledges.insert(needId, taken.regionCode(), taken.householdId(), donor.id(), taken.byPosition(), taken.quantity(),
				taken.valueFen(), staffInScope, key, now.plus(within),
				request.note() == null || request.note().isBlank() ? null : request.note().strip(), now);
		if (key != null) {
			pledges.rememberRequest(id, request.fingerprint());
		}
		log.record(donor.id(), "pledge.create", "need:" + needId, taken.regionCode(), "pledge:" + id + " quantity " + taken.quantity());
		events.publishEvent(new PledgeMade(id, needId, donor.id(), now));
		return new Made(id, true);
	}

	/**
	 * How long the fund's pledge of a money line stands: the money is already on the fund's account, so the pledge must
	 * not lapse while the fund staff arrange the payment; ten years is "until paid" in practice.
	 */
	public static final Duration FUND_DEADLINE = Duration.ofDays(3650);

	/**
	 * The fund pledges a whole money line whose money it now holds (gifts or a grant cover it), as the account
	 * {@code fundAccountId} stands for the fund: only a money line, only through the fund (the need refuses otherwise,
	 * 409). In the caller's transaction; answers the new pledge's id.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public long pledgeByFund(long needId, int position, long fundAccountId) {
		Instant now = clock.instant();
		NeedPledging.Taken taken = needs.takeMoneyLine(needId, position, fundAccountId, now);
		long id = pledges.insert(needId, taken.regionCode(), taken.householdId(), fundAccountId, taken.byPosition(), taken.quantity(),
				taken.valueFen(), false, null, now.plus(FUND_DEADLINE), null, now);
		log.record(fundAccountId, "pledge.create", "need:" + needId, taken.regionCode(), "pledge:" + id + " quantity 1"); // the whole money line: one unit, in the shape the log page reads
		events.publishEvent(new PledgeMade(id, needId, fundAccountId, now));
		return id;
	}

	/** The fund paid the payee of the line its pledge holds: the pledge is on its way (the household then confirms receipt). */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void shipByFund(long pledgeId, long fundAccountId) {
		Pledge p = pledges.get(pledgeId);
		PledgeState before = p.state();
		p.ship(fundAccountId, clock.instant());
		pledges.save(p, before);
		log.record(fundAccountId, "pledge.ship", "pledge:" + pledgeId, p.regionCode(), "基金已付款给收款方");
	}

	/** The state of a pledge, for the fund's pages (whether its pledge of a line is still waiting, on its way or received). */
	public PledgeState stateOf(long pledgeId) {
		return pledges.get(pledgeId).state();
	}

	/**
	 * Who may pledge this need ({@link PledgeEligibility}), and how: staff pledging in their own scope say so (their help
	 * is counted apart from society's), and the note and the deadline are within bounds.
	 */
	private void admit(BangfuUser donor, NeedPledging.Open need, Request request, Duration within) {
		PledgeEligibility.require(donor, households.isOwnAccount(need.householdId(), donor.id()), need);
		if (donor.inScope(need.regionCode()) && !Boolean.TRUE.equals(request.staffInScope())) {
			throw new BadInputException("pledge.staff-in-scope-unmarked");
		}
		if (request.note() != null && request.note().length() > 200) {
			throw new BadInputException("pledge.note-too-long", 200);
		}
		if (within.isNegative() || within.isZero() || within.compareTo(MAX_DEADLINE) > 0) {
			throw new BadInputException("pledge.days", MAX_DEADLINE.toDays());
		}
	}

	@Transactional
	public void ship(BangfuUser donor, long pledgeId) {
		Pledge p = mine(donor, pledgeId);
		PledgeState before = p.state();
		p.ship(donor.id(), clock.instant());
		pledges.save(p, before);
		log.record(donor.id(), "pledge.ship", "pledge:" + pledgeId, p.regionCode(), null);
	}

	/** The household or its village officer confirms receipt, with a photo of what arrived. */
	@Transactional
	public void receive(BangfuUser by, long pledgeId, InputStream photo) {
		Pledge p = pledges.get(pledgeId);
		ReceiptConfirmation.requireToReceive(by, households.isOwnAccount(p.householdId(), by.id()), p);
		if (photo == null) {
			throw new BadInputException("pledge.receipt-photo-required");
		}
		PledgeState before = p.state();
		if (!before.equals(PledgeState.COMMITTED) && !before.equals(PledgeState.IN_TRANSIT)) {
			p.receive(by.id(), null, clock.instant()); // refused with the state's reason
		}
		PhotoProcessing.Processed processed = PhotoProcessing.process(photo);
		String file = pledgeId + ".jpg";
		p.receive(by.id(), file, clock.instant());
		pledges.save(p, before);
		try {
			Files.createDirectories(receipts);
			Files.write(receipts.resolve(file), processed.display());
			Files.write(receipts.resolve(pledgeId + "-thumb.jpg"), processed.thumbnail());
			PhotoRenditions.makeAll(receipts.resolve(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		log.record(by.id(), "pledge.receive", "pledge:" + pledgeId, p.regionCode(), null);
	}

	@Transactional
	public void cancel(BangfuUser donor, long pledgeId, String reason) {
		if (reason != null && reason.length() > 200) {
			throw new BadInputException("pledge.note-too-long", 200);
		}
		Pledge p = mine(donor, pledgeId);
		PledgeState before = p.state();
		p.cancel(donor.id(), reason, clock.instant());
		pledges.save(p, before);
		log.record(donor.id(), "pledge.cancel", "pledge:" + pledgeId, p.regionCode(), reason);
	}

	/** Lapses one pledge past its deadline and puts its quantities back on the list; tells donor and the need's poster. */
	@Transactional
	public boolean lapse(long pledgeId) {
		Pledge p = pledges.get(pledgeId);
		Instant now = clock.instant();
		if (!(p.state() == PledgeState.COMMITTED || p.state() == PledgeState.IN_TRANSIT) || !now.isAfter(p.deadline())) {
			return false;
		}
		PledgeState before = p.state();
		p.lapse(now);
		pledges.save(p, before);
		return true;
	}

	private Pledge mine(BangfuUser donor, long pledgeId) {
		Pledge p = pledges.get(pledgeId);
		if (p.donorId() != donor.id()) {
			if (donor.inScope(p.regionCode())) {
				throw new NotPermittedException("pledge.donor-only");
			}
			throw new NotFoundException("pledge.not-found");
		}
		return p;
	}

	Path receiptPhoto(long pledgeId, boolean thumbnail) {
		return receipts.resolve(pledgeId + (thumbnail ? "-thumb.jpg" : ".jpg"));
	}
}
