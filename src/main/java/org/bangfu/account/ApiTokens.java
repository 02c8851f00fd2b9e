package org.bangfu.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens of the JSON API: 256 random bits handed out once, kept only as their SHA-256,
 * valid for {@link #LIFETIME} unless revoked (logout).
 */
@Component
public class ApiTokens {

	public static final Duration LIFETIME = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public String issue(long accountId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO api_token (account_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(accountId, sha256(token), Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
			.update();
		return token;
	}

	/** The account a live token belongs to. */
	Optional<Long> accountOf(String token) {
		return jdbc.sql("SELECT account_id FROM api_token WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?")
			.params(sha256(token), Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional();
	}

	void revoke(String token) {
		jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), sha256(token))
			.update();
	}

	/** Revokes the account's live tokens except the one given (null: all of them). */
	void revokeAllBut(long accountId, String kept) {
		jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL AND token_hash IS DISTINCT FROM ?")
			.params(Timestamp.from(clock.instant()), accountId, kept == null ? null : sha256(kept))
			.update();
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
