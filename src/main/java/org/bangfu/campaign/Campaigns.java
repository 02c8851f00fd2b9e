package org.bangfu.campaign;

import org.bangfu.shared.ConflictException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.account.Accounts;
import org.bangfu.fund.MoneyLines;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedPledging;
import org.bangfu.region.Scope;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the campaign tables, and the candidate needs of a campaign. */
@Component
public class Campaigns {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final NeedPledging needs;

	private final MoneyLines moneyLines;

	Campaigns(JdbcClient jdbc, Accounts accounts, NeedPledging needs, MoneyLines moneyLines) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.needs = needs;
		this.moneyLines = moneyLines;
	}

	long insert(String name, String regionCode, List<NeedCategory> categories, long by, Instant at) {
		return jdbc.sql("""
				INSERT INTO campaign (name, region_code, categories, state, created_by, created_at) VALUES (?, ?, ?, 'DRAFT', ?, ?) RETURNING id""")
			.params(name, regionCode, names(categories), by, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	Optional<Campaign> find(long id) {
		return jdbc.sql("SELECT * FROM campaign WHERE id = ?").param(id).query(Campaigns::campaign).optional();
	}

	Campaign get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("campaign.not-found"));
	}

	/** Writes the campaign's state if nobody changed it since it was loaded (else 409: two staff pressing at once). */
	void save(Campaign c) {
		Campaign.Outcome o = c.outcome();
		int updated = jdbc.sql("""
				UPDATE campaign SET state = ?, proposed_at = ?, candidate_needs = ?, candidate_value_fen = ?, fractional_bound_fen = ?,
				       rounding_loss_fen = ?, sent_at = ?, respond_by = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(c.state().name(), o == null ? null : Timestamp.from(o.proposedAt()), o == null ? null : o.candidateNeeds(),
					o == null ? null : o.candidateValueFen(), o == null ? null : o.fractionalBoundFen(), o == null ? null : o.roundingLossFen(),
					ts(c.sentAt()), ts(c.respondBy()), c.id(), c.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("campaign.changed-meanwhile");
		}
	}

	/** Campaigns whose region lies in the scope (the caller's), newest first. */
	List<Campaign> under(Scope scope) {
		return scope.bind(jdbc.sql("SELECT * FROM campaign WHERE " + scope.sql("region_code")
				+ " ORDER BY created_at DESC, id DESC LIMIT 200"))
			.query(Campaigns::campaign)
			.list();
	}

	private static Campaign campaign(ResultSet rs, int n) throws SQLException {
		Timestamp proposed = rs.getTimestamp("proposed_at");
		Campaign.Outcome outcome = proposed == null ? null
				: new Campaign.Outcome(rs.getInt("candidate_needs"), rs.getLong("candidate_value_fen"), rs.getLong("fractional_bound_fen"),
						rs.getLong("rounding_loss_fen"), proposed.toInstant());
		return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
				strings(rs.getArray("categories")).stream().map(NeedCategory::valueOf).toList(), rs.getLong("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"), Campaign.State.valueOf(rs.getString("state")), outcome,
				instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("respond_by")));
	}

	// --- donors -----------------------------------------------------------------------------------

	/** A donor of a campaign; {@code regionPrefixes} empty means anywhere in the campaign's region. */
	public record Donor(long donorId, String name, long budgetFen, List<NeedCategory> categories, List<String> regionPrefixes) {
	}

	void putDonor(long campaignId, long donorId, long budgetFen, List<NeedCategory> categories, List<String> prefixes) {
		jdbc.sql("""
				INSERT INTO campaign_donor (campaign_id, donor_id, budget_fen, categories, region_prefixes) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (campaign_id, donor_id) DO UPDATE SET budget_fen = EXCLUDED.budget_fen, categories = EXCLUDED.categories,
				    region_prefixes = EXCLUDED.region_prefixes""")
			.params(campaignId, donorId, budgetFen, names(categories), prefixes.toArray(String[]::new))
			.update();
	}

	boolean removeDonor(long campaignId, long donorId) {
		return jdbc.sql("DELETE FROM campaign_donor WHERE campaign_id = ? AND donor_id = ?").params(campaignId, donorId).update() > 0;
	}

	List<Donor> donors(long campaignId) {
		List<Donor> donors = jdbc.sql("SELECT * FROM campaign_donor WHERE campaign_id = ? ORDER BY budget_fen DESC, donor_id")
			.param(campaignId)
			.query((rs, n) -> new Donor(rs.getLong("donor_id"), null, rs.getLong("budget_fen"),
					strings(rs.getArray("categories")).stream().map(NeedCategory::valueOf).toList(), strings(rs.getArray("region_prefixes"))))
			.list();
		// the donors' names from the account module, in one query
		Map<Long, String> names = accounts.namesOf(donors.stream().map(Donor::donorId).toList());
		return donors.stream()
			.map(d -> new Donor(d.donorId(), names.get(d.donorId()), d.budgetFen(), d.categories(), d.regionPrefixes()))
			.toList();
	}

	// --- candidate needs --------------------------------------------------------------------------

	/** An open need the campaign may fund: its category, village and what of its items is still open. */
	record Candidate(long needId, NeedCategory category, String regionCode, List<ProposalUnits.Line> lines) {
	}

	/**
	 * The needs open for pledging in the scope in the categories (empty: all), with something still
	 * open, product sales only in their sales window, and not awaiting a donor's answer to another campaign's invitation.
	 */
	List<Candidate> candidates(long campaignId, Scope scope, List<NeedCategory> categories, Instant now) {
		List<NeedPledging.Open> open = needs.pledgeableWithin(scope, categories,
				LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai")).getMonthValue());
		if (open.isEmpty()) {
			return List.of();
		}
		// needs awaiting a donor's answer to another campaign's invitation stay out
		Set<Long> awaiting = new HashSet<>(jdbc.sql("""
				SELECT ci.need_id FROM campaign_invitation ci JOIN campaign c ON c.id = ci.campaign_id
				WHERE ci.need_id = ANY(:needs) AND ci.state = 'SENT' AND c.id <> :campaign AND c.respond_by > :now""")
			.param("needs", open.stream().map(NeedPledging.Open::id).toArray(Long[]::new))
			.param("campaign", campaignId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.list());
		// what the fund's gifts already hold of money lines (a line without gifts has no row yet: all of it is open)
		Map<Long, Map<Integer, Long>> moneyOpen = new java.util.HashMap<>();
		moneyLines.ofNeeds(open.stream().filter(n -> n.items().stream().anyMatch(NeedItem::money)).map(NeedPledging.Open::id).toList())
			.forEach(l -> moneyOpen.computeIfAbsent(l.needId(), k -> new java.util.HashMap<>()).put(l.position(), l.openFen()));
		List<Candidate> candidates = new ArrayList<>();
		for (NeedPledging.Open n : open) {
			if (awaiting.contains(n.id())) {
				continue;
			}
			List<ProposalUnits.Line> lines = new ArrayList<>();
			for (int position = 0; position < n.items().size(); position++) {
				NeedItem i = n.items().get(position);
				if (i.pledgedQuantity() >= i.quantity()) {
					continue;
				}
				if (i.money()) {
					long openFen = moneyOpen.getOrDefault(n.id(), Map.of()).getOrDefault(position, i.valueFen());
					if (openFen > 0) {
						lines.add(new ProposalUnits.Line(position, 1, 1, openFen, true));
					}
				}
				else {
					lines.add(new ProposalUnits.Line(position, i.remainingQuantity(), i.quantity(), i.valueFen()));
				}
			}
			candidates.add(new Candidate(n.id(), n.category(), n.regionCode(), lines));
		}
		return candidates;
	}

	// --- invitations ------------------------------------------------------------------------------

	public enum InvitationState {
		PROPOSED, DROPPED, SENT, ACCEPTED, DECLINED;

		public String label() {
			return "campaign.invitation." + name();
		}
	}

	/**
	 * A donor's part of a need, as proposed, sent and answered: goods quantities by item position (accepted by a pledge),
	 * or, when {@code moneyPosition} is set, {@code valueFen} of that money line (accepted by a gift through the fund).
	 */
	public record Invitation(long id, long campaignId, long needId, long donorId, String regionCode, Map<Integer, Integer> byPosition, long valueFen,
			InvitationState state, Long pledgeId, String reason, Instant decidedAt, Integer moneyPosition, Long giftId) {

		public boolean money() {
			return moneyPosition != null;
		}
	}

	/** Replaces the proposals of a campaign not yet sent by a new set. */
	void replaceProposals(long campaignId, List<Invitation> proposals) {
		jdbc.sql("DELETE FROM campaign_invitation WHERE campaign_id = ?").param(campaignId).update();
		jdbc.sql("""
				INSERT INTO campaign_invitation (campaign_id, need_id, donor_id, region_code, positions, quantities, value_fen, state, money_position)
				SELECT ?, u.need_id, u.donor_id, u.region_code, CAST(u.positions AS int[]), CAST(u.quantities AS int[]), u.value_fen, 'PROPOSED',
				       u.money_position
				FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
				            CAST(? AS bigint[]), CAST(? AS int[])) AS u(need_id, donor_id, region_code, positions, quantities, value_fen, money_position)""")
			.params(campaignId, proposals.stream().map(Invitation::needId).toArray(Long[]::new),
					proposals.stream().map(Invitation::donorId).toArray(Long[]::new),
					proposals.stream().map(Invitation::regionCode).toArray(String[]::new),
					proposals.stream().map(p -> csv(p.byPosition().keySet())).toArray(String[]::new),
					proposals.stream().map(p -> csv(p.byPosition().values())).toArray(String[]::new),
					proposals.stream().map(Invitation::valueFen).toArray(Long[]::new),
					proposals.stream().map(Invitation::moneyPosition).toArray(Integer[]::new))
			.update();
	}

	private static String csv(java.util.Collection<Integer> values) {
		return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
	}

	List<Invitation> invitations(long campaignId) {
		return jdbc.sql("SELECT * FROM campaign_invitation WHERE campaign_id = ? ORDER BY need_id, id").param(campaignId)
			.query(Campaigns::invitation)
			.list();
	}

	List<Invitation> invitationsOf(long donorId) {
		return jdbc.sql("SELECT * FROM campaign_invitation WHERE donor_id = ? AND state <> 'PROPOSED' AND state <> 'DROPPED' ORDER BY id DESC LIMIT 200")
			.param(donorId)
			.query(Campaigns::invitation)
			.list();
	}

	/** The invitation, locked for the answer: two taps on 接受 queue here, the second sees the first's result. */
	Invitation lock(long id) {
		return jdbc.sql("SELECT * FROM campaign_invitation WHERE id = ? FOR UPDATE").param(id).query(Campaigns::invitation).optional()
			.orElseThrow(() -> new NotFoundException("campaign.invitation-not-found"));
	}

	/** Moves all the campaign's invitations in one state to another. */
	void move(long campaignId, InvitationState from, InvitationState to) {
		jdbc.sql("UPDATE campaign_invitation SET state = ? WHERE campaign_id = ? AND state = ?").params(to.name(), campaignId, from.name()).update();
	}

	/** Leaves a proposed need out: all its donors' parts. Answers whether it was proposed. */
	boolean drop(long campaignId, long needId) {
		return jdbc.sql("UPDATE campaign_invitation SET state = 'DROPPED' WHERE campaign_id = ? AND need_id = ? AND state = 'PROPOSED'")
			.params(campaignId, needId)
			.update() > 0;
	}

	void answer(long id, InvitationState to, Long pledgeId, Long giftId, String reason, Instant at) {
		jdbc.sql("UPDATE campaign_invitation SET state = ?, pledge_id = ?, gift_id = ?, reason = ?, decided_at = ? WHERE id = ? AND state = 'SENT'")
			.params(to.name(), pledgeId, giftId, reason, Timestamp.from(at), id)
			.update();
	}

	private static Invitation invitation(ResultSet rs, int n) throws SQLException {
		Integer[] positions = (Integer[]) rs.getArray("positions").getArray();
		Integer[] quantities = (Integer[]) rs.getArray("quantities").getArray();
		Map<Integer, Integer> byPosition = new LinkedHashMap<>();
		for (int i = 0; i < positions.length; i++) {
			byPosition.put(positions[i], quantities[i]);
		}
		return new Invitation(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("need_id"), rs.getLong("donor_id"),
				rs.getString("region_code"), byPosition, rs.getLong("value_fen"), InvitationState.valueOf(rs.getString("state")),
				(Long) rs.getObject("pledge_id"), rs.getString("reason"), instant(rs.getTimestamp("decided_at")),
				rs.getObject("money_position", Integer.class), rs.getObject("gift_id", Long.class));
	}

	// --- helpers ----------------------------------------------------------------------------------

	private static String[] names(List<NeedCategory> categories) {
		return categories.stream().map(Enum::name).toArray(String[]::new);
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
