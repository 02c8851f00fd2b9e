package org.bangfu.household.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bangfu.shared.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading any registry file stays bounded in memory, whatever its shared strings, cells or lines: a
 * 25 MB XLSX whose shared strings expanded to 600 MB once exhausted the heap while the upload was
 * only probed for its header, and took the web server with it.
 */
class RegistryFileLimitsTest {

	@TempDir
	Path dir;

	/**
	 * A crafted file in the test resources: 1.6 MB whose shared strings expand to 64 MB at 2.4% (over POI's
	 * zip-bomb ratio of 1%). Read in a JVM with a 40 MB heap, as an import reads it: held in memory, as POI's
	 * read-only strings table holds them, it runs out of memory; spilled to disk, it reads.
	 */
	@Test
	void sharedStringsLargerThanTheHeapAreReadFromDisk() throws Exception {
		Path bomb = Path.of(getClass().getResource("/registry/shared-strings-bomb.xlsx").toURI());
		Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx40m",
				"-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"), ReadRegistryFile.class.getName(), bomb.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(reader.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(output).as(output).doesNotContain("OutOfMemoryError").contains("columns: 7, rows: 1");
		assertThat(reader.exitValue()).isZero();
		try (var left = Files.list(dir)) {
			assertThat(left).as("the spilled strings are deleted").isEmpty();
		}
	}

	@Test
	void sharedStringsBeyondTheCapAreRefused() throws IOException {
		Path file = dir.resolve("big.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			skeleton(zip, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			Writer w = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
			w.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
			String text = "户".repeat(300);
			java.util.Random random = new java.util.Random(1);
			for (long written = 0; written <= SpilledSharedStrings.MAX_TOTAL_BYTES; written += 3 * 300 + 32) {
				// a little randomness keeps the compression above POI's zip-bomb ratio, as an attacker would
				w.write("<si><t>" + text + "%016x%016x".formatted(random.nextLong(), random.nextLong()) + "</t></si>");
			}
			w.write("</sst>");
			w.flush();
			zip.closeEntry();
		}
		assertThatThrownBy(() -> RegistryFile.open(file, "big.xlsx")).isInstanceOfSatisfying(BadInputException.class,
				e -> assertThat(e.messageKey()).isEqualTo("registry.file.too-large"));
	}

	@Test
	void aCellLongerThanExcelAllowsIsRefusedAndFarColumnsAreIgnored() throws IOException {
		Path file = dir.resolve("long.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			skeleton(zip, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "x".repeat(100_000) + "</t></is></c></row>");
		}
		assertThatThrownBy(() -> RegistryFile.open(file, "long.xlsx")).isInstanceOfSatisfying(BadInputException.class,
				e -> assertThat(e.messageKey()).isEqualTo("registry.file.too-large"));

		Path wide = dir.resolve("wide.xlsx");
		StringBuilder header = new StringBuilder("<row r=\"1\">");
		String[] names = { "行政村", "户编号", "姓名", "证件号码", "与户主关系" };
		for (int i = 0; i < names.length; i++) {
			header.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"inlineStr\"><is><t>").append(names[i]).append("</t></is></c>");
		}
		header.append("<c r=\"XFD1\" t=\"inlineStr\"><is><t>远处</t></is></c></row>");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wide))) {
			skeleton(zip, header.toString());
		}
		try (RegistryFile registry = RegistryFile.open(wide, "wide.xlsx")) {
			assertThat(registry.columns()).hasSize(5);
		}
	}

	@Test
	void aCsvWithoutLineBreaksIsRefused() throws IOException {
		Path file = dir.resolve("one-line.csv");
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write("行政村,户编号,姓名,证件号码,与户主关系\n".getBytes(StandardCharsets.UTF_8));
			byte[] chunk = "西渡村,".repeat(10_000).getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < 100; i++) {
				out.write(chunk);
			}
		}
		try (RegistryFile registry = RegistryFile.open(file, "one-line.csv")) {
			assertThatThrownBy(() -> registry.rows().hasNext()).isInstanceOfSatisfying(BadInputException.class,
					e -> assertThat(e.messageKey()).isEqualTo("registry.file.line-too-long"));
		}
	}

	/** The parts every workbook needs, with one sheet holding the rows given. */
	private static void skeleton(ZipOutputStream zip, String rows) throws IOException {
		entry(zip, "[Content_Types].xml", """
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" \
				ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\
				<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
				<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
				<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
		entry(zip, "_rels/.rels", """
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
				Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
		entry(zip, "xl/workbook.xml", """
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
				xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>""");
		entry(zip, "xl/_rels/workbook.xml.rels", """
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
				Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
				<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
		entry(zip, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
				+ "</sheetData></worksheet>");
	}

	private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}
}
