package org.bangfu.household.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.household.PovertyCause;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.IdentityNumber;
import org.bangfu.shared.PhoneNumbers;

/**
 * Checks one registry row and turns it into a typed member row, or into the reasons it cannot be
 * imported (each with its line and column, as message keys with arguments).
 */
public final class RegistryRows {

	private RegistryRows() {
	}

	/** One problem of one row. */
	public record RowProblem(int line, RegistryColumn column, String messageKey, Object... args) {
	}

	/** A valid row, its values cleaned and typed. */
	public record MemberRow(int line, String county, String township, String village, String householdNumber, String memberNumber,
			String name, String idNumber, String relation, boolean isHead, String gender, LocalDate birthDate, String ethnicity,
			String education, String schooling, String health, String laborSkill, String workStatus, String householdType,
			PovertyCause povertyCause, Boolean lifted, Integer liftedYear, String phone) {
	}

	/** Either a row (and no problems) or problems (and no row). */
	public record Result(MemberRow row, List<RowProblem> problems) {
	}

	private static final Pattern HOUSEHOLD_NUMBER = Pattern.compile("[0-9A-Za-z-]{1,40}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

	private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})(?:年.*|[-/.].*)?");

	private static final Map<String, PovertyCause> CAUSE_VARIANTS = Map.ofEntries(Map.entry("因病致贫", PovertyCause.ILLNESS),
			Map.entry("因残致贫", PovertyCause.DISABILITY), Map.entry("因学致贫", PovertyCause.SCHOOLING),
			Map.entry("因灾致贫", PovertyCause.DISASTER), Map.entry("缺劳动力", PovertyCause.LACK_OF_LABOUR),
			Map.entry("交通落后", PovertyCause.POOR_TRANSPORT), Map.entry("交通条件差", PovertyCause.POOR_TRANSPORT),
			Map.entry("缺乏技术", PovertyCause.LACK_OF_SKILLS), Map.entry("缺乏资金", PovertyCause.LACK_OF_FUNDS),
			Map.entry("发展动力不足", PovertyCause.LACK_OF_DRIVE));

	public static Result check(RegistryFile.RawRow raw, Clock clock) {
		int line = raw.line();
		List<RowProblem> problems = new ArrayList<>();
		for (RegistryColumn required : RegistryColumn.REQUIRED) {
			if (raw.get(required) == null) {
				problems.add(new RowProblem(line, required, "registry.row.required"));
			}
		}
		String number = raw.get(RegistryColumn.HOUSEHOLD_NUMBER);
		if (number != null && !HOUSEHOLD_NUMBER.matcher(number).matches()) {
			problems.add(new RowProblem(line, RegistryColumn.HOUSEHOLD_NUMBER, "registry.row.household-number"));
		}
		String name = raw.get(RegistryColumn.NAME);
		if (name != null && (name.length() > 30 || name.chars().anyMatch(Character::isDigit))) {
			problems.add(new RowProblem(line, RegistryColumn.NAME, "registry.row.name"));
		}
		IdentityNumber id = null;
		String idText = raw.get(RegistryColumn.ID_NUMBER);
		if (idText != null) {
			try {
				id = IdentityNumber.parse(idText, clock);
			}
			catch (BadInputException e) {
				problems.add(new RowProblem(line, RegistryColumn.ID_NUMBER, e.messageKey()));
			}
		}
		String relation = raw.get(RegistryColumn.RELATION);
		boolean head = relation != null && (relation.equals("户主") || relation.equals("本人"));

		PovertyCause cause = null;
		String causeText = raw.get(RegistryColumn.POVERTY_CAUSE);
		if (causeText != null) {
			cause = PovertyCause.ofRegistryName(causeText).orElse(CAUSE_VARIANTS.get(causeText));
			if (cause == null) {
				problems.add(new RowProblem(line, RegistryColumn.POVERTY_CAUSE, "registry.row.cause", causeText));
			}
		}

		Boolean lifted = null;
		String liftedText = raw.get(RegistryColumn.LIFTED);
		if (liftedText != null) {
			if (liftedText.contains("未") || liftedText.equals("否") || liftedText.equals("贫困")) {
				lifted = false;
			}
			else if (liftedText.contains("脱贫") || liftedText.equals("是")) {
				lifted = true;
			}
			else {
				problems.add(new RowProblem(line, RegistryColumn.LIFTED, "registry.row.lifted", liftedText));
			}
		}
		Integer liftedYear = null;
		String yearText = raw.get(RegistryColumn.LIFTED_YEAR);
		if (yearText != null) {
			Matcher m = YEAR.matcher(yearText);
			int thisYear = Year.now(clock).getValue();
			if (m.matches() && Integer.parseInt(m.group(1)) >= 2013 && Integer.parseInt(m.group(1)) <= thisYear) {
				liftedYear = Integer.parseInt(m.group(1));
				if (lifted == null) {
					lifted = true;
				}
			}
			else {
				problems.add(new RowProblem(line, RegistryColumn.LIFTED_YEAR, "registry.row.lifted-year", yearText, thisYear));
			}
		}

		String phone = raw.get(RegistryColumn.PHONE);
		if (phone != null) {
			if (PhoneNumbers.isValid(phone)) {
				phone = PhoneNumbers.normalise(phone);
			}
			else if (LANDLINE.matcher(phone.replace(" ", "")).matches()) {
				phone = phone.replace(" ", "");
			}
			else {
				problems.add(new RowProblem(line, RegistryColumn.PHONE, "registry.row.phone", phone));
			}
		}

		LocalDate birth = id == null ? null : id.birthDate();
		String birthText = raw.get(RegistryColumn.BIRTH_DATE);
		if (birthText != null) {
			LocalDate given = parseDate(birthText);
			if (given == null) {
				problems.add(new RowProblem(line, RegistryColumn.BIRTH_DATE, "registry.row.birth-date", birthText));
			}
			else if (id != null && !given.equals(id.birthDate())) {
				problems.add(new RowProblem(line, RegistryColumn.BIRTH_DATE, "registry.row.birth-date-mismatch", birthText));
			}
			else {
				birth = given;
			}
		}
		String gender = raw.get(RegistryColumn.GENDER);
		if (gender == null && id != null) {
			gender = id.isMale() ? "男" : "女";
		}
		if (!problems.isEmpty()) {
			return new Result(null, problems);
		}
		return new Result(new MemberRow(line, raw.get(RegistryColumn.COUNTY), raw.get(RegistryColumn.TOWNSHIP), raw.get(RegistryColumn.VILLAGE),
				number, raw.get(RegistryColumn.MEMBER_NUMBER), name, id.value(), relation, head, gender, birth,
				raw.get(RegistryColumn.ETHNICITY), raw.get(RegistryColumn.EDUCATION), raw.get(RegistryColumn.SCHOOLING),
				raw.get(RegistryColumn.HEALTH), raw.get(RegistryColumn.LABOR_SKILL), raw.get(RegistryColumn.WORK_STATUS),
				raw.get(RegistryColumn.HOUSEHOLD_TYPE), cause, lifted, liftedYear, phone), List.of());
	}

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"),
			DateTimeFormatter.ofPattern("uuuu.M.d"), DateTimeFormatter.ofPattern("uuuuMMdd"), DateTimeFormatter.ofPattern("uuuu年M月d日"));

	/** 2017-09-25, 2017/9/25, 2017.9.25, 20170925, 2017年9月25日, or an Excel serial number such as 43003. */
	static LocalDate parseDate(String text) {
		String t = text.strip();
		if (t.matches("\\d{5}(\\.0+)?")) {
			int serial = Integer.parseInt(t.replaceAll("\\..*", ""));
			return LocalDate.of(1899, 12, 30).plusDays(serial);
		}
		for (DateTimeFormatter f : DATES) {
			try {
				return LocalDate.parse(t, f.withResolverStyle(java.time.format.ResolverStyle.STRICT));
			}
			catch (DateTimeParseException e) {
				// try the next form
			}
		}
		return null;
	}
}
