package org.bangfu.campaign;

import org.bangfu.pledge.Pledges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.campaign.allocation.CampaignAllocator.Funding;

/**
 * Turns the allocator's money split of a need into what donors can actually pledge: whole units of
 * its items. Pledges are by item quantity, so a need that the allocator funds from several donors is
 * cut along unit boundaries: each unit goes to the donor whose share of the money covers the unit's
 * middle. A donor's part may then be worth up to half a unit more or less than the allocator's
 * amount; {@link CampaignPlanning} drops a split need where that would push a donor past its budget.
 */
final class ProposalUnits {

	private ProposalUnits() {
	}

	/**
	 * One item line of a need: its position, what of it is still open, and the whole line's quantity and value. A
	 * {@code money} line (issue 14) is given through the fund in any amount, not cut into units: its remaining 1 of 1
	 * and its value what no gift holds yet.
	 */
	record Line(int position, int remaining, int quantity, long valueFen, boolean money) {

		Line(int position, int remaining, int quantity, long valueFen) {
			this(position, remaining, quantity, valueFen, false);
		}

		/** The value of {@code units} of the line, pro rata and rounded down, as a pledge counts it. */
		long valueOf(int units) {
			return valueFen * units / quantity;
		}
	}

	/** A donor's part of a need: quantities by item position, and their value. */
	record Part(long donorId, Map<Integer, Integer> byPosition, long valueFen) {
	}

	static long remainingValue(List<Line> lines) {
		return lines.stream().mapToLong(l -> l.valueOf(l.remaining())).sum();
	}

	/** The goods lines: what pledges take, in whole units. */
	static List<Line> goods(List<Line> lines) {
		return lines.stream().filter(l -> !l.money()).toList();
	}

	/** The parts, in the fundings' order; a donor whose share covers no unit's middle gets no part. */
	static List<Part> split(List<Line> lines, List<Funding> fundings) {
		if (fundings.size() == 1) {
			Map<Integer, Integer> all = new LinkedHashMap<>();
			lines.stream().filter(l -> l.remaining() > 0).forEach(l -> all.put(l.position(), l.remaining()));
			return List.of(new Part(fundings.get(0).donorId(), all, remainingValue(lines)));
		}
		// the fundings' shares laid end to end: donor i covers [ends[i-1], ends[i]) of the need's value
		long[] ends = new long[fundings.size()];
		long sum = 0;
		for (int i = 0; i < ends.length; i++) {
			sum += fundings.get(i).amountFen();
			ends[i] = sum;
		}
		List<Map<Integer, Integer>> units = new ArrayList<>();
		fundings.forEach(f -> units.add(new LinkedHashMap<>()));
		long offset = 0;
		int donor = 0;
		for (Line line : lines) {
			for (int u = 0; u < line.remaining(); u++) {
				// twice the unit's middle, to stay in integers
				long middle2 = 2 * offset + line.valueOf(u) + line.valueOf(u + 1);
				while (donor < ends.length - 1 && middle2 >= 2 * ends[donor]) {
					donor++;
				}
				units.get(donor).merge(line.position(), 1, Integer::sum);
			}
			offset += line.valueOf(line.remaining());
		}
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < fundings.size(); i++) {
			Map<Integer, Integer> byPosition = units.get(i);
			if (byPosition.isEmpty()) {
				continue;
			}
			long value = 0;
			for (Line line : lines) {
				value += line.valueOf(byPosition.getOrDefault(line.position(), 0));
			}
			parts.add(new Part(fundings.get(i).donorId(), byPosition, value));
		}
		return parts;
	}

	/**
	 * The parts with one unit moved across the boundary between two neighbouring donors of the need
	 * ({@code from} and {@code to} are indexes in {@code parts}, one apart): the last unit of {@code
	 * from} when {@code to} follows it, else its first. Empty when {@code from} has a single unit (it
	 * would vanish) or the two are not neighbours.
	 */
	static java.util.Optional<List<Part>> shift(List<Line> lines, List<Part> parts, int from, int to) {
		if (Math.abs(from - to) != 1 || parts.get(from).byPosition().values().stream().mapToInt(Integer::intValue).sum() < 2) {
			return java.util.Optional.empty();
		}
		Map<Integer, Integer> giver = new LinkedHashMap<>(parts.get(from).byPosition());
		Map<Integer, Integer> taker = new LinkedHashMap<>(parts.get(to).byPosition());
		// units are handed out in line order, so the boundary unit is the giver's last line when the taker follows, else its first
		int position = to > from ? giver.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow()
				: giver.keySet().stream().mapToInt(Integer::intValue).min().orElseThrow();
		giver.merge(position, -1, Integer::sum);
		giver.values().removeIf(q -> q == 0);
		taker.merge(position, 1, Integer::sum);
		List<Part> shifted = new ArrayList<>(parts);
		shifted.set(from, part(parts.get(from).donorId(), giver, lines));
		shifted.set(to, part(parts.get(to).donorId(), sorted(taker), lines));
		return java.util.Optional.of(shifted);
	}

	private static Map<Integer, Integer> sorted(Map<Integer, Integer> byPosition) {
		Map<Integer, Integer> out = new LinkedHashMap<>();
		byPosition.keySet().stream().sorted().forEach(k -> out.put(k, byPosition.get(k)));
		return out;
	}

	private static Part part(long donorId, Map<Integer, Integer> byPosition, List<Line> lines) {
		long value = 0;
		for (Line line : lines) {
			value += line.valueOf(byPosition.getOrDefault(line.position(), 0));
		}
		return new Part(donorId, byPosition, value);
	}
}
