package org.bangfu.account;

import org.bangfu.shared.TooManyAttemptsException;
import org.bangfu.shared.ConflictException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.bangfu.notify.Sms;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.PersonalData;
import org.bangfu.shared.PhoneNumbers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS verification codes: 6 digits, valid 5 minutes, single use, at most 5 wrong tries; kept only as
 * a keyed hash. Sending is limited per phone (1 a minute, 10 a day) and per IP address (by default
 * 10 a minute, 100 a day: a village officer registers many households from one connection, and
 * mobile carriers put many phones behind one address).
 */
@Component
public class SmsCodes {

	public enum Purpose {
		REGISTER, LOGIN
	}

	public static final Duration VALID_FOR = Duration.ofMinutes(5);

	static final int MAX_TRIES = 5;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final PersonalData personalData;

	private final Sms sms;

	private final Clock clock;

	private final int perIpPerMinute;

	private final int perIpPerDay;

	private final SecureRandom random = new SecureRandom();

	private final TransactionTemplate separately;

	SmsCodes(JdbcClient jdbc, Accounts accounts, PersonalData personalData, Sms sms, Clock clock, PlatformTransactionManager transactions,
			@Value("${bangfu.sms.per-ip-per-minute:10}") int perIpPerMinute, @Value("${bangfu.sms.per-ip-per-day:100}") int perIpPerDay) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.personalData = personalData;
		this.sms = sms;
		this.clock = clock;
		this.perIpPerMinute = perIpPerMinute;
		this.perIpPerDay = perIpPerDay;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Sends a new code, unless a limit is reached (429 with the reason). */
	@Transactional
	void send(String phone, Purpose purpose, String ip) {
		send(phone, purpose, ip, true);
	}

	/**
	 * A code asked for by someone: a registration code for a phone not yet registered (409 otherwise); a
	 * login code sent to a registered phone, and for any other phone only recorded and counted, so that the
	 * answer (202, or the same 429s) does not tell whether the phone is registered.
	 */
	@Transactional
	public void request(String phone, Purpose purpose, String ip) {
		if (purpose == Purpose.REGISTER && accounts.phoneTaken(PhoneNumbers.normalise(phone))) {
			throw new ConflictException("account.phone.taken");
		}
		send(phone, purpose, ip, purpose == Purpose.REGISTER || PhoneNumbers.isValid(phone) && accounts.findByPhone(phone).isPresent());
	}

	/**
	 * As {@link #send(String, Purpose, String)}, but with {@code deliver} false the code is recorded and
	 * counted against the limits and not sent: a login code asked for an unregistered phone is answered
	 * exactly like one for a registered phone, so that the answer does not tell who is registered.
	 */
	@Transactional
	void send(String phone, Purpose purpose, String ip, boolean deliver) {
		String normalised = PhoneNumbers.normalise(phone);
		byte[] phoneHash = personalData.lookupHash(normalised);
		// one sender at a time per phone, so that a double tap cannot slip past the per-minute limit
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(encode(?, 'hex'), 0))").param(phoneHash).query(Object.class).single();
		Instant now = clock.instant();
		Optional<Instant> last = jdbc.sql("SELECT max(created_at) FROM sms_code WHERE phone_hash = ?")
			.param(phoneHash)
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional();
		if (last.isPresent() && last.get().isAfter(now.minusSeconds(60))) {
			long wait = 60 - Duration.between(last.get(), now).toSeconds();
			throw new TooManyAttemptsException("sms.too-soon", Math.max(wait, 1));
		}
		if (count("phone_hash = ?", phoneHash, now.minus(Duration.ofDays(1))) >= 10) {
			throw new TooManyAttemptsException("sms.phone-daily-limit");
		}
		if (ip != null && (count("ip = ?", ip, now.minusSeconds(60)) >= perIpPerMinute
				|| count("ip = ?", ip, now.minus(Duration.ofDays(1))) >= perIpPerDay)) {
			throw new TooManyAttemptsException("sms.ip-limit");
		}
		String code = String.format("%06d", random.nextInt(1_000_000));
		jdbc.sql("""
				INSERT INTO sms_code (phone_hash, purpose, code_hash, ip, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(phoneHash, purpose.name(), codeHash(normalised, purpose, code), ip, Timestamp.from(now),
					Timestamp.from(now.plus(VALID_FOR)))
			.update();
		if (!deliver) {
			return;
		}
		String what = purpose == Purpose.REGISTER ? "注册" : "登录";
		sms.send(normalised, "您的" + what + "验证码是 " + code + "，5 分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。");
	}

	/** Uses up the phone's latest code for the purpose if it matches; otherwise 400 with why. */
	@Transactional
	void consume(String phone, Purpose purpose, String code) {
		String normalised = PhoneNumbers.normalise(phone);
		if (code == null || !code.strip().matches("\\d{6}")) {
			throw new BadInputException("sms.code.malformed");
		}
		var latest = jdbc.sql("""
				SELECT id, code_hash, expires_at, used_at, attempts FROM sms_code
				WHERE phone_hash = ? AND purpose = ? ORDER BY created_at DESC, id DESC LIMIT 1""")
			.params(personalData.lookupHash(normalised), purpose.name())
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getBytes("code_hash"), rs.getTimestamp("expires_at").toInstant(),
					rs.getTimestamp("used_at"), rs.getInt("attempts") })
			.optional()
			.orElseThrow(() -> new BadInputException("sms.code.none"));
		long id = (Long) latest[0];
		if (latest[3] != null) {
			throw new BadInputException("sms.code.used");
		}
		if (!((Instant) latest[2]).isAfter(clock.instant())) {
			throw new BadInputException("sms.code.expired");
		}
		// the try is counted before the code is compared, in one conditional update (and a transaction of its own, which
		// the caller's 400 does not roll back): of many simultaneous guesses only MAX_TRIES are ever compared
		Integer counted = separately.execute(tx -> jdbc.sql("UPDATE sms_code SET attempts = attempts + 1 WHERE id = ? AND attempts < ?")
			.params(id, MAX_TRIES)
			.update());
		if (counted == null || counted == 0) {
			throw new BadInputException("sms.code.too-many-tries");
		}
		if (!Arrays.equals((byte[]) latest[1], codeHash(normalised, purpose, code.strip()))) {
			throw new BadInputException("sms.code.wrong");
		}
		// conditional, so that of two concurrent uses of one code only the first succeeds
		int used = jdbc.sql("UPDATE sms_code SET used_at = ? WHERE id = ? AND used_at IS NULL")
			.params(Timestamp.from(clock.instant()), id)
			.update();
		if (used == 0) {
			throw new BadInputException("sms.code.used");
		}
	}

	private long count(String condition, Object value, Instant since) {
		return jdbc.sql("SELECT count(*) FROM sms_code WHERE " + condition + " AND created_at > ?")
			.params(value, Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	private byte[] codeHash(String phone, Purpose purpose, String code) {
		return personalData.lookupHash("sms-code:" + purpose + ":" + phone + ":" + code);
	}
}
