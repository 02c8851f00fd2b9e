package org.bangfu.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityNumberTest {

	/** 2025-06-15 00:00 in Beijing, still 2025-06-14 in UTC. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-14T16:00:00Z"), ZoneId.of("Asia/Shanghai"));

	/** The example in GB 11643-1999 itself. */
	private static final String STANDARD_EXAMPLE = "11010519491231002X";

	private static IdentityNumber parse(String text) {
		return IdentityNumber.parse(text, CLOCK);
	}

	private static void assertRejected(String text, String key) {
		assertThatThrownBy(() -> parse(text))
			.isInstanceOf(BadInputException.class)
			.extracting("messageKey").isEqualTo(key);
	}

	@Test
	void theStandardsOwnExampleIsValid() {
		IdentityNumber id = parse(STANDARD_EXAMPLE);
		assertThat(id.value()).isEqualTo(STANDARD_EXAMPLE);
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.isMale()).isFalse();
	}

	@Test
	void checkCharacterIsComputedWithMod11_2() {
		assertThat(IdentityNumber.withCheckCharacter("11010519491231002")).isEqualTo(STANDARD_EXAMPLE);
		// Weighted sums with every remainder occur; spot-check a digit and the X.
		assertThat(IdentityNumber.withCheckCharacter("43042119900307123")).hasSize(18).startsWith("43042119900307123");
		for (int seq = 0; seq < 1000; seq++) {
			String number = IdentityNumber.withCheckCharacter("43042119900307" + String.format("%03d", seq));
			assertThat(parse(number).value()).isEqualTo(number);
		}
	}

	@Test
	void generatedNumbersParse() {
		String number = IdentityNumber.withCheckCharacter("43042119900307123");
		IdentityNumber id = parse(number);
		assertThat(id.value()).isEqualTo(number);
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
		assertThat(id.isMale()).isTrue();
		assertThat(parse(IdentityNumber.withCheckCharacter("43042119900307124")).isMale()).isFalse();
	}

	@Test
	void lowerCaseXIsUpperCased() {
		assertThat(parse("11010519491231002x").value()).isEqualTo(STANDARD_EXAMPLE);
	}

	@Test
	void fullWidthDigitsAndXAreNormalised() {
		assertThat(parse("１１０１０５１９４９１２３１００２Ｘ").value()).isEqualTo(STANDARD_EXAMPLE);
		assertThat(parse("１１０１０５１９４９１２３１００２ｘ").value()).isEqualTo(STANDARD_EXAMPLE);
		assertThat(parse("110105１９４９1231002X").value()).isEqualTo(STANDARD_EXAMPLE);
	}

	@Test
	void blanksAreStripped() {
		assertThat(parse("  110105 19491231 002X\t").value()).isEqualTo(STANDARD_EXAMPLE);
		assertThat(parse("110105\u300019491231\u00a0002X\n").value()).isEqualTo(STANDARD_EXAMPLE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "11010519491231002", "11010519491231002X1", "110105194912310020X",
			"1101051949123100X2", "X10105194912310022", "11010519491231002Y", "1101051949-231002X",
			"11010519491231002*", "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "110105194912310" })
	void wrongLengthOrCharactersAreMalformed(String text) {
		assertRejected(text, "id-number.malformed");
	}

	@Test
	void nullIsMalformed() {
		assertRejected(null, "id-number.malformed");
	}

	@Test
	void aWrongCheckCharacterIsAChecksumError() {
		for (char c : "0123456789".toCharArray()) {
			assertRejected("11010519491231002" + c, "id-number.checksum");
		}
	}

	@Test
	void changingAnyOneDigitBreaksTheChecksum() {
		for (int i = 0; i < 17; i++) {
			for (char c = '0'; c <= '9'; c++) {
				if (c == STANDARD_EXAMPLE.charAt(i)) {
					continue;
				}
				String changed = STANDARD_EXAMPLE.substring(0, i) + c + STANDARD_EXAMPLE.substring(i + 1);
				assertRejected(changed, "id-number.checksum");
			}
		}
	}

	@Test
	void swappingTwoAdjacentDifferentDigitsBreaksTheChecksum() {
		String number = IdentityNumber.withCheckCharacter("43042119900307123");
		for (int i = 0; i < 16; i++) {
			if (number.charAt(i) == number.charAt(i + 1)) {
				continue;
			}
			String swapped = number.substring(0, i) + number.charAt(i + 1) + number.charAt(i) + number.substring(i + 2);
			assertRejected(swapped, "id-number.checksum");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "20250616", "20260101", "30000101" })
	void aBirthDateAfterTodayIsRejected(String date) {
		assertRejected(IdentityNumber.withCheckCharacter("430421" + date + "123"), "id-number.birth-date");
	}

	@Test
	void aBirthDateOfTodayInTheClocksZoneIsAccepted() {
		// Already 15 June in Beijing although the instant is 14 June in UTC.
		assertThat(parse(IdentityNumber.withCheckCharacter("43042120250615123")).birthDate())
			.isEqualTo(LocalDate.of(2025, 6, 15));
	}

	@ParameterizedTest
	@ValueSource(strings = { "20230229", "19000229", "21000229", "19900230", "19900431", "19901301", "19900001",
			"19900100", "19900132", "18991231", "00000000" })
	void impossibleOrTooEarlyBirthDatesAreRejected(String date) {
		assertRejected(IdentityNumber.withCheckCharacter("110105" + date + "123"), "id-number.birth-date");
	}

	@ParameterizedTest
	@ValueSource(strings = { "20000229", "20240229", "19000101", "19900131" })
	void leapDaysAndTheEarliestDateAreAccepted(String date) {
		assertThat(parse(IdentityNumber.withCheckCharacter("110105" + date + "123")).birthDate())
			.isEqualTo(LocalDate.parse(date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72",
			"80", "83", "90", "99" })
	void unknownProvinceDigitsAreARegionError(String province) {
		assertRejected(IdentityNumber.withCheckCharacter(province + "010519491231002"), "id-number.region");
	}

	@ParameterizedTest
	@ValueSource(strings = { "11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82" })
	void everyProvinceRangeIsAccepted(String province) {
		String number = IdentityNumber.withCheckCharacter(province + "010519491231002");
		assertThat(parse(number).value()).isEqualTo(number);
	}

	@Test
	void maskingKeepsFourCharactersAtEachEnd() {
		String number = IdentityNumber.withCheckCharacter("43042119900307123");
		IdentityNumber id = parse(number);
		assertThat(id.masked()).isEqualTo("4304**********" + number.substring(14)).hasSize(18);
		assertThat(parse(STANDARD_EXAMPLE).masked()).isEqualTo("1101**********002X");
	}

	@Test
	void toStringIsMaskedAndNeverTheFullNumber() {
		IdentityNumber id = parse(STANDARD_EXAMPLE);
		assertThat(id.toString()).isEqualTo("1101**********002X").doesNotContain("19491231");
		assertThat("person " + id).isEqualTo("person 1101**********002X");
	}

	@Test
	void equalityFollowsTheNormalisedValue() {
		IdentityNumber a = parse(STANDARD_EXAMPLE);
		IdentityNumber b = parse(" １１０１０５１９４９１２３１００２x ");
		assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
		assertThat(a).isNotEqualTo(parse(IdentityNumber.withCheckCharacter("11010519491231003")));
		assertThat(a).isNotEqualTo(STANDARD_EXAMPLE);
	}

	@Test
	void failuresDoNotCarryTheNumber() {
		assertThatThrownBy(() -> parse("110105194912310021"))
			.isInstanceOf(BadInputException.class)
			.satisfies(ex -> {
				assertThat(((BadInputException) ex).args()).isEmpty();
				assertThat(ex.getMessage()).doesNotContain("110105");
			});
	}

	@Test
	void theSystemClockOverloadAcceptsPastDatesAndRejectsFarFutureOnes() {
		assertThat(IdentityNumber.parse(STANDARD_EXAMPLE).birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		String future = IdentityNumber.withCheckCharacter("11010599991231002");
		assertThatThrownBy(() -> IdentityNumber.parse(future))
			.isInstanceOf(BadInputException.class)
			.extracting("messageKey").isEqualTo("id-number.birth-date");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1101051949123100", "110105194912310021", "1101051949123100X" })
	void withCheckCharacterWantsExactlySeventeenDigits(String first17) {
		assertThatThrownBy(() -> IdentityNumber.withCheckCharacter(first17))
			.isInstanceOf(BadInputException.class)
			.extracting("messageKey").isEqualTo("id-number.malformed");
	}
}
