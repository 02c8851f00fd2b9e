package org.bangfu.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.campaign.allocation.CampaignAllocator;

/**
 * Who funds which of a campaign's open needs: the allocator's rounds over the needs still open and the
 * budgets still left, each round's plan cut into whole units that fit the donors' budgets. A need's
 * goods lines are weighed together, whole or not at all; each of its money lines (issue 14) is weighed
 * on its own as divisible, and its share of the plan goes into the invitations exactly, in fen.
 */
final class ProposalRounds {

	/** Allocation rounds at most (see {@link #propose}), besides the last one for money lines. */
	static final int ROUNDS = 5;

	private final CampaignAllocator allocator = new CampaignAllocator();

	/**
	 * The kept proposals, how many candidate needs (of a stated value) and what value were weighed,
	 * the first round's LP bound and plan (the allocator's, in fen), the value kept, and the rounding loss against that plan.
	 */
	record Plan(List<Campaigns.Invitation> proposals, int candidates, long candidateValueFen, long boundFen, long firstPlanFen, long keptFen,
			long lossFen) {
	}

	/** What the allocator weighs: a need's goods lines together ({@code moneyPosition} null), or one of its money lines. */
	private record Piece(Campaigns.Candidate need, Integer moneyPosition, List<ProposalUnits.Line> lines) {
	}

	/**
	 * Proposes who funds which of the open needs (see {@link CampaignAllocator}). A need's goods the
	 * allocator splits between donors are cut into whole units ({@link ProposalUnits}); where that would
	 * put a donor over its budget, the split need is left out of that round, and the allocator runs again
	 * on what is left (at most {@link #ROUNDS} rounds), money lines with what of them is still open. A
	 * money line's parts are the allocator's amounts, never cut. What the first round's plan had and the
	 * kept proposals lack is the rounding loss.
	 */
	Plan propose(long campaignId, List<Campaigns.Candidate> open, List<Campaigns.Donor> donors) {
		List<Piece> pieces = new ArrayList<>();
		List<Long> openList = new ArrayList<>();
		int candidateCount = 0;
		long candidateValue = 0;
		for (Campaigns.Candidate n : open) {
			long value = ProposalUnits.remainingValue(n.lines());
			if (value <= 0) { // a need of no stated value cannot be weighed against budgets
				continue;
			}
			candidateCount++;
			candidateValue += value;
			List<ProposalUnits.Line> goods = ProposalUnits.goods(n.lines());
			if (ProposalUnits.remainingValue(goods) > 0) {
				pieces.add(new Piece(n, null, goods));
				openList.add(ProposalUnits.remainingValue(goods));
			}
			for (ProposalUnits.Line l : n.lines()) {
				if (l.money() && l.valueFen() > 0) {
					pieces.add(new Piece(n, l.position(), List.of(l)));
					openList.add(l.valueFen());
				}
			}
		}
		long[] openFen = openList.stream().mapToLong(Long::longValue).toArray();
		int[] dropped = new int[pieces.size()]; // rounds in which a split goods need was left out: after two, it is offered no more
		Map<Long, Long> left = new HashMap<>();
		donors.forEach(d -> left.put(d.donorId(), d.budgetFen()));
		List<Campaigns.Invitation> proposals = new ArrayList<>();
		Map<Integer, Map<Long, Long>> moneyParts = new java.util.TreeMap<>(); // piece → donor → fen
		long kept = 0;
		long bound = 0;
		long firstPlan = 0;
		// Each round: the allocator on what is still open and the budgets still left, then the cut into units, keeping
		// what fits the budgets. A split need dropped for its units often fits whole in a later round, or makes room
		// for others; rounds stop when one keeps nothing new. The allocator fills whole goods needs first, so a budget
		// freed by a dropped split need tends to be offered the same goods again: a last round offers what is left to the
		// money lines alone, whose parts are never cut.
		for (int round = 0; round <= ROUNDS; round++) {
			boolean moneyOnly = round == ROUNDS;
			List<CampaignAllocator.NeedInput> needs = new ArrayList<>();
			for (int k = 0; k < pieces.size(); k++) {
				if (openFen[k] > 0 && (!moneyOnly || pieces.get(k).moneyPosition() != null) && dropped[k] < 2) {
					Piece piece = pieces.get(k);
					needs.add(new CampaignAllocator.NeedInput(k, piece.need().category().name(), piece.need().regionCode(), openFen[k],
							piece.moneyPosition() != null));
				}
			}
			List<CampaignAllocator.DonorInput> donorInputs = new ArrayList<>();
			for (Campaigns.Donor d : donors) {
				if (left.get(d.donorId()) > 0) {
					Set<String> categories = new HashSet<>();
					d.categories().forEach(cat -> categories.add(cat.name()));
					donorInputs.add(new CampaignAllocator.DonorInput(d.donorId(), left.get(d.donorId()), categories, Set.copyOf(d.regionPrefixes())));
				}
			}
			if (needs.isEmpty() || donorInputs.isEmpty()) {
				if (moneyOnly || donorInputs.isEmpty()) {
					break;
				}
				round = ROUNDS - 1; // on to the money round
				continue;
			}
			CampaignAllocator.Allocation allocation = allocator.allocate(needs, donorInputs);
			if (round == 0) {
				bound = allocation.fractionalBoundFen();
				firstPlan = allocation.fundedValueFen();
			}
			// money first: its amounts are exact, so the goods cut below is checked against what money leaves
			List<CampaignAllocator.Proposal> goods = new ArrayList<>();
			boolean keptMoney = false;
			for (CampaignAllocator.Proposal p : allocation.proposals()) {
				int k = (int) p.needId();
				if (pieces.get(k).moneyPosition() == null) {
					goods.add(p);
					continue;
				}
				for (CampaignAllocator.Funding f : p.fundings()) {
					left.merge(f.donorId(), -f.amountFen(), Long::sum);
					moneyParts.computeIfAbsent(k, x -> new java.util.TreeMap<>()).merge(f.donorId(), f.amountFen(), Long::sum);
				}
				openFen[k] -= p.valueFen();
				kept += p.valueFen();
				keptMoney = true;
			}
			Map<Long, List<ProposalUnits.Part>> parts = fitting(goods, k -> pieces.get((int) k).lines(), left);
			goods.stream().filter(p -> !parts.containsKey(p.needId())).forEach(p -> dropped[(int) p.needId()]++);
			if (parts.isEmpty() && !keptMoney) {
				if (moneyOnly) {
					break;
				}
				round = ROUNDS - 1;
				continue;
			}
			for (Map.Entry<Long, List<ProposalUnits.Part>> e : parts.entrySet()) {
				int k = (int) (long) e.getKey();
				Campaigns.Candidate need = pieces.get(k).need();
				kept += openFen[k];
				openFen[k] = 0;
				for (ProposalUnits.Part part : e.getValue()) {
					left.merge(part.donorId(), -part.valueFen(), Long::sum);
					proposals.add(new Campaigns.Invitation(0, campaignId, need.needId(), part.donorId(), need.regionCode(), part.byPosition(),
							part.valueFen(), Campaigns.InvitationState.PROPOSED, null, null, null, null, null));
				}
			}
		}
		moneyParts.forEach((k, byDonor) -> {
			Piece piece = pieces.get(k);
			byDonor.forEach((donor, fen) -> proposals.add(new Campaigns.Invitation(0, campaignId, piece.need().needId(), donor,
					piece.need().regionCode(), Map.of(), fen, Campaigns.InvitationState.PROPOSED, null, null, null, piece.moneyPosition(), null)));
		});
		return new Plan(proposals, candidateCount, candidateValue, bound, firstPlan, kept, Math.max(0, firstPlan - kept));
	}

	/**
	 * The allocation cut into units (see {@link ProposalUnits}). Cutting can move up to half a unit onto a
	 * donor, so split needs are left out, smallest first, until every donor's part fits what it has left.
	 */
	private static Map<Long, List<ProposalUnits.Part>> fitting(List<CampaignAllocator.Proposal> allocation,
			java.util.function.LongFunction<List<ProposalUnits.Line>> linesOf, Map<Long, Long> left) {
		Map<Long, List<ProposalUnits.Part>> parts = new LinkedHashMap<>();
		Map<Long, Long> spent = new HashMap<>();
		Map<Long, List<Long>> splitOf = new java.util.TreeMap<>(); // donors in id order: the same input gives the same proposals
		for (CampaignAllocator.Proposal p : allocation) {
			List<ProposalUnits.Part> split = ProposalUnits.split(linesOf.apply(p.needId()), p.fundings());
			parts.put(p.needId(), split);
			for (ProposalUnits.Part part : split) {
				spent.merge(part.donorId(), part.valueFen(), Long::sum);
				if (p.fundings().size() > 1) { // split by the allocator: the cut may move value onto a donor even when only one keeps units
					splitOf.computeIfAbsent(part.donorId(), k -> new ArrayList<>()).add(p.needId());
				}
			}
		}
		// first move boundary units from donors over what they have left to a neighbour in the same need with room for them
		for (Map.Entry<Long, List<Long>> e : splitOf.entrySet()) {
			long donor = e.getKey();
			for (long needId : e.getValue()) {
				List<ProposalUnits.Line> lines = linesOf.apply(needId);
				boolean moved = true;
				while (moved && spent.get(donor) > left.get(donor)) {
					moved = false;
					List<ProposalUnits.Part> now = parts.get(needId);
					int from = indexOf(now, donor);
					for (int to : new int[] { from + 1, from - 1 }) {
						if (to < 0 || to >= now.size()) {
							continue;
						}
						var shifted = ProposalUnits.shift(lines, now, from, to);
						if (shifted.isEmpty()) {
							continue;
						}
						long taker = now.get(to).donorId();
						long more = shifted.get().get(to).valueFen() - now.get(to).valueFen();
						if (spent.get(taker) + more <= left.get(taker)) {
							spent.merge(donor, shifted.get().get(from).valueFen() - now.get(from).valueFen(), Long::sum);
							spent.merge(taker, more, Long::sum);
							parts.put(needId, shifted.get());
							moved = true;
							break;
						}
					}
				}
			}
		}
		splitOf.forEach((donor, needIds) -> {
			needIds.sort(Comparator.comparingLong(id -> ProposalUnits.remainingValue(linesOf.apply(id))));
			for (long needId : needIds) {
				if (spent.get(donor) <= left.get(donor)) {
					break;
				}
				List<ProposalUnits.Part> removed = parts.remove(needId);
				if (removed != null) {
					removed.forEach(part -> spent.merge(part.donorId(), -part.valueFen(), Long::sum));
				}
			}
		});
		return parts;
	}

	private static int indexOf(List<ProposalUnits.Part> parts, long donorId) {
		for (int i = 0; i < parts.size(); i++) {
			if (parts.get(i).donorId() == donorId) {
				return i;
			}
		}
		throw new IllegalStateException("donor " + donorId + " has no part");
	}
}
