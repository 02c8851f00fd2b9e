package org.bangfu.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTest {

	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** Published codes; a wrong check character would pass by chance only once in 31. */
	private static final String[] PUBLISHED = { "91350100M000100Y43", "911100001000080343", "91110000802100433B",
			"914403001922038216", "91110108551385082Q" };

	private static void assertRejected(String text, String key) {
		assertThatThrownBy(() -> CreditCode.parse(text))
			.isInstanceOf(BadInputException.class)
			.extracting("messageKey").isEqualTo(key);
	}

	@Test
	void publishedCodesAreValid() {
		for (String code : PUBLISHED) {
			assertThat(CreditCode.parse(code).value()).isEqualTo(code);
			assertThat(CreditCode.withCheckCharacter(code.substring(0, 17))).isEqualTo(code);
		}
	}

	@Test
	void changingAnyOneCharacterOfAPublishedCodeMakesItFail() {
		for (String code : PUBLISHED) {
			for (int i = 0; i < 18; i++) {
				for (char c : (CHARSET + "IOZSV").toCharArray()) {
					if (c == code.charAt(i)) {
						continue;
					}
					String changed = code.substring(0, i) + c + code.substring(i + 1);
					assertThatThrownBy(() -> CreditCode.parse(changed)).as(changed)
						.isInstanceOf(BadInputException.class)
						.extracting("messageKey").isIn("credit-code.malformed", "credit-code.checksum");
				}
			}
		}
	}

	@Test
	void aChangeThatKeepsTheCodeWellFormedIsAChecksumError() {
		// Organisation code and check character take any character of the set.
		String code = PUBLISHED[0];
		for (int i = 8; i < 18; i++) {
			for (char c : CHARSET.toCharArray()) {
				if (c != code.charAt(i)) {
					assertRejected(code.substring(0, i) + c + code.substring(i + 1), "credit-code.checksum");
				}
			}
		}
	}

	@Test
	void checkValueThirtyOneBecomesZeroAndThirtyIsY() {
		assertThat(CreditCode.withCheckCharacter("91430100MA4L16JL6")).isEqualTo("91430100MA4L16JL60");
		assertThat(CreditCode.withCheckCharacter("91430100MA4L16JLG")).isEqualTo("91430100MA4L16JLGY");
		assertThat(CreditCode.parse("91430100MA4L16JL60").value()).isEqualTo("91430100MA4L16JL60");
		assertThat(CreditCode.parse("91430100MA4L16JLGY").value()).isEqualTo("91430100MA4L16JLGY");
	}

	@Test
	void lowerCaseFullWidthAndBlanksAreNormalised() {
		assertThat(CreditCode.parse("91350100m000100y43").value()).isEqualTo(PUBLISHED[0]);
		assertThat(CreditCode.parse("９１３５０１００Ｍ０００１００Ｙ４３").value()).isEqualTo(PUBLISHED[0]);
		assertThat(CreditCode.parse("９１３５０１００ｍ０００１００ｙ４３").value()).isEqualTo(PUBLISHED[0]);
		assertThat(CreditCode.parse(" 9135 0100 M000 100Y 43\u3000").value()).isEqualTo(PUBLISHED[0]);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "91350100M000100Y4", "91350100M000100Y433", "91350100M000100I43",
			"91350100M000100O43", "91350100M000100Z43", "91350100M000100S43", "91350100M000100V43",
			"91350100M000100Y4-", "91350100Ｍ000100Y4３X", "9135010ıM000100Y43" })
	void wrongLengthOrCharactersAreMalformed(String text) {
		assertRejected(text, "credit-code.malformed");
	}

	@Test
	void nullIsMalformed() {
		assertRejected(null, "credit-code.malformed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "H", "J", "K", "L", "M", "P", "Q", "R", "T", "U", "W", "X" })
	void anUnknownRegistrationAuthorityIsMalformedEvenWithARightCheckCharacter(String authority) {
		assertRejected(CreditCode.withCheckCharacter(authority + "1350100M000100Y4"), "credit-code.malformed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "5", "9", "A", "G", "N", "Y" })
	void everyKnownRegistrationAuthorityIsAccepted(String authority) {
		String code = CreditCode.withCheckCharacter(authority + "1350100M000100Y4");
		assertThat(CreditCode.parse(code).value()).isEqualTo(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "91A50100M000100Y4", "9135010AM000100Y4", "91350Y00M000100Y4" })
	void aDivisionCodeWithLettersIsMalformedEvenWithARightCheckCharacter(String first17) {
		assertRejected(CreditCode.withCheckCharacter(first17), "credit-code.malformed");
	}

	@Test
	void aWrongCheckCharacterIsAChecksumError() {
		assertRejected("91350100M000100Y44", "credit-code.checksum");
		assertRejected("91350100M000100Y4Y", "credit-code.checksum");
	}

	@Test
	void failuresCarryTheNormalisedText() {
		assertThatThrownBy(() -> CreditCode.parse(" 91350100m000100y44 "))
			.isInstanceOf(BadInputException.class)
			.satisfies(ex -> assertThat(((BadInputException) ex).args()).containsExactly("91350100M000100Y44"));
	}

	@Test
	void equalityAndToStringFollowTheNormalisedValue() {
		CreditCode a = CreditCode.parse(PUBLISHED[0]);
		CreditCode b = CreditCode.parse("91350100m000100y43");
		assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
		assertThat(a).isNotEqualTo(CreditCode.parse(PUBLISHED[1]));
		assertThat(a).isNotEqualTo(PUBLISHED[0]);
		assertThat(a).hasToString(PUBLISHED[0]);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "91350100M000100Y", "91350100M000100Y43", "91350100M000100I4", "91350100m000100Y4" })
	void withCheckCharacterWantsSeventeenCharactersOfTheSet(String first17) {
		assertThatThrownBy(() -> CreditCode.withCheckCharacter(first17))
			.isInstanceOf(BadInputException.class)
			.extracting("messageKey").isEqualTo("credit-code.malformed");
	}
}
