package org.bangfu.team;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.fund.GiftTotals;
import org.bangfu.pledge.PledgeTotals;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.DonorPeriod;
import org.bangfu.shared.Masking;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * A social organisation's collective help: the pledges and fund gifts its members made while members (and all of the
 * organisation's own account's), in total and per member, through the pledge and fund modules' read-only sums.
 */
@Component
public class OrganisationFigures {

	/** The organisation's help: pledges, households helped, value pledged and delivered (fen), fund gifts and their money (fen). */
	public record Help(long pledges, long households, long valuePledgedFen, long valueDeliveredFen, long gifts, long giftFen) {

		static Help of(PledgeTotals.Totals p, GiftTotals.Totals g) {
			p = p == null ? PledgeTotals.Totals.NONE : p;
			g = g == null ? GiftTotals.Totals.NONE : g;
			return new Help(p.pledges(), p.households(), p.valuePledgedFen(), p.valueDeliveredFen(), g.gifts(), g.amountFen());
		}
	}

	/** One recent pledge as the public may read it: the member's name masked (a person's), the village, the value. */
	public record RecentHelp(String memberShown, String villageName, long valueFen, boolean delivered, Instant at) {
	}

	/** A member's share, for the organisation's administrators. */
	public record Share(Memberships.Member member, String name, String maskedPhone, Help help) {
	}

	private final Memberships memberships;

	private final PledgeTotals pledges;

	private final GiftTotals gifts;

	private final Accounts accounts;

	private final Regions regions;

	OrganisationFigures(Memberships memberships, PledgeTotals pledges, GiftTotals gifts, Accounts accounts, Regions regions) {
		this.memberships = memberships;
		this.pledges = pledges;
		this.gifts = gifts;
		this.accounts = accounts;
		this.regions = regions;
	}

	/** The periods whose help counts for the organisation. */
	List<DonorPeriod> periods(SocialOrganisation o) {
		List<DonorPeriod> periods = new ArrayList<>(memberships.periods(o.id()).stream().map(Memberships.Member::period).toList());
		if (o.ownAccountId() != null) {
			periods.add(new DonorPeriod(o.ownAccountId(), Instant.EPOCH, null));
		}
		return periods;
	}

	public Help help(SocialOrganisation o) {
		List<DonorPeriod> periods = periods(o);
		return Help.of(pledges.of(periods), gifts.of(periods));
	}

	/** Each membership with what its account gave while a member (each period apart). */
	public List<Share> shares(List<Memberships.Member> members) {
		Map<Long, Accounts.Named> named = accounts.namedOf(members.stream().map(Memberships.Member::accountId).toList());
		List<Share> shares = new ArrayList<>();
		for (Memberships.Member m : members) {
			Help help = m.joinedAt() == null ? Help.of(null, null)
					: Help.of(pledges.of(List.of(m.period())), gifts.of(List.of(m.period())));
			Accounts.Named n = named.get(m.accountId());
			String phone = accounts.findById(m.accountId()).map(u -> u.maskedPhone()).orElse("");
			shares.add(new Share(m, n == null ? "" : n.name(), phone, help));
		}
		return shares;
	}

	/** The newest pledges counted for the organisation, without personal data. */
	public List<RecentHelp> recent(SocialOrganisation o, int limit) {
		List<PledgeTotals.Made> made = pledges.recent(periods(o), limit);
		Map<Long, Accounts.Named> named = accounts.namedOf(made.stream().map(PledgeTotals.Made::donorId).toList());
		List<RecentHelp> rows = new ArrayList<>();
		for (PledgeTotals.Made m : made) {
			Accounts.Named n = named.get(m.donorId());
			String shown = n == null ? "" : n.person() ? Masking.name(n.name()) : n.name();
			String village = regions.find(RegionCode.parse(m.regionCode())).map(Region::name).orElse("");
			rows.add(new RecentHelp(shown, village, m.valueFen(), m.delivered(), m.at()));
		}
		return rows;
	}
}
