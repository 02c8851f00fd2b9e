package org.bangfu.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.notify.Notices;
import org.bangfu.account.Role;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.CreditCode;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Social organisations and alliances (社会扶贫联盟, 协会): a donor registers one, the county it names (or the city)
 * approves or rejects it. The SQL of social_organisation; the founder becomes its first member and administrator.
 */
@Component
public class Organisations {

	/** What the registration form asks. */
	public record Form(String name, String kind, String regionCode, String creditCode, String contact, String introduction) {
	}

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Memberships memberships;

	private final Clock clock;

	private final OperationLog log;

	private final Notices notices;

	Organisations(JdbcClient jdbc, Regions regions, Memberships memberships, Clock clock, OperationLog log, Notices notices) {
		this.log = log;
		this.notices = notices;
		this.jdbc = jdbc;
		this.regions = regions;
		this.memberships = memberships;
		this.clock = clock;
	}

	@Transactional
	public long register(BangfuUser user, Form form) {
		if (!user.has(Role.DONOR)) {
			throw new NotPermittedException("org.donors-only");
		}
		String name = text(form.name(), 2, 60, "org.name-invalid");
		OrganisationKind kind = kind(form.kind());
		Region county = county(form.regionCode());
		String credit = CreditCode.parse(form.creditCode()).value();
		String contact = text(form.contact(), 2, 100, "org.contact-invalid");
		String intro = text(form.introduction(), 10, 2000, "org.introduction-invalid");
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM social_organisation WHERE credit_code = ?)").param(credit).query(Boolean.class).single()) {
			throw new ConflictException("org.credit-code-taken", credit);
		}
		// The founder's own account is the organisation's when it registered as this very organisation (same credit code).
		Long own = credit.equals(user.creditCode().orElse(null)) ? user.id() : null;
		Instant now = clock.instant();
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO social_organisation (name, kind, region_code, credit_code, contact, introduction, state, founder_id, own_account_id, created_at)
					VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?) RETURNING id""")
				.params(name, kind.name(), county.code(), credit, contact, intro, user.id(), own, Timestamp.from(now))
				.query(Long.class)
				.single();
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			throw new ConflictException("org.credit-code-taken", credit);
		}
		memberships.founder(id, user.id(), now);
		return id;
	}

	@Transactional
	public void approve(BangfuUser user, long id) {
		SocialOrganisation o = forDecision(user, id);
		save(o.approve(user.id(), clock.instant()));
		notices.tell(o.founderId(), Optional.empty(), Notices.Message.of("notice.org.approved", o.name()), "/organisations/" + id);
		log.record(user.id(), "organisation.approve", "organisation:" + id, o.regionCode(), o.name() + "（" + o.creditCode() + "）");
	}

	@Transactional
	public void reject(BangfuUser user, long id, String reason) {
		SocialOrganisation o = forDecision(user, id);
		SocialOrganisation rejected = o.reject(user.id(), reason, clock.instant());
		save(rejected);
		notices.tell(o.founderId(), Optional.empty(), Notices.Message.of("notice.org.rejected", o.name(), rejected.rejectReason()),
				"/organisations/" + id);
		log.record(user.id(), "organisation.reject", "organisation:" + id, o.regionCode(), o.name() + "：" + rejected.rejectReason());
	}

	/** The organisation as its county's or the city's admin may decide on it; anyone else: 404. */
	private SocialOrganisation forDecision(BangfuUser user, long id) {
		SocialOrganisation o = locked(id).orElseThrow(() -> new NotFoundException("org.not-found"));
		if (!decides(user, o.regionCode())) {
			throw new NotFoundException("org.not-found");
		}
		return o;
	}

	/** Whether the user is the county admin of the county, or a city admin above it. */
	public static boolean decides(BangfuUser user, String countyCode) {
		return user != null && user.grants().stream()
			.anyMatch(g -> (g.role() == Role.COUNTY_ADMIN || g.role() == Role.CITY_ADMIN) && g.covers(countyCode));
	}

	/** Whether the user decides on organisations somewhere (the review queue's link). */
	public static boolean reviews(BangfuUser user) {
		return user != null && (user.has(Role.COUNTY_ADMIN) || user.has(Role.CITY_ADMIN));
	}

	/** The pending registrations the user decides on, oldest first. */
	public List<SocialOrganisation> queue(BangfuUser user) {
		List<Region> scopes = user.grants().stream()
			.filter(g -> g.role() == Role.COUNTY_ADMIN || g.role() == Role.CITY_ADMIN)
			.map(g -> g.region())
			.toList();
		if (scopes.isEmpty()) {
			throw new NotPermittedException("error.forbidden");
		}
		Scope scope = Scope.anyOf(scopes);
		return jdbc.sql("SELECT * FROM social_organisation WHERE state = 'PENDING' AND " + scope.sql("region_code") + " ORDER BY id")
			.param(Scope.PARAMETER, scope.parameter())
			.query(Organisations::row)
			.list();
	}

	/** The approved organisations, newest first; of one county when given. */
	public List<SocialOrganisation> approved(String countyCode) {
		if (countyCode != null && !countyCode.isBlank()) {
			if (!countyCode.strip().matches("[0-9]{6}")) {
				return List.of(); // not a county's code: no organisation has it
			}
			return jdbc.sql("SELECT * FROM social_organisation WHERE state = 'APPROVED' AND region_code = ? ORDER BY decided_at DESC, id DESC LIMIT 200")
				.param(countyCode.strip())
				.query(Organisations::row)
				.list();
		}
		return jdbc.sql("SELECT * FROM social_organisation WHERE state = 'APPROVED' ORDER BY decided_at DESC, id DESC LIMIT 200")
			.query(Organisations::row)
			.list();
	}

	public Optional<SocialOrganisation> find(long id) {
		return jdbc.sql("SELECT * FROM social_organisation WHERE id = ?").param(id).query(Organisations::row).optional();
	}

	Optional<SocialOrganisation> locked(long id) {
		return jdbc.sql("SELECT * FROM social_organisation WHERE id = ? FOR UPDATE").param(id).query(Organisations::row).optional();
	}

	/**
	 * The organisation as the user may see it: an approved one is public; a pending or rejected one only to its founder
	 * and to those who decide on it. Else 404.
	 */
	public SocialOrganisation visible(BangfuUser user, long id) {
		SocialOrganisation o = find(id).orElseThrow(() -> new NotFoundException("org.not-found"));
		if (o.state() == OrganisationState.APPROVED
				|| user != null && (user.id() == o.founderId() || decides(user, o.regionCode()))) {
			return o;
		}
		throw new NotFoundException("org.not-found");
	}

	/** The counties an organisation may name, in code order (the region table is shared for reading). */
	public List<Region> counties() {
		return jdbc.sql("SELECT * FROM region WHERE level = 'COUNTY' ORDER BY code").query(Regions::region).list();
	}

	public String regionName(String code) {
		return regions.find(RegionCode.parse(code)).map(Region::name).orElse(code);
	}

	private void save(SocialOrganisation o) {
		jdbc.sql("UPDATE social_organisation SET state = ?, decided_at = ?, decided_by = ?, reject_reason = ? WHERE id = ?")
			.params(o.state().name(), Timestamp.from(o.decidedAt()), o.decidedBy(), o.rejectReason(), o.id())
			.update();
	}

	private Region county(String code) {
		if (code == null || code.isBlank()) {
			throw new BadInputException("org.county-required");
		}
		RegionCode rc;
		try {
			rc = RegionCode.parse(code.strip());
		}
		catch (RuntimeException e) {
			throw new BadInputException("org.county-required");
		}
		Region r = regions.find(rc).orElseThrow(() -> new BadInputException("org.county-required"));
		if (r.level() != RegionLevel.COUNTY) {
			throw new BadInputException("org.county-required");
		}
		return r;
	}

	private static OrganisationKind kind(String kind) {
		try {
			return OrganisationKind.valueOf(kind == null ? "" : kind.strip());
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("org.kind-invalid");
		}
	}

	static String text(String value, int min, int max, String key) {
		String s = value == null ? "" : value.strip();
		if (s.length() < min || s.length() > max || s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
			throw new BadInputException(key, min, max);
		}
		return s;
	}

	static SocialOrganisation row(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new SocialOrganisation(rs.getLong("id"), rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")),
				rs.getString("region_code"), rs.getString("credit_code"), rs.getString("contact"), rs.getString("introduction"),
				OrganisationState.valueOf(rs.getString("state")), rs.getLong("founder_id"), (Long) rs.getObject("own_account_id"),
				rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant(), (Long) rs.getObject("decided_by"),
				rs.getString("reject_reason"));
	}
}
