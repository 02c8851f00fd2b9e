package org.bangfu.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.need.NeedState;
import org.bangfu.need.Needs;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Image ambassadors' (形象大使) promotion links: each has a random code {@code A-xxxxxxxx} and a target (the home page,
 * a need's page, the fund's page). The SQL of ambassador_link and ambassador_visit.
 */
@Component
public class AmbassadorLinks {

	/** The prefix of an ambassador's join code; a registration unit's codes have others. */
	public static final String PREFIX = "A-";

	/** Lower-case letters and digits without the look-alikes (0/o, 1/l/i): read aloud or typed from a poster. */
	private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

	private static final SecureRandom RANDOM = new SecureRandom();

	public enum Target {
		HOME, NEED, FUND
	}

	public record Link(long id, long ambassadorId, String code, String name, Target target, Long needId, Instant createdAt, Instant endedAt) {

		/** The path the link leads to. */
		public String targetPath() {
			return switch (target) {
				case HOME -> "/";
				case FUND -> "/fund";
				case NEED -> "/needs/" + needId;
			};
		}

		public boolean ended() {
			return endedAt != null;
		}
	}

	private final JdbcClient jdbc;

	private final Needs needs;

	private final Clock clock;

	AmbassadorLinks(JdbcClient jdbc, Needs needs, Clock clock) {
		this.jdbc = jdbc;
		this.needs = needs;
		this.clock = clock;
	}

	public static boolean isAmbassador(BangfuUser user) {
		return user != null && user.has(Role.AMBASSADOR);
	}

	private static void require(BangfuUser user) {
		if (!isAmbassador(user)) {
			throw new NotPermittedException("ambassador.only");
		}
	}

	/**
	 * A new link of the ambassador. target: HOME (or blank), FUND, or NEED:id (also "/needs/id"): a need the public may
	 * open.
	 */
	@Transactional
	public Link create(BangfuUser user, String name, String target) {
		require(user);
		String n = Organisations.text(name, 2, 60, "ambassador.name-invalid");
		Target t;
		Long needId = null;
		String s = target == null ? "" : target.strip().toUpperCase(Locale.ROOT);
		if (s.isEmpty() || s.equals("HOME") || s.equals("/")) {
			t = Target.HOME;
		}
		else if (s.equals("FUND") || s.equals("/FUND")) {
			t = Target.FUND;
		}
		else if (s.startsWith("NEED:") || s.startsWith("/NEEDS/")) {
			t = Target.NEED;
			try {
				needId = Long.parseLong(s.substring(s.startsWith("NEED:") ? 5 : 7));
			}
			catch (NumberFormatException e) {
				throw new BadInputException("ambassador.target-invalid");
			}
			long id = needId;
			if (needs.find(id).filter(x -> NeedState.PUBLIC.contains(x.state())).isEmpty()) {
				throw new BadInputException("ambassador.need-not-public");
			}
		}
		else {
			throw new BadInputException("ambassador.target-invalid");
		}
		Instant now = clock.instant();
		for (int attempt = 0;; attempt++) {
			String code = newCode();
			try {
				long id = jdbc.sql("""
						INSERT INTO ambassador_link (ambassador_id, code, name, target, need_id, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
					.params(user.id(), code, n, t.name(), needId, Timestamp.from(now))
					.query(Long.class)
					.single();
				return new Link(id, user.id(), code, n, t, needId, now, null);
			}
			catch (org.springframework.dao.DuplicateKeyException e) {
				if (attempt > 5) {
					throw e;
				}
			}
		}
	}

	/** Ends the link: it still leads to its target, but a registration through it is refused. */
	@Transactional
	public void end(BangfuUser user, long id) {
		require(user);
		Link l = own(user, id);
		if (l.ended()) {
			throw new ConflictException("ambassador.link-ended");
		}
		jdbc.sql("UPDATE ambassador_link SET ended_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), id).update();
	}

	Link own(BangfuUser user, long id) {
		return jdbc.sql("SELECT * FROM ambassador_link WHERE id = ? AND ambassador_id = ?")
			.params(id, user.id())
			.query(AmbassadorLinks::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("ambassador.link-not-found"));
	}

	public List<Link> of(long ambassadorId) {
		return jdbc.sql("SELECT * FROM ambassador_link WHERE ambassador_id = ? ORDER BY id DESC")
			.param(ambassadorId)
			.query(AmbassadorLinks::row)
			.list();
	}

	public Optional<Link> byCode(String code) {
		if (code == null || !code.startsWith(PREFIX) || code.length() != PREFIX.length() + 8
				|| code.substring(PREFIX.length()).chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM ambassador_link WHERE code = ?").param(code).query(AmbassadorLinks::row).optional();
	}

	/** Counts a visit of the link once per session (the session's id is kept only as a hash). */
	public void visited(Link link, String sessionId) {
		jdbc.sql("INSERT INTO ambassador_visit (link_id, session_key, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(link.id(), hash(sessionId), Timestamp.from(clock.instant()))
			.update();
	}

	static String newCode() {
		StringBuilder sb = new StringBuilder(PREFIX);
		for (int i = 0; i < 8; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	private static String hash(String sessionId) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static Link row(ResultSet rs, int n) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		return new Link(rs.getLong("id"), rs.getLong("ambassador_id"), rs.getString("code"), rs.getString("name"),
				Target.valueOf(rs.getString("target")), (Long) rs.getObject("need_id"), rs.getTimestamp("created_at").toInstant(),
				ended == null ? null : ended.toInstant());
	}
}
