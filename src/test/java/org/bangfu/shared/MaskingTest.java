package org.bangfu.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

	@Test
	void masksAsTheDesignShows() {
		assertThat(Masking.name("张小三")).isEqualTo("张*三");
		assertThat(Masking.name("张三")).isEqualTo("张*");
		assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**娜");
		assertThat(Masking.idNumber("430421199001011234")).isEqualTo("4304**********1234");
		assertThat(Masking.phone("13856785678")).isEqualTo("138****5678");
	}

	@Test
	void nothingToMaskGivesNothing() {
		assertThat(Masking.phone(null)).isEmpty();
		assertThat(Masking.name(" ")).isEmpty();
		assertThat(Masking.idNumber("123")).isEqualTo("***");
	}

	@org.junit.jupiter.api.Test
	void idAndPhoneNumbersInFreeTextAreMasked() {
		assertThat(Masking.numbersIn("身份证430421195007070612，电话13807345566。")).isEqualTo("身份证4304**********0612，电话138****5566。");
		assertThat(Masking.numbersIn("电话 138 0734 5566 或 138-0734-5566，座机0734-8123456")).isEqualTo("电话 138****5566 或 138****5566，座机073****3456");
		assertThat(Masking.numbersIn("需要 1200 米水管，价值 36000 元，2026 年")).as("amounts and years stay").isEqualTo("需要 1200 米水管，价值 36000 元，2026 年");
		assertThat(Masking.numbersIn("４３０４２１１９５００７０７０６１２")).isEqualTo("４３０４**********０６１２");
		assertThat(Masking.hasNumbers("户编号 4304211002031001 的户")).as("a 16-digit household number is not an ID").isFalse();
	}
}
