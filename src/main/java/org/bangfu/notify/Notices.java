package org.bangfu.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Telling people what happened: an in-app notice for the account and, when it has a phone, the same
 * words by SMS through the outbox. Both are written in the caller's transaction, so an action that
 * rolls back tells nobody. A notice is kept as a {@link Message} (a bundle key and its arguments) and
 * rendered when it is read, in the reader's language; the SMS goes out in Chinese, the language of
 * the phone networks it reaches.
 */
@Component
public class Notices {

	private final JdbcClient jdbc;

	private final Sms sms;

	private final Clock clock;

	private final MessageSource messages;

	Notices(JdbcClient jdbc, Sms sms, Clock clock, MessageSource messages) {
		this.jdbc = jdbc;
		this.sms = sms;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * What a notice says: a key of the message bundles and its arguments, kept as text (numbers and
	 * amounts formatted by the caller, so that no reader's locale regroups them).
	 */
	public record Message(String key, List<String> args) {

		public static Message of(String key, Object... args) {
			return new Message(key, Arrays.stream(args).map(String::valueOf).toList());
		}

		String render(MessageSource messages, Locale locale) {
			return messages.getMessage(key, args.toArray(), key, locale);
		}
	}

	/** Tells the account in the app, and by SMS to {@code phone} when there is one. */
	public void tell(long accountId, Optional<String> phone, Message message, String link) {
		jdbc.sql("INSERT INTO notice (account_id, message_key, message_args, link, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(accountId, message.key(), message.args().toArray(String[]::new), link, Timestamp.from(clock.instant()))
			.update();
		phone.ifPresent(p -> sms.send(p, message.render(messages, Locale.SIMPLIFIED_CHINESE)));
	}

	/** The words of a message in a language (for texts that go out elsewhere, like an SMS sent by another module). */
	public String render(Message message, Locale locale) {
		return message.render(messages, locale);
	}

	public record Notice(long id, String body, String link, Instant createdAt, boolean read) {
	}

	/** The account's notices, newest first, each in {@code locale}. */
	public List<Notice> of(long accountId, int page, Locale locale) {
		return jdbc.sql("SELECT * FROM notice WHERE account_id = ? ORDER BY id DESC LIMIT 50 OFFSET ?")
			.params(accountId, Math.max(0, page) * 50)
			.query((rs, n) -> {
				String key = rs.getString("message_key");
				String body = key == null ? rs.getString("body")
						: new Message(key, Arrays.asList((String[]) rs.getArray("message_args").getArray())).render(messages, locale);
				return new Notice(rs.getLong("id"), body, rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("read_at") != null);
			})
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
