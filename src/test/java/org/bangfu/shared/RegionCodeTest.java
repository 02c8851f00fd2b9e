package org.bangfu.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodeTest {

	@Test
	void prefixIsTheSignificantPartOfTheCode() {
		assertThat(RegionCode.parse("430000").prefix()).isEqualTo("43");
		assertThat(RegionCode.parse("430400").prefix()).isEqualTo("4304");
		assertThat(RegionCode.parse("430421").prefix()).isEqualTo("430421");
		assertThat(RegionCode.parse("430421100").prefix()).isEqualTo("430421100");
		assertThat(RegionCode.parse("430421100203").prefix()).isEqualTo("430421100203");
	}

	@Test
	void shortFormsAreWidenedToSixDigits() {
		assertThat(RegionCode.parse("43").value()).isEqualTo("430000");
		assertThat(RegionCode.parse(" 4304 ").value()).isEqualTo("430400");
	}

	@Test
	void containmentFollowsThePrefix() {
		RegionCode hengyangCounty = RegionCode.parse("430421");
		assertThat(hengyangCounty.contains(RegionCode.parse("430421100203"))).isTrue();
		assertThat(hengyangCounty.contains(RegionCode.parse("430422103231"))).isFalse();
		assertThat(RegionCode.parse("430400").contains(RegionCode.parse("430422103231"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "4", "4304211", "43042110020", "4304211002031", "43042a", "430421 100", "-430421" })
	void malformedCodesAreBadInput(String code) {
		assertThatThrownBy(() -> RegionCode.parse(code))
			.isInstanceOf(BadInputException.class)
			.extracting("messageKey").isEqualTo("region.code.malformed");
	}
}
