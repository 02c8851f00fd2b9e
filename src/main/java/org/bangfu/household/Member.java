package org.bangfu.household;

import java.time.LocalDate;

/** A member of a registry household, its ID number masked. */
public record Member(long id, String name, String maskedIdNumber, String relation, String gender, LocalDate birthDate,
		String education, String schooling, String health, String laborSkill, String workStatus) {
}
