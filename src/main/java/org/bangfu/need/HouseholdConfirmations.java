package org.bangfu.need;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bangfu.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The household's own word on a need posted on its behalf (issue 16): confirmed in its account, by the SMS code it was
 * sent, or by a photographed signed or thumb-printed form, before the need can be verified. The word counts for the
 * content it was given on ({@link ContentFingerprint}): an edit after it needs a new one. The household may also say
 * "this is not what I asked for"; the latest word on the current content is the one that holds. The actions are in
 * {@link HouseholdWord}.
 */
@Component
public class HouseholdConfirmations {

	/** How the household confirmed. */
	public enum Route {
		ACCOUNT, SMS, FORM
	}

	public record Confirmation(Route route, Instant at) {
	}

	/**
	 * Where the household's word on a need stands, for staff: {@code needed} false for a need that needs none (posted by
	 * the household itself, or for a producer or a village); else the confirmation of the current content (with the id
	 * of the form's photo for FORM), or the household's dispute of it ({@code disputedAt}, {@code disputeNote}), or neither.
	 */
	public record Status(boolean needed, Confirmation confirmation, Long formId, Instant disputedAt, String disputeNote) {

		public boolean confirmed() {
			return confirmation != null;
		}

		public boolean disputed() {
			return disputedAt != null;
		}

		public boolean awaiting() {
			return needed && confirmation == null && disputedAt == null;
		}
	}

	private static final Status NOT_NEEDED = new Status(false, null, null, null, null);

	private final JdbcClient jdbc;

	private final Needs needs;

	HouseholdConfirmations(JdbcClient jdbc, Needs needs) {
		this.jdbc = jdbc;
		this.needs = needs;
	}

	/** Whether a need waits for its household's word: every need posted on a household's behalf, nothing else. */
	static boolean needed(Need need) {
		return need.onBehalf() && need.householdId() != null;
	}

	/** The household's confirmation of the need as it now reads, if it gave one (and did not take it back since). */
	public Optional<Confirmation> of(long needId) {
		return needs.find(needId).map(this::status).map(Status::confirmation);
	}

	public Status status(Need need) {
		if (!needed(need)) {
			return NOT_NEEDED;
		}
		String fingerprint = ContentFingerprint.of(need.content());
		record Word(boolean confirmation, String route, Instant at, long id, String note) {
		}
		return jdbc.sql("""
				SELECT true AS confirmation, route, confirmed_at AS at, id, NULL AS note FROM need_confirmation
				WHERE need_id = :need AND fingerprint = :fingerprint
				UNION ALL
				SELECT false, NULL, disputed_at, id, note FROM need_confirmation_dispute WHERE need_id = :need AND fingerprint = :fingerprint
				ORDER BY at DESC, id DESC LIMIT 1""")
			.param("need", need.id())
			.param("fingerprint", fingerprint)
			.query((rs, n) -> new Word(rs.getBoolean("confirmation"), rs.getString("route"), rs.getTimestamp("at").toInstant(), rs.getLong("id"),
					rs.getString("note")))
			.optional()
			.map(w -> w.confirmation()
					? new Status(true, new Confirmation(Route.valueOf(w.route()), w.at()), Route.FORM.name().equals(w.route()) ? w.id() : null, null,
							null)
					: new Status(true, null, null, w.at(), w.note()))
			.orElse(new Status(true, null, null, null, null));
	}

	/** The status of many needs (a page of the verification queue), by id. */
	public Map<Long, Status> statuses(Collection<Long> needIds) {
		return needs.findAll(List.copyOf(needIds)).values().stream().collect(Collectors.toMap(Need::id, this::status));
	}

	/** The gate before verification: 409 while the household has not confirmed what was posted, or said it is not what it asked for. */
	void require(Need need) {
		if (need.state() != NeedState.SUBMITTED) {
			return; // not up for verification: the state machine answers
		}
		Status status = status(need);
		if (status.disputed()) {
			throw new ConflictException("need.household-disputed");
		}
		if (status.needed() && !status.confirmed()) {
			throw new ConflictException("need.household-unconfirmed");
		}
	}

	/** Records the household's confirmation of the need's current content; its id. */
	long record(Need need, Route route, long recordedBy, Instant at, Integer formWidth, Integer formHeight) {
		return jdbc.sql("""
				INSERT INTO need_confirmation (need_id, route, fingerprint, recorded_by, confirmed_at, form_width, form_height)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(need.id(), route.name(), ContentFingerprint.of(need.content()), recordedBy, Timestamp.from(at), formWidth, formHeight)
			.query(Long.class)
			.single();
	}

	void recordDispute(Need need, String note, long by, Instant at) {
		jdbc.sql("""
				INSERT INTO need_confirmation_dispute (need_id, fingerprint, note, disputed_by, disputed_at) VALUES (?, ?, ?, ?, ?)""")
			.params(need.id(), ContentFingerprint.of(need.content()), note, by, Timestamp.from(at))
			.update();
	}
}
