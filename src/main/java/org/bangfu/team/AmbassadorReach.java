package org.bangfu.team;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.fund.GiftTotals;
import org.bangfu.pledge.PledgeTotals;
import org.bangfu.shared.DonorPeriod;
import org.bangfu.account.DonorRegistration.JoinCodeRefused;
import org.bangfu.shared.events.CaringPersonRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an ambassador's links reached: visits (one per session), the accounts registered through them, and the pledges
 * and fund gifts those accounts made since registering. The SQL of ambassador_reach.
 */
@Component
public class AmbassadorReach {

	/** One link's reach: visits, registrations, and the brought accounts' pledges and gifts (values in fen). */
	public record Reach(long visits, long registrations, long pledges, long valuePledgedFen, long gifts, long giftFen) {

		public static final Reach NONE = new Reach(0, 0, 0, 0, 0, 0);

		Reach plus(Reach o) {
			return new Reach(visits + o.visits, registrations + o.registrations, pledges + o.pledges, valuePledgedFen + o.valuePledgedFen,
					gifts + o.gifts, giftFen + o.giftFen);
		}
	}

	public record LinkReach(AmbassadorLinks.Link link, Reach reach) {
	}

	private final JdbcClient jdbc;

	private final AmbassadorLinks links;

	private final PledgeTotals pledges;

	private final GiftTotals gifts;

	AmbassadorReach(JdbcClient jdbc, AmbassadorLinks links, PledgeTotals pledges, GiftTotals gifts) {
		this.jdbc = jdbc;
		this.links = links;
		this.pledges = pledges;
		this.gifts = gifts;
	}

	/**
	 * In the registration's transaction: an ambassador's code (A-…) that is unknown or ended refuses the registration
	 * (400, nothing created); a good one records the account as brought by the link. Other codes are not ours.
	 */
	@EventListener
	void registered(CaringPersonRegistered e) {
		if (e.joinCode() == null || !e.joinCode().startsWith(AmbassadorLinks.PREFIX)) {
			return;
		}
		AmbassadorLinks.Link link = links.byCode(e.joinCode()).orElseThrow(() -> new JoinCodeRefused("ambassador.code-unknown", JoinCodes.shown(e.joinCode())));
		if (link.ended()) {
			throw new JoinCodeRefused("ambassador.code-ended", JoinCodes.shown(e.joinCode()));
		}
		jdbc.sql("INSERT INTO ambassador_reach (account_id, link_id, registered_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(e.accountId(), link.id(), Timestamp.from(e.at()))
			.update();
	}

	/** The ambassador's links, newest first, each with its reach. */
	public List<LinkReach> of(long ambassadorId) {
		List<AmbassadorLinks.Link> all = links.of(ambassadorId);
		Map<Long, Long> visits = new HashMap<>();
		jdbc.sql("SELECT v.link_id, count(*) FROM ambassador_visit v JOIN ambassador_link l ON l.id = v.link_id WHERE l.ambassador_id = ? GROUP BY v.link_id")
			.param(ambassadorId)
			.query(rs -> {
				visits.put(rs.getLong(1), rs.getLong(2));
			});
		Map<Long, Long> linkOf = new HashMap<>();
		List<DonorPeriod> periods = new ArrayList<>();
		jdbc.sql("SELECT r.account_id, r.link_id, r.registered_at FROM ambassador_reach r JOIN ambassador_link l ON l.id = r.link_id WHERE l.ambassador_id = ?")
			.param(ambassadorId)
			.query(rs -> {
				linkOf.put(rs.getLong(1), rs.getLong(2));
				periods.add(new DonorPeriod(rs.getLong(1), rs.getTimestamp(3).toInstant(), null));
			});
		Map<Long, PledgeTotals.Totals> p = pledges.perDonor(periods);
		Map<Long, GiftTotals.Totals> g = gifts.perDonor(periods);
		Map<Long, Reach> byLink = new HashMap<>();
		for (Map.Entry<Long, Long> e : linkOf.entrySet()) {
			PledgeTotals.Totals pt = p.getOrDefault(e.getKey(), PledgeTotals.Totals.NONE);
			GiftTotals.Totals gt = g.getOrDefault(e.getKey(), GiftTotals.Totals.NONE);
			byLink.merge(e.getValue(), new Reach(0, 1, pt.pledges(), pt.valuePledgedFen(), gt.gifts(), gt.amountFen()), Reach::plus);
		}
		return all.stream()
			.map(l -> new LinkReach(l, byLink.getOrDefault(l.id(), Reach.NONE).plus(new Reach(visits.getOrDefault(l.id(), 0L), 0, 0, 0, 0, 0))))
			.toList();
	}

	/** Every ambassador's reach in total, the widest first, for the city's page. */
	public record AmbassadorTotal(long ambassadorId, int links, Reach reach) {
	}

	public List<AmbassadorTotal> all() {
		List<Long> ambassadors = jdbc.sql("SELECT DISTINCT ambassador_id FROM ambassador_link ORDER BY ambassador_id").query(Long.class).list();
		List<AmbassadorTotal> totals = new ArrayList<>();
		for (long a : ambassadors) {
			List<LinkReach> rows = of(a);
			totals.add(new AmbassadorTotal(a, rows.size(), rows.stream().map(LinkReach::reach).reduce(Reach.NONE, Reach::plus)));
		}
		totals.sort((x, y) -> Long.compare(y.reach().registrations(), x.reach().registrations()));
		return totals;
	}
}
