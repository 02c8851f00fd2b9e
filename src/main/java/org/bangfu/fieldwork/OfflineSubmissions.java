package org.bangfu.fieldwork;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The drafts received (table offline_submission, V45). A draft is claimed by inserting its key before anything is made:
 * the unique index makes a second, parallel send of the same key wait until the first one's transaction ends, and then
 * either find the first one's row (committed: answer it again) or take the key itself (the first was refused).
 */
@Component
class OfflineSubmissions {

	record Submission(String draftKey, long accountId, Long needId, String needState) {
	}

	private final JdbcClient jdbc;

	OfflineSubmissions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** True when this transaction now holds the key; false when it was sent before (by anyone). */
	boolean claim(String draftKey, long accountId, long householdId, Instant draftedAt, Instant receivedAt) {
		return jdbc.sql("""
				INSERT INTO offline_submission (draft_key, account_id, household_id, drafted_at, received_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (draft_key) DO NOTHING""")
			.params(UUID.fromString(draftKey), accountId, householdId, Timestamp.from(draftedAt), Timestamp.from(receivedAt))
			.update() == 1;
	}

	Optional<Submission> find(String draftKey) {
		return jdbc.sql("SELECT draft_key, account_id, need_id, need_state FROM offline_submission WHERE draft_key = ?")
			.param(UUID.fromString(draftKey))
			.query((rs, n) -> new Submission(rs.getString("draft_key"), rs.getLong("account_id"), (Long) rs.getObject("need_id"),
					rs.getString("need_state")))
			.optional();
	}

	void complete(String draftKey, long needId, String needState, String regionCode) {
		jdbc.sql("UPDATE offline_submission SET need_id = ?, need_state = ?, region_code = ? WHERE draft_key = ?")
			.params(needId, needState, regionCode, UUID.fromString(draftKey))
			.update();
	}
}
