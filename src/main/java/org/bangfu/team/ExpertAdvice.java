package org.bangfu.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.account.TeamGrants;
import org.bangfu.need.Need;
import org.bangfu.need.Needs;
import org.bangfu.notify.Notices;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Scope;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Experts' advice on needs: staff in scope of a need ask in a field; the experts of that field whose area covers the need
 * are told and may answer; staff in scope (the verifier among them) read the advice on the need. Never public.
 */
@Component
public class ExpertAdvice {

	private final JdbcClient jdbc;

	private final Needs needs;

	private final Regions regions;

	private final Accounts accounts;

	private final TeamApplications applications;

	private final Notices notices;

	private final Clock clock;

	ExpertAdvice(JdbcClient jdbc, Needs needs, Regions regions, Accounts accounts, TeamApplications applications, Notices notices,
			Clock clock) {
		this.jdbc = jdbc;
		this.needs = needs;
		this.regions = regions;
		this.accounts = accounts;
		this.applications = applications;
		this.notices = notices;
		this.clock = clock;
	}

	/** Asks for advice on the need; the field defaults to the one of the need's category. Answers the request's id. */
	@Transactional
	public long ask(BangfuUser user, long needId, String field, String question) {
		Need need = needs.find(needId).filter(n -> user.inScope(n.regionCode())).orElseThrow(() -> new NotFoundException("need.not-found"));
		ExpertField f = field == null || field.isBlank() ? ExpertField.forCategory(need.content().category()) : ExpertField.parse(field);
		String q = TeamApplications.text(question, 1000, "team.advice.question-required");
		long id = jdbc.sql("""
				INSERT INTO expert_advice (need_id, region_code, field, question, asked_by, asked_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(needId, need.regionCode(), f.name(), q, user.id(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		for (long expert : applications.expertsFor(f, need.regionCode())) {
			boolean holds = accounts.findById(expert)
				.map(u -> TeamGrants.areasOf(u, Role.EXPERT).stream().anyMatch(a -> a.contains(need.regionCode())))
				.orElse(false);
			if (holds && expert != user.id()) {
				notices.tell(expert, accounts.phoneOf(expert), Notices.Message.of("team.notice.advice-asked", need.content().title()), "/teams/advice");
			}
		}
		return id;
	}

	/** The requests an expert may answer: in its fields and areas, unanswered first. */
	public List<Advice> forExpert(BangfuUser user) {
		List<Region> areas = TeamGrants.areasOf(user, Role.EXPERT);
		if (areas.isEmpty()) {
			throw new NotPermittedException("team.advice.not-expert");
		}
		Set<ExpertField> fields = applications.fieldsOf(user.id());
		if (fields.isEmpty()) {
			return List.of();
		}
		Scope in = Scope.anyOf(areas);
		return advice(in.bind(jdbc.sql("SELECT * FROM expert_advice WHERE " + in.sql("region_code")
				+ " AND field = ANY (:fields) ORDER BY answer IS NOT NULL, id DESC LIMIT 200"))
			.param("fields", fields.stream().map(Enum::name).toArray(String[]::new)));
	}

	@Transactional
	public void answer(BangfuUser user, long adviceId, String answer) {
		Advice a = find(adviceId).orElseThrow(() -> new NotFoundException("team.advice.not-found"));
		if (TeamGrants.areasOf(user, Role.EXPERT).isEmpty()) {
			throw new NotPermittedException("team.advice.not-expert");
		}
		if (!applications.fieldsOf(user.id()).contains(a.field())) {
			throw new NotPermittedException("team.advice.outside-field");
		}
		if (TeamGrants.areasOf(user, Role.EXPERT).stream().noneMatch(r -> r.contains(a.regionCode()))) {
			throw new NotPermittedException("team.advice.outside-area");
		}
		String text = TeamApplications.text(answer, 2000, "team.advice.answer-required");
		int changed = jdbc.sql("UPDATE expert_advice SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND answer IS NULL")
			.params(text, user.id(), Timestamp.from(clock.instant()), adviceId)
			.update();
		if (changed != 1) {
			throw new ConflictException("team.advice.answered");
		}
		long asker = jdbc.sql("SELECT asked_by FROM expert_advice WHERE id = ?").param(adviceId).query(Long.class).single();
		notices.tell(asker, accounts.phoneOf(asker), Notices.Message.of("team.notice.advice-answered", a.needTitle()), "/needs/" + a.needId());
	}

	/** Whether the user may read the advice on the need: staff in its scope, or an expert who may answer there. */
	public boolean mayRead(BangfuUser user, long needId) {
		if (user == null) {
			return false;
		}
		Optional<Need> need = needs.find(needId);
		if (need.isEmpty()) {
			return false;
		}
		String region = need.get().regionCode();
		return user.inScope(region) || TeamGrants.areasOf(user, Role.EXPERT).stream().anyMatch(r -> r.contains(region));
	}

	/** The region of the need (the page fragment asks whether the caller may ask for advice there); empty when there is no need. */
	public String ofNeedRegion(long needId) {
		return needs.find(needId).map(Need::regionCode).orElse("");
	}

	/** The advice on a need, oldest first, for those who {@link #mayRead} it; 404 for anyone else. */
	public List<Advice> ofNeed(BangfuUser user, long needId) {
		if (!mayRead(user, needId)) {
			throw new NotFoundException("need.not-found");
		}
		return advice(jdbc.sql("SELECT * FROM expert_advice WHERE need_id = :need ORDER BY id").param("need", needId));
	}

	private Optional<Advice> find(long id) {
		return advice(jdbc.sql("SELECT * FROM expert_advice WHERE id = :id").param("id", id)).stream().findFirst();
	}

	private List<Advice> advice(JdbcClient.StatementSpec statement) {
		List<Object[]> rows = statement.query((rs, n) -> row(rs)).list();
		List<Long> people = new ArrayList<>();
		rows.forEach(r -> {
			people.add((Long) r[5]);
			if (r[7] != null) {
				people.add((Long) r[7]);
			}
		});
		Map<Long, String> names = accounts.namesOf(people.stream().distinct().toList());
		Map<Long, Need> byId = needs.findAll(rows.stream().map(r -> (Long) r[1]).distinct().toList());
		return rows.stream().map(r -> {
			long needId = (Long) r[1];
			String region = (String) r[2];
			Need need = byId.get(needId);
			return new Advice((Long) r[0], needId, need == null ? "" : need.content().title(), region,
					regions.find(new RegionCode(region)).map(Region::name).orElse(region), ExpertField.valueOf((String) r[3]), (String) r[4],
					names.getOrDefault((Long) r[5], ""), ((Timestamp) r[6]).toInstant(), (String) r[8],
					r[7] == null ? null : names.getOrDefault((Long) r[7], ""), r[9] == null ? null : ((Timestamp) r[9]).toInstant());
		}).toList();
	}

	private static Object[] row(ResultSet rs) throws SQLException {
		return new Object[] { rs.getLong("id"), rs.getLong("need_id"), rs.getString("region_code"), rs.getString("field"),
				rs.getString("question"), rs.getLong("asked_by"), rs.getTimestamp("asked_at"), (Long) rs.getObject("answered_by"),
				rs.getString("answer"), rs.getTimestamp("answered_at") };
	}
}
