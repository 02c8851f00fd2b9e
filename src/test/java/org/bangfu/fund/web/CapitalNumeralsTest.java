package org.bangfu.fund.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Amounts in capital numerals as a receipt writes them, zeros and all. */
class CapitalNumeralsTest {

	@Test
	void amountsAreWrittenAsOnAChineseReceipt() {
		assertThat(CapitalNumerals.of(0)).isEqualTo("零元整");
		assertThat(CapitalNumerals.of(50)).isEqualTo("伍角整");
		assertThat(CapitalNumerals.of(7)).isEqualTo("柒分");
		assertThat(CapitalNumerals.of(100)).isEqualTo("壹元整");
		assertThat(CapitalNumerals.of(1_000)).isEqualTo("壹拾元整");
		assertThat(CapitalNumerals.of(10_050)).isEqualTo("壹佰元伍角整");
		assertThat(CapitalNumerals.of(100_503)).isEqualTo("壹仟零伍元零叁分");
		assertThat(CapitalNumerals.of(123_450)).isEqualTo("壹仟贰佰叁拾肆元伍角整");
		assertThat(CapitalNumerals.of(1_234_560)).isEqualTo("壹万贰仟叁佰肆拾伍元陆角整");
		assertThat(CapitalNumerals.of(3_000_000)).isEqualTo("叁万元整");
		assertThat(CapitalNumerals.of(10_000_000)).isEqualTo("壹拾万元整");
		assertThat(CapitalNumerals.of(10_000_500)).isEqualTo("壹拾万零伍元整");
		assertThat(CapitalNumerals.of(100_100_000)).isEqualTo("壹佰万壹仟元整");
		assertThat(CapitalNumerals.of(1_001_000_000L)).isEqualTo("壹仟零壹万元整");
		assertThat(CapitalNumerals.of(10_000_100_000L)).isEqualTo("壹亿零壹仟元整");
		assertThat(CapitalNumerals.of(10_100_000_000L)).isEqualTo("壹亿零壹佰万元整");
	}
}
