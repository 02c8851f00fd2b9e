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
}
