package org.bangfu.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bangfu.campaign.allocation.CampaignAllocator.Funding;
import org.junit.jupiter.api.Test;

/** Cutting a need funded by several donors into whole units. */
class ProposalUnitsTest {

	@Test
	void oneDonorTakesEverythingStillOpen() {
		var lines = List.of(new ProposalUnits.Line(0, 3, 5, 50_000), new ProposalUnits.Line(1, 0, 2, 10_000), new ProposalUnits.Line(2, 1, 1, 7_000));
		var parts = ProposalUnits.split(lines, List.of(new Funding(9, 37_000)));
		assertThat(parts).singleElement().satisfies(p -> {
			assertThat(p.byPosition()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 3, 2, 1));
			assertThat(p.valueFen()).isEqualTo(37_000);
		});
	}

	@Test
	void unitsGoToTheDonorWhoseShareCoversTheirMiddle() {
		var tenBlankets = List.of(new ProposalUnits.Line(0, 10, 10, 100_000));
		var parts = ProposalUnits.split(tenBlankets, List.of(new Funding(1, 60_000), new Funding(2, 40_000)));
		assertThat(parts).extracting(ProposalUnits.Part::donorId).containsExactly(1L, 2L);
		assertThat(parts.get(0).byPosition()).containsExactlyEntriesOf(Map.of(0, 6));
		assertThat(parts.get(1).byPosition()).containsExactlyEntriesOf(Map.of(0, 4));
		assertThat(parts).extracting(ProposalUnits.Part::valueFen).containsExactly(60_000L, 40_000L);

		// 35 / 65 of ten units: the fourth unit's middle (35,000) falls in the second share
		var uneven = ProposalUnits.split(tenBlankets, List.of(new Funding(1, 35_000), new Funding(2, 65_000)));
		assertThat(uneven).extracting(ProposalUnits.Part::valueFen).containsExactly(30_000L, 70_000L);
	}

	@Test
	void aSingleUnitCannotBeCutAndAcrossLinesTheOrderHolds() {
		var roof = List.of(new ProposalUnits.Line(0, 1, 1, 100_000));
		var parts = ProposalUnits.split(roof, List.of(new Funding(1, 60_000), new Funding(2, 40_000)));
		assertThat(parts).singleElement().satisfies(p -> {
			assertThat(p.donorId()).isEqualTo(1);
			assertThat(p.valueFen()).isEqualTo(100_000);
		});

		var twoLines = List.of(new ProposalUnits.Line(0, 2, 2, 20_000), new ProposalUnits.Line(3, 1, 1, 60_000));
		var split = ProposalUnits.split(twoLines, List.of(new Funding(1, 20_000), new Funding(2, 60_000)));
		assertThat(split.get(0).byPosition()).containsExactlyEntriesOf(Map.of(0, 2));
		assertThat(split.get(1).byPosition()).containsExactlyEntriesOf(Map.of(3, 1));
	}

	@Test
	void aBoundaryUnitMovesToTheNeighbourAndOnlyThere() {
		var lines = List.of(new ProposalUnits.Line(0, 4, 4, 40_000), new ProposalUnits.Line(1, 2, 2, 60_000));
		var parts = ProposalUnits.split(lines, List.of(new Funding(1, 50_000), new Funding(2, 50_000)));
		assertThat(parts.get(0).byPosition()).containsExactlyEntriesOf(Map.of(0, 4));
		assertThat(parts.get(1).byPosition()).containsExactlyInAnyOrderEntriesOf(Map.of(1, 2));

		var forward = ProposalUnits.shift(lines, parts, 0, 1).orElseThrow();
		assertThat(forward.get(0).byPosition()).containsExactlyEntriesOf(Map.of(0, 3));
		assertThat(forward.get(1).byPosition()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 1, 1, 2));
		assertThat(forward).extracting(ProposalUnits.Part::valueFen).containsExactly(30_000L, 70_000L);

		var back = ProposalUnits.shift(lines, parts, 1, 0).orElseThrow();
		assertThat(back.get(0).byPosition()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 4, 1, 1));
		assertThat(back.get(1).byPosition()).containsExactlyEntriesOf(Map.of(1, 1));

		var single = List.of(new ProposalUnits.Line(0, 2, 2, 20_000));
		var two = ProposalUnits.split(single, List.of(new Funding(1, 10_000), new Funding(2, 10_000)));
		assertThat(ProposalUnits.shift(single, two, 0, 1)).as("a donor's last unit stays").isEmpty();
	}
}
