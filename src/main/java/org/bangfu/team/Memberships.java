package org.bangfu.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.notify.Notices;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.DonorPeriod;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who belongs to a social organisation, and since when (the SQL of organisation_member). A donor applies and an
 * administrator accepts, or an administrator invites a donor by phone and the donor accepts; a member leaves, or an
 * administrator removes it. Each row is one period of membership: help counts for the organisation only within it.
 */
@Component
public class Memberships {

	public enum MemberState {
		APPLIED, INVITED, ACTIVE, LEFT
	}

	public record Member(long id, long organisationId, long accountId, MemberState state, boolean administrator, Instant requestedAt,
			Instant joinedAt, Instant leftAt) {

		public DonorPeriod period() {
			return new DonorPeriod(accountId, joinedAt, leftAt);
		}
	}

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final Accounts accounts;

	private final Clock clock;

	private final Notices notices;

	Memberships(JdbcClient jdbc, @Lazy Organisations organisations, Accounts accounts, Clock clock, Notices notices) {
		this.notices = notices;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The founder: the first member and administrator, from the registration on. */
	void founder(long organisationId, long accountId, Instant at) {
		jdbc.sql("""
				INSERT INTO organisation_member (organisation_id, account_id, state, administrator, requested_at, joined_at)
				VALUES (?, ?, 'ACTIVE', true, ?, ?)""")
			.params(organisationId, accountId, Timestamp.from(at), Timestamp.from(at))
			.update();
	}

	/** A donor asks to join (phone null), or an administrator invites the donor with this phone. Answers the membership's id. */
	@Transactional
	public long request(BangfuUser user, long organisationId, String phone) {
		SocialOrganisation o = organisations.locked(organisationId)
			.filter(x -> x.state() == OrganisationState.APPROVED || administrator(user, x.id()) || Organisations.decides(user, x.regionCode()))
			.orElseThrow(() -> new NotFoundException("org.not-found"));
		o.takesMembers();
		long accountId;
		MemberState state;
		if (phone == null || phone.isBlank()) {
			if (!user.has(Role.DONOR)) {
				throw new NotPermittedException("org.donors-only");
			}
			accountId = user.id();
			state = MemberState.APPLIED;
		}
		else {
			if (!administrator(user, organisationId)) {
				throw new NotPermittedException("org.administrators-only");
			}
			BangfuUser invited = accounts.findByPhone(phone.strip())
				.filter(a -> a.has(Role.DONOR))
				.orElseThrow(() -> new BadInputException("org.invite-no-donor"));
			accountId = invited.id();
			state = MemberState.INVITED;
		}
		if (open(organisationId, accountId).isPresent()) {
			throw new ConflictException("org.already-member");
		}
		long id = jdbc.sql("""
				INSERT INTO organisation_member (organisation_id, account_id, state, requested_at) VALUES (?, ?, ?, ?) RETURNING id""")
			.params(organisationId, accountId, state.name(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		// in the app only: an invitation or application is not worth an SMS
		if (state == MemberState.INVITED) {
			notices.tell(accountId, Optional.empty(), Notices.Message.of("notice.org.invited", o.name()), "/organisations/" + o.id());
		}
		else {
			for (long admin : jdbc.sql("""
					SELECT account_id FROM organisation_member WHERE organisation_id = ? AND state = 'ACTIVE' AND administrator""")
				.param(organisationId).query(Long.class).list()) {
				notices.tell(admin, Optional.empty(), Notices.Message.of("notice.org.applied", o.name()), "/organisations/" + o.id() + "/members");
			}
		}
		return id;
	}

	/** An administrator accepts an application; the invited donor accepts an invitation. */
	@Transactional
	public void accept(BangfuUser user, long organisationId, long memberId) {
		SocialOrganisation o = organisations.locked(organisationId).orElseThrow(() -> new NotFoundException("org.not-found"));
		Member m = member(organisationId, memberId, user);
		boolean mayAccept = switch (m.state()) {
			case APPLIED -> administrator(user, organisationId);
			case INVITED -> m.accountId() == user.id();
			default -> throw new ConflictException("org.member-not-waiting");
		};
		if (!mayAccept) {
			throw new NotPermittedException(m.state() == MemberState.APPLIED ? "org.administrators-only" : "org.invitee-only");
		}
		o.takesMembers();
		jdbc.sql("UPDATE organisation_member SET state = 'ACTIVE', joined_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), memberId)
			.update();
	}

	/**
	 * The member leaves, or an administrator removes it; an application or invitation not yet accepted is withdrawn. The
	 * last administrator cannot leave: the organisation would have nobody to run it.
	 */
	@Transactional
	public void leave(BangfuUser user, long organisationId, long memberId) {
		organisations.locked(organisationId).orElseThrow(() -> new NotFoundException("org.not-found"));
		Member m = member(organisationId, memberId, user);
		if (m.accountId() != user.id() && !administrator(user, organisationId)) {
			throw new NotPermittedException("org.administrators-only");
		}
		switch (m.state()) {
			case APPLIED, INVITED -> jdbc.sql("DELETE FROM organisation_member WHERE id = ?").param(memberId).update();
			case ACTIVE -> {
				if (m.administrator() && jdbc.sql("""
						SELECT count(*) FROM organisation_member WHERE organisation_id = ? AND state = 'ACTIVE' AND administrator""")
					.param(organisationId).query(Long.class).single() <= 1) {
					throw new ConflictException("org.last-administrator");
				}
				jdbc.sql("UPDATE organisation_member SET state = 'LEFT', left_at = ? WHERE id = ?")
					.params(Timestamp.from(clock.instant()), memberId)
					.update();
			}
			case LEFT -> throw new ConflictException("org.member-left");
		}
	}

	/** The membership, seen by someone of it (the member itself or an administrator); else 404. */
	private Member member(long organisationId, long memberId, BangfuUser user) {
		Member m = jdbc.sql("SELECT * FROM organisation_member WHERE id = ? AND organisation_id = ?")
			.params(memberId, organisationId)
			.query(Memberships::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("org.member-not-found"));
		if (m.accountId() != user.id() && !administrator(user, organisationId)) {
			throw new NotFoundException("org.member-not-found");
		}
		return m;
	}

	public boolean administrator(BangfuUser user, long organisationId) {
		return user != null && jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM organisation_member
				               WHERE organisation_id = ? AND account_id = ? AND state = 'ACTIVE' AND administrator)""")
			.params(organisationId, user.id())
			.query(Boolean.class)
			.single();
	}

	/** The user's membership not yet ended (applied, invited or active), if any. */
	public Optional<Member> open(long organisationId, long accountId) {
		return jdbc.sql("SELECT * FROM organisation_member WHERE organisation_id = ? AND account_id = ? AND state <> 'LEFT'")
			.params(organisationId, accountId)
			.query(Memberships::row)
			.optional();
	}

	/** Every membership of the organisation, the waiting ones first, for its administrators. */
	public List<Member> all(BangfuUser user, long organisationId) {
		if (!administrator(user, organisationId)) {
			throw new NotFoundException("org.not-found");
		}
		return jdbc.sql("""
				SELECT * FROM organisation_member WHERE organisation_id = ?
				ORDER BY CASE state WHEN 'APPLIED' THEN 0 WHEN 'INVITED' THEN 1 WHEN 'ACTIVE' THEN 2 ELSE 3 END, id""")
			.param(organisationId)
			.query(Memberships::row)
			.list();
	}

	/** The periods in which its members' help counts for the organisation (accepted memberships, ended or not). */
	public List<Member> periods(long organisationId) {
		return jdbc.sql("SELECT * FROM organisation_member WHERE organisation_id = ? AND joined_at IS NOT NULL ORDER BY id")
			.param(organisationId)
			.query(Memberships::row)
			.list();
	}

	public long activeCount(long organisationId) {
		return jdbc.sql("SELECT count(*) FROM organisation_member WHERE organisation_id = ? AND state = 'ACTIVE'")
			.param(organisationId)
			.query(Long.class)
			.single();
	}

	static Member row(ResultSet rs, int n) throws SQLException {
		Timestamp joined = rs.getTimestamp("joined_at");
		Timestamp left = rs.getTimestamp("left_at");
		return new Member(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("account_id"), MemberState.valueOf(rs.getString("state")),
				rs.getBoolean("administrator"), rs.getTimestamp("requested_at").toInstant(), joined == null ? null : joined.toInstant(),
				left == null ? null : left.toInstant());
	}
}
