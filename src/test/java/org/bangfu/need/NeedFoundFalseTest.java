package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.bangfu.shared.ConflictException;
import org.bangfu.shared.events.NeedEnded;
import org.junit.jupiter.api.Test;

/** Supervision's FALSE finding in the state machine: withdrawn while help is gathered, refused once it was delivered. */
class NeedFoundFalseTest {

	static Need in(NeedState state) {
		NeedContent content = new NeedContent(NeedCategory.OTHER, "棉被", "冬天冷", List.of(new NeedItem("物资", "棉被", 2, "床", 20000, 0)),
				Urgency.NORMAL, null, null);
		return new Need(1, "430406001001", 3L, null, 11, true, content, state, 0, PledgeCounts.NONE, null, 12L, Instant.EPOCH, Instant.EPOCH,
				Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, null, 0);
	}

	@Test
	void aNeedStillGatheringHelpIsWithdrawnAndEnds() {
		for (NeedState from : new NeedState[] { NeedState.PUBLISHED, NeedState.PARTLY_PLEDGED, NeedState.PLEDGED }) {
			Need need = in(from);
			need.findFalse(41, "督查核查不实：户主未申请", Instant.EPOCH.plusSeconds(60));
			assertThat(need.state()).isEqualTo(NeedState.WITHDRAWN);
			assertThat(need.recorded()).singleElement().satisfies(t -> {
				assertThat(t.action()).isEqualTo(NeedAction.FIND_FALSE);
				assertThat(t.reason()).contains("户主未申请");
			});
			assertThat(need.events()).contains(new NeedEnded(1, "WITHDRAWN", Instant.EPOCH.plusSeconds(60)));
		}
	}

	@Test
	void aDeliveredNeedKeepsItsState() {
		for (NeedState from : new NeedState[] { NeedState.DELIVERED, NeedState.CONFIRMED, NeedState.CLOSED, NeedState.DRAFT }) {
			assertThatThrownBy(() -> in(from).findFalse(41, "x", Instant.EPOCH)).isInstanceOf(ConflictException.class);
			assertThat(NeedAuditing.WITHDRAWN_WHEN_FALSE).doesNotContain(from);
		}
	}
}
