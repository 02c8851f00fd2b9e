package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.need.NeedAction.*;
import static org.bangfu.need.NeedState.*;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The state machine, every state × every action, against the table of DESIGN.md §3 written out here
 * a second time by hand: a change to {@link NeedLifecycle} that the design does not say fails here.
 */
class NeedLifecycleTest {

	private static final Map<NeedAction, Map<NeedState, NeedState>> EXPECTED = Map.ofEntries(
			Map.entry(EDIT, Map.of(DRAFT, DRAFT, REJECTED, REJECTED)),
			Map.entry(SUBMIT, Map.of(DRAFT, SUBMITTED, REJECTED, SUBMITTED)),
			Map.entry(VERIFY, Map.of(SUBMITTED, VERIFIED)),
			Map.entry(PUBLISH, Map.of(VERIFIED, PUBLISHED)),
			Map.entry(REJECT, Map.of(SUBMITTED, REJECTED)),
			Map.entry(WITHDRAW, Map.of(DRAFT, WITHDRAWN, SUBMITTED, WITHDRAWN, REJECTED, WITHDRAWN, VERIFIED, WITHDRAWN, PUBLISHED, WITHDRAWN)),
			// supervision found it false (issue 16): withdrawn from the public states before anything is on its way
			Map.entry(FIND_FALSE, Map.of(PUBLISHED, WITHDRAWN, PARTLY_PLEDGED, WITHDRAWN, PLEDGED, WITHDRAWN)),
			Map.entry(EXPIRE, Map.of(PUBLISHED, EXPIRED)),
			Map.entry(PLEDGE_PART, Map.of(PUBLISHED, PARTLY_PLEDGED, PARTLY_PLEDGED, PARTLY_PLEDGED)),
			Map.entry(PLEDGE_ALL, Map.of(PUBLISHED, PLEDGED, PARTLY_PLEDGED, PLEDGED)),
			Map.entry(RELEASE_TO_PART, Map.of(PARTLY_PLEDGED, PARTLY_PLEDGED, PLEDGED, PARTLY_PLEDGED)),
			Map.entry(RELEASE_ALL, Map.of(PARTLY_PLEDGED, PUBLISHED, PLEDGED, PUBLISHED)),
			Map.entry(DELIVER, Map.of(PLEDGED, DELIVERED)),
			Map.entry(CONFIRM, Map.of(DELIVERED, CONFIRMED)),
			Map.entry(CLOSE, Map.of(CONFIRMED, CLOSED)));

	@Test
	void everyStateAndEveryActionFollowTheDesign() {
		assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(NeedAction.values());
		int allowed = 0;
		for (NeedState state : NeedState.values()) {
			for (NeedAction action : NeedAction.values()) {
				Optional<NeedState> expected = Optional.ofNullable(EXPECTED.get(action).get(state));
				assertThat(NeedLifecycle.next(state, action)).as("%s from %s", action, state).isEqualTo(expected);
				if (expected.isPresent()) {
					allowed++;
				}
			}
		}
		assertThat(allowed).isEqualTo(27);
	}

	@Test
	void endStatesHaveNoWayOut() {
		for (NeedState end : new NeedState[] { CLOSED, EXPIRED, WITHDRAWN }) {
			for (NeedAction action : NeedAction.values()) {
				assertThat(NeedLifecycle.next(end, action)).as("%s from %s", action, end).isEmpty();
			}
		}
	}

	@Test
	void theSearchPairsOfATextAreItsAdjacentLetterPairs() {
		assertThat(NeedSearch.pairs("急需轮椅一台", "腿脚，不便")).isEqualTo(" 急需 需轮 轮椅 椅一 一台 腿脚 不便 ");
		assertThat(NeedSearch.keywordPairs("轮椅")).containsExactly("轮椅");
		assertThat(NeedSearch.keywordPairs("助 听器")).containsExactly("助听", "听器");
		assertThat(NeedSearch.keywordPairs("药")).isEmpty();
		assertThat(NeedSearch.keywordPairs("白内障手术费用报销")).hasSize(NeedSearch.MAX_PAIRS);
	}
}
