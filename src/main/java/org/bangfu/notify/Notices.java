package org.bangfu.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Telling people what happened: an in-app notice for the account and, when it has a phone, the same
 * words by SMS through the outbox. Both are written in the caller's transaction, so an action that
 * rolls back tells nobody.
 */
@Component
public class Notices {

	private final JdbcClient jdbc;

	private final Sms sms;

	private final Clock clock;

	Notices(JdbcClient jdbc, Sms sms, Clock clock) {
		this.jdbc = jdbc;
		this.sms = sms;
		this.clock = clock;
	}

	/** Tells the account in the app, and by SMS to {@code phone} when there is one. */
	public void tell(long accountId, Optional<String> phone, String text, String link) {
		jdbc.sql("INSERT INTO notice (account_id, body, link, created_at) VALUES (?, ?, ?, ?)")
			.params(accountId, text, link, Timestamp.from(clock.instant()))
			.update();
		phone.ifPresent(p -> sms.send(p, text));
	}

	public record Notice(long id, String body, String link, Instant createdAt, boolean read) {
	}

	public List<Notice> of(long accountId, int page) {
		return jdbc.sql("SELECT * FROM notice WHERE account_id = ? ORDER BY id DESC LIMIT 50 OFFSET ?")
			.params(accountId, Math.max(0, page) * 50)
			.query((rs, n) -> new Notice(rs.getLong("id"), rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("read_at") != null))
			.list();
	}

	public long unread(long accountId) {
		return jdbc.sql("SELECT count(*) FROM notice WHERE account_id = ? AND read_at IS NULL").param(accountId).query(Long.class).single();
	}

	public void markAllRead(long accountId) {
		jdbc.sql("UPDATE notice SET read_at = ? WHERE account_id = ? AND read_at IS NULL")
			.params(Timestamp.from(clock.instant()), accountId)
			.update();
	}
}
