package org.bangfu.need;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.bangfu.household.HouseholdTexts;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.Money;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.TooManyAttemptsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SMS route of the household's word: a 6-digit code sent to the household's phone on record, naming the need's
 * title and value; the household gives it to the officer only if it asked for this need. Like the login codes
 * (account.SmsCodes): kept only as a keyed hash, valid 10 minutes, at most 5 tries, single use; at most one code a
 * minute and 10 a day per need. A code is bound to the content it was sent for.
 */
@Component
class ConfirmationCodes {

	static final Duration VALID_FOR = Duration.ofMinutes(10);

	static final int MAX_TRIES = 5;

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final HouseholdTexts texts;

	private final Clock clock;

	private final TransactionTemplate separately;

	private final SecureRandom random = new SecureRandom();

	ConfirmationCodes(JdbcClient jdbc, PersonalData personalData, HouseholdTexts texts, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.texts = texts;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Where the code went (masked) and until when it holds. */
	record Sent(String maskedPhone, Instant expiresAt) {
	}

	/** Sends a new code for the need's current content; 400 when the household has no phone (use the form instead). */
	Sent send(Need need, long by) {
		if (!texts.hasPhone(need.householdId())) {
			throw new BadInputException("need.confirm.no-phone");
		}
		// one sender at a time per need, so that a double tap cannot slip past the per-minute limit
		jdbc.sql("SELECT id FROM need WHERE id = ? FOR UPDATE").param(need.id()).query(Long.class).single();
		Instant now = clock.instant();
		java.util.Optional<Instant> last = jdbc.sql("SELECT max(created_at) FROM need_confirmation_code WHERE need_id = ?")
			.param(need.id())
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional();
		if (last.isPresent() && last.get().isAfter(now.minusSeconds(60))) {
			throw new TooManyAttemptsException("need.confirm.code-too-soon", Math.max(1, 60 - Duration.between(last.get(), now).toSeconds()));
		}
		long today = jdbc.sql("SELECT count(*) FROM need_confirmation_code WHERE need_id = ? AND created_at > ?")
			.params(need.id(), Timestamp.from(now.minus(Duration.ofDays(1)))).query(Long.class).single();
		if (today >= 10) {
			throw new TooManyAttemptsException("need.confirm.code-daily-limit");
		}
		String fingerprint = ContentFingerprint.of(need.content());
		String code = String.format("%06d", random.nextInt(1_000_000));
		Instant expires = now.plus(VALID_FOR);
		jdbc.sql("""
				INSERT INTO need_confirmation_code (need_id, fingerprint, code_hash, sent_by, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(need.id(), fingerprint, hash(need.id(), fingerprint, code), by, Timestamp.from(now), Timestamp.from(expires))
			.update();
		String text = "村信息员为您家登记了需求「" + need.content().title() + "」，共 " + Money.yuan(need.content().totalValueFen())
				+ " 元。如果这是您家申请的，请把确认码 " + code + " 告诉村信息员（10 分钟内有效）；如果您没有申请，请不要告诉任何人。";
		String masked = texts.send(need.householdId(), text).orElseThrow(() -> new BadInputException("need.confirm.no-phone"));
		return new Sent(masked, expires);
	}

	/**
	 * Uses up the need's latest code if it matches the need's current content: 400 for a malformed, missing, expired
	 * or wrong code or too many tries; 409 for a code already used (a replay) or one sent for content since edited.
	 */
	void consume(Need need, String code) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			throw new BadInputException("need.confirm.code-malformed");
		}
		record Latest(long id, String fingerprint, byte[] hash, Instant expiresAt, Timestamp usedAt) {
		}
		Latest latest = jdbc.sql("""
				SELECT id, fingerprint, code_hash, expires_at, used_at FROM need_confirmation_code
				WHERE need_id = ? ORDER BY created_at DESC, id DESC LIMIT 1""")
			.param(need.id())
			.query((rs, n) -> new Latest(rs.getLong("id"), rs.getString("fingerprint"), rs.getBytes("code_hash"),
					rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("used_at")))
			.optional()
			.orElseThrow(() -> new BadInputException("need.confirm.code-none"));
		if (latest.usedAt() != null) {
			throw new ConflictException("need.confirm.code-used");
		}
		if (!latest.expiresAt().isAfter(clock.instant())) {
			throw new BadInputException("need.confirm.code-expired");
		}
		if (!latest.fingerprint().equals(ContentFingerprint.of(need.content()))) {
			throw new ConflictException("need.confirm.code-stale");
		}
		// the try is counted before the code is compared, in a transaction of its own which the caller's 400 does not
		// roll back: of many guesses only MAX_TRIES are ever compared
		Integer counted = separately.execute(tx -> jdbc.sql("UPDATE need_confirmation_code SET attempts = attempts + 1 WHERE id = ? AND attempts < ?")
			.params(latest.id(), MAX_TRIES)
			.update());
		if (counted == null || counted == 0) {
			throw new TooManyAttemptsException("need.confirm.code-too-many-tries");
		}
		if (!Arrays.equals(latest.hash(), hash(need.id(), latest.fingerprint(), code.strip()))) {
			throw new BadInputException("need.confirm.code-wrong");
		}
		// conditional, so that of two concurrent uses of one code only the first succeeds
		if (jdbc.sql("UPDATE need_confirmation_code SET used_at = ? WHERE id = ? AND used_at IS NULL")
			.params(Timestamp.from(clock.instant()), latest.id()).update() == 0) {
			throw new ConflictException("need.confirm.code-used");
		}
	}

	private byte[] hash(long needId, String fingerprint, String code) {
		return personalData.lookupHash("need-confirm:" + needId + ":" + fingerprint + ":" + code);
	}
}
