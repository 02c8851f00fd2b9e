package org.bangfu.household.registry;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic registry is realistic enough to pass every check of a real import, and reproducible. */
class RegistryGeneratorTest {

	static final List<RegistryGenerator.Village> VILLAGES = List.of(
			new RegistryGenerator.Village("衡阳县", "西渡镇", "西渡村委会", "430421100203"),
			new RegistryGenerator.Village("衡阳县", "西渡镇", "壕塘社区居委会", "430421100013"),
			new RegistryGenerator.Village("衡南县", "茶市镇", "茶市村", "430422103231"));

	@TempDir
	Path dir;

	@Test
	void everyGeneratedRowPassesTheImportChecksWithUniqueIdsAndOneHeadPerHousehold() throws Exception {
		Path file = dir.resolve("registry.csv");
		RegistryGenerator.write(file, VILLAGES, 20_000, 42);
		Set<String> ids = new HashSet<>();
		Set<String> heads = new HashSet<>();
		Set<String> households = new HashSet<>();
		int rows = 0;
		try (RegistryFile registry = RegistryFile.open(file, "registry.csv")) {
			Iterator<RegistryFile.RawRow> it = registry.rows();
			while (it.hasNext()) {
				RegistryRows.Result r = RegistryRows.check(it.next(), Clock.systemDefaultZone());
				assertThat(r.problems()).isEmpty();
				RegistryRows.MemberRow m = r.row();
				assertThat(ids.add(m.idNumber())).as("unique ID %s", m.idNumber()).isTrue();
				assertThat(m.idNumber()).startsWith(m.householdNumber().substring(0, 6));
				households.add(m.householdNumber());
				if (m.isHead()) {
					assertThat(heads.add(m.householdNumber())).isTrue();
				}
				rows++;
			}
		}
		assertThat(households).hasSize(20_000);
		assertThat(heads).isEqualTo(households);
		assertThat(rows).isBetween(50_000, 80_000);
	}

	@Test
	void theSameSeedWritesTheSameFile() throws Exception {
		StringWriter a = new StringWriter();
		StringWriter b = new StringWriter();
		RegistryGenerator.generate(VILLAGES, 300, 7, a);
		RegistryGenerator.generate(VILLAGES, 300, 7, b);
		assertThat(a.toString()).isEqualTo(b.toString()).contains("合成数据");
		StringWriter c = new StringWriter();
		RegistryGenerator.generate(VILLAGES, 300, 8, c);
		assertThat(c.toString()).isNotEqualTo(a.toString());
	}

	@Test
	void headersAreRecognisedWithSynonymsAndFullWidthText() throws Exception {
		Path file = dir.resolve("odd.csv");
		Files.writeString(file, "（单位：人）\n\n＊姓名,身份证号码（必填）,与户主的关系,村(社区),户号,备注\n张三,"
				+ org.bangfu.shared.IdentityNumber.withCheckCharacter("43042119800101001").toLowerCase() + ",户主,西渡村,ａ１２３,\n");
		try (RegistryFile registry = RegistryFile.open(file, "odd.csv")) {
			assertThat(registry.columns().values()).contains(RegistryColumn.NAME, RegistryColumn.ID_NUMBER, RegistryColumn.RELATION,
					RegistryColumn.VILLAGE, RegistryColumn.HOUSEHOLD_NUMBER);
			RegistryFile.RawRow row = registry.rows().next();
			assertThat(row.line()).isEqualTo(4);
			assertThat(row.get(RegistryColumn.HOUSEHOLD_NUMBER)).isEqualTo("a123");
			assertThat(RegistryRows.check(row, Clock.systemDefaultZone()).row().idNumber()).endsWith(
					org.bangfu.shared.IdentityNumber.withCheckCharacter("43042119800101001").substring(17).toUpperCase());
		}
	}
}
