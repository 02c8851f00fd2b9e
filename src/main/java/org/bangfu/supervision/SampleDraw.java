package org.bangfu.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sampling algorithm, kept small so anyone can recompute a sample from its record (docs/trust.md): take the
 * population's need ids in ascending order, then a partial Fisher–Yates shuffle driven by
 * {@code java.util.SplittableRandom(seed)}: for i = 0 .. size−1, j = i + nextInt(n − i), swap positions i and j; the
 * sample is the first {@code size} ids, in that order.
 */
final class SampleDraw {

	private SampleDraw() {
	}

	static List<Long> draw(List<Long> ascendingIds, int size, long seed) {
		List<Long> ids = new ArrayList<>(ascendingIds);
		SplittableRandom random = new SplittableRandom(seed);
		int n = ids.size();
		for (int i = 0; i < size; i++) {
			int j = i + random.nextInt(n - i);
			Long t = ids.get(i);
			ids.set(i, ids.get(j));
			ids.set(j, t);
		}
		return List.copyOf(ids.subList(0, size));
	}
}
