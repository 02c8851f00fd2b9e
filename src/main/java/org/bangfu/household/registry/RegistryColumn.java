package org.bangfu.household.registry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a registry file, recognised by name whatever their order, with the synonyms that
 * exports of the national poverty-alleviation information system and county spreadsheets use.
 */
public enum RegistryColumn {

	COUNTY("县", "县(市、区)", "县市区", "区县", "县区"),
	TOWNSHIP("乡(镇)", "乡镇", "镇", "乡镇(街道)", "乡"),
	VILLAGE("行政村", "村", "村(社区)", "村委会", "村居"),
	HOUSEHOLD_NUMBER("户编号", "户号", "户码"),
	MEMBER_NUMBER("人编号", "人员编号"),
	NAME("姓名"),
	ID_NUMBER("证件号码", "身份证号", "身份证号码", "公民身份号码", "身份证"),
	RELATION("与户主关系", "与户主的关系"),
	GENDER("性别"),
	ETHNICITY("民族"),
	EDUCATION("文化程度"),
	SCHOOLING("在校生状况", "在校情况"),
	HEALTH("健康状况"),
	LABOR_SKILL("劳动技能"),
	WORK_STATUS("务工状况"),
	HOUSEHOLD_TYPE("贫困户属性"),
	POVERTY_CAUSE("主要致贫原因", "致贫原因"),
	LIFTED("脱贫属性", "脱贫状态", "是否脱贫"),
	LIFTED_YEAR("脱贫年度", "脱贫年份", "脱贫时间"),
	PHONE("联系电话", "电话", "手机号", "手机号码"),
	BIRTH_DATE("出生日期");

	/** Columns a file must have. */
	public static final List<RegistryColumn> REQUIRED = List.of(VILLAGE, HOUSEHOLD_NUMBER, NAME, ID_NUMBER, RELATION);

	private final List<String> names;

	RegistryColumn(String... names) {
		this.names = List.of(names).stream().map(RegistryColumn::normalise).toList();
	}

	/** The column a header cell names, if any. */
	public static Optional<RegistryColumn> of(String header) {
		if (header == null) {
			return Optional.empty();
		}
		String h = normalise(header);
		for (RegistryColumn c : values()) {
			if (c.names.contains(h)) {
				return Optional.of(c);
			}
		}
		// "证件号码(身份证)" and the like: match without what stands in parentheses
		String bare = h.replaceAll("\\(.*?\\)", "");
		if (!bare.equals(h)) {
			for (RegistryColumn c : values()) {
				if (c.names.contains(bare)) {
					return Optional.of(c);
				}
			}
		}
		return Optional.empty();
	}

	static String normalise(String header) {
		String h = Text.normalise(header).replace(" ", "").replace("（", "(").replace("）", ")").toLowerCase(Locale.ROOT);
		while (h.endsWith("*")) {
			h = h.substring(0, h.length() - 1);
		}
		return h.startsWith("*") ? h.substring(1) : h;
	}
}
