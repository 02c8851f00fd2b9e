package org.bangfu.notify;

import java.time.Instant;
import java.util.List;

import org.bangfu.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reading the recorded messages, for the admins' SMS outbox page and API. */
@Component
public class SmsOutbox {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	SmsOutbox(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	public record Message(long id, String phone, String body, String status, String provider, int attempts, Instant createdAt,
			Instant sentAt) {
	}

	/** The newest messages, to one phone when given (then up to 50), else to everyone (up to 200). */
	public List<Message> latest(String phone) {
		String where = phone == null ? "" : "WHERE phone_hash = :hash";
		var query = jdbc.sql("SELECT * FROM sms_message " + where + " ORDER BY id DESC LIMIT " + (phone == null ? 200 : 50));
		if (phone != null) {
			query = query.param("hash", personalData.lookupHash(phone));
		}
		return query.query((rs, n) -> new Message(rs.getLong("id"), personalData.decrypt(rs.getBytes("phone_cipher")),
				rs.getString("body"), rs.getString("status"), rs.getString("provider"), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
			.list();
	}
}
