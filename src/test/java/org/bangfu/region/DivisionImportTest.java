package org.bangfu.region;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.bangfu.ApplicationTest;
import org.bangfu.shared.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Importing division files: all of a good file, nothing of a bad one. Uses Guangdong codes, outside Hengyang. */
class DivisionImportTest extends ApplicationTest {

	@Autowired
	DivisionImport divisions;

	@TempDir
	Path dir;

	static final String GOOD = """
			code,name,level,parent_code
			440000,广东省,province,
			440100,广州市,city,440000
			440103,荔湾区,county,440100
			440103001,沙面街道,township,440103
			440103001001,沙面社区居委会,village,440103001
			440103002,岭南街道,township,440103
			440103002001,岭南社区居委会,village,440103002
			""";

	private long guangdong() {
		return jdbc.sql("SELECT count(*) FROM region WHERE code LIKE '44%'").query(Long.class).single();
	}

	private Path write(String name, byte[] bytes) throws IOException {
		Path f = dir.resolve(name);
		Files.write(f, bytes);
		return f;
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream gz = new GZIPOutputStream(out)) {
			gz.write(bytes);
		}
		return out.toByteArray();
	}

	@Test
	void importsAGzippedFileThenUpdatesOnReimport() throws IOException {
		jdbc.sql("DELETE FROM region WHERE code LIKE '44%'").update();
		byte[] good = ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_8);
		DivisionImport.Result first = divisions.importFile(write("gd.csv.gz", gzip(good)));
		assertThat(first.rows()).isEqualTo(7);
		assertThat(first.inserted()).isEqualTo(7);
		assertThat(guangdong()).isEqualTo(7);
		assertThat(jdbc.sql("SELECT prefix FROM region WHERE code = '440100'").query(String.class).single()).isEqualTo("4401");

		DivisionImport.Result again = divisions.importFile(write("gd2.csv", GOOD.replace("沙面街道", "沙面街道办事处").getBytes(StandardCharsets.UTF_8)));
		assertThat(again.inserted()).isZero();
		assertThat(again.updated()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT name FROM region WHERE code = '440103001'").query(String.class).single()).isEqualTo("沙面街道办事处");
	}

	@Test
	void aCityWithoutCountiesRepeatedAsItsOwnCountyIsSkipped() throws IOException {
		jdbc.sql("DELETE FROM region WHERE code LIKE '44%'").update();
		String dongguan = """
				code,name,level,parent_code\r
				440000,广东省,province,\r
				441900,东莞市,city,440000\r
				441900,东莞市,county,441900\r
				441900003,东城街道,township,441900\r
				441900003001,花园新村社区居委会,village,441900003\r
				""";
		DivisionImport.Result r = divisions.importFile(write("dongguan.csv", dongguan.getBytes(StandardCharsets.UTF_8)));
		assertThat(r.rows()).isEqualTo(4);
		assertThat(r.skipped()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT level FROM region WHERE code = '441900'").query(String.class).single()).isEqualTo("CITY");
		assertThat(jdbc.sql("SELECT count(*) FROM region WHERE code LIKE '4419%'").query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aBadRowInTheMiddleImportsNothing() throws IOException {
		jdbc.sql("DELETE FROM region WHERE code LIKE '44%'").update();
		String bad = GOOD.replace("440103002,岭南街道,township,440103", "44010300X,岭南街道,township,440103");
		assertThatThrownBy(() -> divisions.importFile(write("bad.csv", bad.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOfSatisfying(InvalidDivisionFile.class, e -> {
				assertThat(e.problems()).hasSize(1);
				assertThat(e.problems().get(0).line()).isEqualTo(7);
				assertThat(e.problems().get(0).messageKey()).isEqualTo("divisions.row.code");
			});
		assertThat(guangdong()).isZero();
	}

	@Test
	void aFileCutOffInTheMiddleImportsNothing() throws IOException {
		jdbc.sql("DELETE FROM region WHERE code LIKE '44%'").update();
		byte[] whole = gzip(GOOD.repeat(1).getBytes(StandardCharsets.UTF_8));
		Path cut = write("cut.csv.gz", Arrays.copyOf(whole, whole.length / 2));
		assertThatThrownBy(() -> divisions.importFile(cut))
			.isInstanceOf(BadInputException.class).extracting("messageKey").isEqualTo("divisions.corrupt");
		assertThat(guangdong()).isZero();
	}

	@Test
	void structuralProblemsAreReportedWithTheirLines() throws IOException {
		jdbc.sql("DELETE FROM region WHERE code LIKE '44%'").update();
		String duplicated = GOOD + "440103001,沙面,township,440103\n";
		assertThatThrownBy(() -> divisions.importFile(write("dup.csv", duplicated.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOfSatisfying(InvalidDivisionFile.class,
					e -> assertThat(e.problems()).extracting(InvalidDivisionFile.Problem::messageKey).contains("divisions.row.duplicate"));

		String orphan = GOOD + "440199001,孤儿街道,township,440199\n";
		assertThatThrownBy(() -> divisions.importFile(write("orphan.csv", orphan.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOfSatisfying(InvalidDivisionFile.class, e -> {
				assertThat(e.problems()).extracting(InvalidDivisionFile.Problem::messageKey).containsExactly("divisions.row.parent-missing");
				assertThat(e.problems().get(0).line()).isEqualTo(9);
			});

		String misplaced = GOOD.replace("440103002001,岭南社区居委会,village,440103002", "440104002001,岭南社区居委会,village,440103002");
		assertThatThrownBy(() -> divisions.importFile(write("misplaced.csv", misplaced.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOfSatisfying(InvalidDivisionFile.class,
					e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("divisions.row.not-under-parent"));
		assertThat(guangdong()).isZero();
	}

	@Test
	void wrongHeaderWrongEncodingEmptyAndMissingFilesAreRefused() throws IOException {
		jdbc.sql("DELETE FROM region WHERE code LIKE '44%'").update();
		assertThatThrownBy(() -> divisions.importFile(write("h.csv", "代码,名称\n440000,广东省\n".getBytes(StandardCharsets.UTF_8))))
			.extracting("messageKey").isEqualTo("divisions.header");
		assertThatThrownBy(() -> divisions.importFile(write("gbk.csv", GOOD.getBytes(Charset.forName("GBK")))))
			.extracting("messageKey").isEqualTo("divisions.not-utf8");
		assertThatThrownBy(() -> divisions.importFile(write("empty.csv", new byte[0])))
			.extracting("messageKey").isEqualTo("divisions.empty");
		assertThatThrownBy(() -> divisions.importFile(dir.resolve("no-such-file.csv")))
			.extracting("messageKey").isEqualTo("divisions.file-missing");
		assertThat(guangdong()).isZero();
	}
}
