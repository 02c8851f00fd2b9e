package org.bangfu.household;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.shared.IdentityNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing registry files as county centers send them: good rows in, bad rows reported, re-imports update, scope kept. */
class RegistryImportTest extends ApplicationTest {

	static String id(String first17) {
		return IdentityNumber.withCheckCharacter(first17);
	}

	private Answer upload(String token, String fileName, byte[] content) throws Exception {
		return upload(token, fileName, content, null);
	}

	private Answer upload(String token, String fileName, byte[] content, String region) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write("\r\n--B--\r\n".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/households/imports" + (region == null ? "" : "?region=" + region)))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=B")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
	}

	private JsonNode finished(String token, long id) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(until)) {
			JsonNode job = api().get("/api/v1/households/imports/" + id, token).json();
			String status = job.get("job").get("status").asString();
			if (status.equals("DONE") || status.equals("FAILED")) {
				return job;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

	private List<String> problems(JsonNode job) {
		List<String> lines = new ArrayList<>();
		job.get("problems").forEach(p -> lines.add(p.get("line").asInt() + " " + (p.get("column").isNull() ? "-" : p.get("column").asString()) + " "
				+ p.get("message").asString()));
		return lines;
	}

	private long households(String numberPrefix) {
		// 16 digits, as registry household numbers are: other tests' fixture households have longer made-up numbers
		return jdbc.sql("SELECT count(*) FROM household WHERE household_number LIKE ? || '%' AND length(household_number) = 16")
			.param(numberPrefix).query(Long.class).single();
	}

	@Test
	void aGbkFileWithTitleBlankAndTotalsRowsImportsItsGoodRowsAndReportsTheRest() throws Exception {
		String head = id("43042119660606005");
		String wife = id("43042119680808006");
		String badChecksum = head.substring(0, 17) + (head.endsWith("5") ? "6" : "5");
		String csv = String.join("\r\n",
				"衡阳县建档立卡贫困人口花名册",
				"",
				"序号,县,乡（镇）,行政村,户编号,姓名,证件号码,与户主关系,主要致贫原因,脱贫属性,脱贫年度,联系电话",
				"1,衡阳县,西渡镇,西渡村,４３０４２１１００２０３８００１,彭导入,\"" + head.toLowerCase() + "\",户主,因病致贫,已脱贫,2019年,138 0734 1111",
				"2,衡阳县,西渡镇,西渡村委会,4304211002038001,龙导入,\"" + wife + "\",配偶,,已脱贫,2019,",
				"3,衡阳县,西渡镇,西渡村委会,4304211002038002,错校验,\"" + badChecksum + "\",户主,因学,未脱贫,,",
				"4,衡南县,茶市镇,茶市村,4304221032318001,外县人,\"" + id("43042219700101007") + "\",户主,因病,未脱贫,,",
				"5,衡阳县,西渡镇,西渡村委会,4304211002038003,重复人,\"" + wife + "\",户主,因病,未脱贫,,",
				"6,衡阳县,西渡镇,西渡村委会,4304211002038004,无户主,\"" + id("43042119900909009") + "\",之子,因病,未脱贫,,",
				"7,衡阳县,西渡镇,西渡村委会,4304211002038005,怪原因,\"" + id("43042119551111011") + "\",户主,算命,未脱贫,2031,",
				"合计,,,,,,,,,,,");
		String county = api().login("13800000002", DEMO_PASSWORD);
		Answer accepted = upload(county, "衡阳县花名册.csv", csv.getBytes(Charset.forName("GBK")));
		assertThat(accepted.status()).isEqualTo(202);
		JsonNode job = finished(county, accepted.json().get("id").asLong());
		assertThat(job.get("job").get("status").asString()).isEqualTo("DONE");
		assertThat(job.get("job").get("households").asLong()).isEqualTo(1);
		assertThat(job.get("job").get("members").asLong()).isEqualTo(2);
		assertThat(problems(job)).containsExactly(
				"6 证件号码 身份证号校验位不正确，请核对。",
				"7 县 “衡南县”不在您的管辖范围（衡阳县）内：此行不能在这里导入，请交给它所在的县（市、区）或乡镇导入",
				"8 证件号码 身份证号与本文件第 5 行重复，本行未导入",
				"9 户编号 户编号 4304211002038004 的户没有户主或有多名户主，或成员不在同一个村，该户未导入",
				"10 主要致贫原因 致贫原因“算命”不在标准列表中（因病、因残、因学、因灾、缺土地、缺水、缺技术、缺劳力、缺资金、交通条件落后、自身发展动力不足、其他）",
				"10 脱贫年度 脱贫年度“2031”不正确，应为 2013 到 2026 之间的年份");
		var imported = jdbc.sql("SELECT head_name, region_code, member_count, poverty_cause, lifted, lifted_year FROM household WHERE household_number = '4304211002038001'")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4) + " " + rs.getBoolean(5) + " " + rs.getInt(6))
			.single();
		assertThat(imported).isEqualTo("彭导入 430421100203 2 ILLNESS true 2019");
		assertThat(jdbc.sql("SELECT count(*) FROM household_member WHERE encode(id_cipher, 'escape') LIKE '%' || ? || '%'").param(head.substring(0, 12))
			.query(Long.class).single()).as("ID numbers are stored encrypted").isZero();

		// the same file again updates, it does not duplicate
		JsonNode again = finished(county, upload(county, "衡阳县花名册.csv", csv.getBytes(Charset.forName("GBK"))).json().get("id").asLong());
		assertThat(again.get("job").get("households").asLong()).isEqualTo(1);
		assertThat(again.get("job").get("householdsNew").asLong()).as("a re-import adds nobody").isZero();
		assertThat(again.get("job").get("householdsUpdated").asLong()).isEqualTo(1);
		assertThat(job.get("job").get("householdsNew").asLong()).isEqualTo(1);
		assertThat(households("4304211002038")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM household_member WHERE household_id = (SELECT id FROM household WHERE household_number = '4304211002038001')")
			.query(Long.class).single()).isEqualTo(2);
	}

	@Autowired
	RegistryMerge merge;

	@Autowired
	DataSource dataSource;

	private List<String> registrySchema() {
		return jdbc.sql("""
				SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid IN ('household'::regclass, 'household_member'::regclass)
				UNION ALL
				SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
				WHERE conrelid IN ('household'::regclass, 'household_member'::regclass)
				ORDER BY 1""").query(String.class).list();
	}

	@Test
	void aBigLoadMergesWithoutIndexesAndPutsThemBack() throws Exception {
		String head = id("43042119610101021");
		String wife = id("43042119630303022");
		String son = id("43042119900505023");
		String other = id("43042119720202024");
		String county = api().login("13800000002", DEMO_PASSWORD);
		String first = "行政村,户编号,姓名,证件号码,与户主关系\n"
				+ "西渡村委会,4304211002034001,大户主,\"" + head + "\",户主\n"
				+ "西渡村委会,4304211002034001,大配偶,\"" + wife + "\",配偶\n"
				+ "西渡村委会,4304211002034001,大儿子,\"" + son + "\",之子\n";
		// the first file merges the ordinary way
		assertThat(finished(county, upload(county, "a.csv", first.getBytes(StandardCharsets.UTF_8)).json().get("id").asLong())
			.get("job").get("members").asLong()).isEqualTo(3);
		List<String> schema = registrySchema();
		long householdsBefore = households("");
		long bulkMinRows = merge.bulkMinRows;
		double bulkMinShare = merge.bulkMinShare;
		merge.bulkMinRows = 0;
		merge.bulkMinShare = 0;
		try {
			// the son sets up his own household, the head is renamed, a new household comes
			String second = "行政村,户编号,姓名,证件号码,与户主关系\n"
					+ "西渡村委会,4304211002034001,改名户主,\"" + head + "\",户主\n"
					+ "西渡村委会,4304211002034001,大配偶,\"" + wife + "\",配偶\n"
					+ "西渡村委会,4304211002034002,大儿子,\"" + son + "\",户主\n"
					+ "西渡村委会,4304211002034003,新户主,\"" + other + "\",户主\n";
			JsonNode job = finished(county, upload(county, "b.csv", second.getBytes(StandardCharsets.UTF_8)).json().get("id").asLong());
			assertThat(job.get("job").get("status").asString()).isEqualTo("DONE");
			assertThat(job.get("job").get("households").asLong()).isEqualTo(3);
			assertThat(job.get("job").get("members").asLong()).isEqualTo(4);
			assertThat(households("")).isEqualTo(householdsBefore + 2);
			assertThat(jdbc.sql("""
					SELECT h.household_number || ' ' || h.head_name || ' ' || h.member_count || ' ' || count(m.id) FROM household h
					JOIN household_member m ON m.household_id = h.id WHERE h.household_number LIKE '4304211002034%'
					GROUP BY h.id ORDER BY 1""").query(String.class).list())
				.containsExactly("4304211002034001 改名户主 2 2", "4304211002034002 大儿子 1 1", "4304211002034003 新户主 1 1");
			assertThat(registrySchema()).as("indexes, unique keys and foreign keys are back as they were").isEqualTo(schema);

			// while someone holds the registry, a big load waits a moment, then merges the ordinary way
			try (Connection holder = dataSource.getConnection()) {
				holder.setAutoCommit(false);
				holder.createStatement().execute("LOCK TABLE household IN ACCESS SHARE MODE");
				JsonNode again = finished(county, upload(county, "b.csv", second.getBytes(StandardCharsets.UTF_8)).json().get("id").asLong());
				assertThat(again.get("job").get("members").asLong()).isEqualTo(4);
				holder.rollback();
			}
			assertThat(households("")).isEqualTo(householdsBefore + 2);
			assertThat(registrySchema()).isEqualTo(schema);
		}
		finally {
			merge.bulkMinRows = bulkMinRows;
			merge.bulkMinShare = bulkMinShare;
		}
	}

	@Test
	void anXlsxWithAMergedTitleAndNumericCellsImports() throws Exception {
		String head = id("43042119770707013");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet("花名册");
			sheet.createRow(0).createCell(0).setCellValue("衡阳县贫困人口花名册");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
			Row header = sheet.createRow(1);
			String[] names = { "户号", "姓名", "身份证号码", "与户主的关系", "村", "乡镇", "联系电话" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			Row row = sheet.createRow(2);
			row.createCell(0).setCellValue(4304211002037001d);
			row.createCell(1).setCellValue("表格导入");
			row.createCell(2).setCellValue(head);
			row.createCell(3).setCellValue("户主");
			row.createCell(4).setCellValue("西渡村委会");
			row.createCell(5).setCellValue("西渡镇");
			row.createCell(6).setCellValue(13807342222d);
			book.write(out);
		}
		String township = api().login("13800000003", DEMO_PASSWORD);
		JsonNode job = finished(township, upload(township, "西渡镇.xlsx", out.toByteArray()).json().get("id").asLong());
		assertThat(problems(job)).isEmpty();
		assertThat(job.get("job").get("households").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT head_name FROM household WHERE household_number = '4304211002037001'").query(String.class).single()).isEqualTo("表格导入");

		byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() / 2);
		Answer broken = upload(township, "西渡镇.xlsx", cut);
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.json().get("detail").asString()).startsWith("Excel 文件已损坏或不完整");
	}

	@Test
	void filesThatAreNotRegistriesAreRefusedAtOnceAndNothingChanges() throws Exception {
		String county = api().login("13800000002", DEMO_PASSWORD);
		long before = jdbc.sql("SELECT count(*) FROM household_import").query(Long.class).single();
		Answer pdf = upload(county, "花名册.csv", "%PDF-1.7\n%\u00e2\u00e3 binary".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(pdf.status()).isEqualTo(415);
		assertThat(pdf.json().get("detail").asString()).startsWith("文件既不是 CSV，也不是 Excel");
		Answer headers = upload(county, "x.csv", "名称,数量\n大米,10\n".getBytes(StandardCharsets.UTF_8));
		assertThat(headers.status()).isEqualTo(400);
		assertThat(headers.json().get("detail").asString()).contains("找不到表头");
		Answer missing = upload(county, "x.csv", "县,乡镇,行政村,户编号,姓名\n".getBytes(StandardCharsets.UTF_8));
		assertThat(missing.json().get("detail").asString()).isEqualTo("表头缺少必需的列：证件号码、与户主关系。");
		Answer empty = upload(county, "x.csv", new byte[0]);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM household_import").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyStaffAboveTheVillageImportAndOnlyIntoTheirScope() throws Exception {
		String csv = "行政村,户编号,姓名,证件号码,与户主关系\n西渡村委会,4304211002036001,越权,\"" + id("43042119800101015") + "\",户主\n";
		ApiClient api = api();
		assertThat(upload(api.login("13800000004", DEMO_PASSWORD), "x.csv", csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
		String hengnan = api.login("13800000012", DEMO_PASSWORD);
		JsonNode job = finished(hengnan, upload(hengnan, "x.csv", csv.getBytes(StandardCharsets.UTF_8)).json().get("id").asLong());
		assertThat(job.get("job").get("households").asLong()).isZero();
		assertThat(problems(job).get(0)).contains("行政村", "西渡村委会", "衡南县");
		assertThat(households("4304211002036")).isZero();
		assertThat(api.get("/api/v1/households/imports/" + job.get("job").get("id").asLong(), api.login("13800000002", DEMO_PASSWORD)).status())
			.as("another county's import").isEqualTo(404);
	}

	/** Place names resolve alike at every level of scope, whichever of county, township and village a file names. */
	@Test
	void placeNamesResolveAtTheVillageScopeWithCountyAndTownshipColumns() throws Exception {
		String csv = String.join("\n", "县,乡（镇）,行政村,户编号,姓名,证件号码,与户主关系",
				"衡阳县,西渡镇,西渡村,4304211002033001,村级导入,\"" + id("43042119700303031") + "\",户主",
				",西渡镇,西渡村委会,4304211002033002,只写乡镇,\"" + id("43042119700303032") + "\",户主",
				"衡阳县,,西渡村委会,4304211002033003,只写县,\"" + id("43042119700303033") + "\",户主",
				"衡阳县,西渡镇,壕塘社区居委会,4304211000133004,邻村人,\"" + id("43042119700303034") + "\",户主",
				"衡阳县,西渡镇,西渡口村,4304211002033005,写错村,\"" + id("43042119700303035") + "\",户主");
		String township = api().login("13800000003", DEMO_PASSWORD);
		JsonNode job = finished(township, upload(township, "x.csv", csv.getBytes(StandardCharsets.UTF_8), "430421100203").json().get("id").asLong());
		assertThat(job.get("job").get("householdsNew").asLong()).isEqualTo(3);
		assertThat(problems(job)).containsExactly(
				"5 行政村 “壕塘社区居委会”不在您的管辖范围（西渡村委会）内：此行不能在这里导入，请交给它所在的县（市、区）或乡镇导入",
				"6 行政村 区划表中没有村“西渡口村”：请核对县、乡（镇）、村的名称");
	}

	/** A row of a household or person registered in another county is refused without saying which number matched or where. */
	@Test
	void rowsRegisteredInAnotherCountyAreRefusedWithoutSayingWhy() throws Exception {
		String person = id("43042119720404041");
		String hengyang = "县,乡（镇）,行政村,户编号,姓名,证件号码,与户主关系\n衡阳县,西渡镇,西渡村,4304211002031001,别县户,\"" + person + "\",户主\n";
		String county = api().login("13800000002", DEMO_PASSWORD);
		assertThat(finished(county, upload(county, "x.csv", hengyang.getBytes(StandardCharsets.UTF_8)).json().get("id").asLong())
			.get("job").get("householdsNew").asLong()).isEqualTo(1);
		String hengnan = String.join("\n", "县,乡（镇）,行政村,户编号,姓名,证件号码,与户主关系",
				"衡南县,茶市镇,茶市村,4304211002031001,借户号,\"" + id("43042219720404042") + "\",户主",
				"衡南县,茶市镇,茶市村,4304221032311002,借身份,\"" + person + "\",户主");
		String other = api().login("13800000012", DEMO_PASSWORD);
		JsonNode job = finished(other, upload(other, "x.csv", hengnan.getBytes(StandardCharsets.UTF_8)).json().get("id").asLong());
		assertThat(job.get("job").get("households").asLong()).isZero();
		assertThat(problems(job)).containsExactly("2 - 此行不能在这里导入；请联系市社会扶贫网办公室", "3 - 此行不能在这里导入；请联系市社会扶贫网办公室");
	}

	@Test
	void aFileNameWithControlCharactersIsKeptWithoutThem() throws Exception {
		String county = api().login("13800000002", DEMO_PASSWORD);
		String csv = "行政村,户编号,姓名,证件号码,与户主关系\n西渡村委会,4304211002035901,控制符,\"" + id("43042119600606051") + "\",户主\n";
		Answer accepted = upload(county, "..\\C:\\名册\u0007.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(finished(county, accepted.json().get("id").asLong()).get("job").get("fileName").asString()).isEqualTo("名册.csv");
		Answer nul = upload(county, "名册\u0000.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(nul.status()).as("a NUL in the part's header: the multipart body is malformed").isEqualTo(400);
		assertThat(nul.json().get("detail").asString()).isEqualTo("请求格式不正确，请检查后重试。");
	}

	@Test
	void theReportDownloadsAsASpreadsheet() throws Exception {
		String county = api().login("13800000002", DEMO_PASSWORD);
		String csv = "行政村,户编号,姓名,证件号码,与户主关系\n西渡村委会,4304211002035001,坏号码,430421,户主\n";
		long id = finished(county, upload(county, "x.csv", csv.getBytes(StandardCharsets.UTF_8)).json().get("id").asLong()).get("job").get("id").asLong();
		HttpResponse<byte[]> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/v1/households/imports/" + id + "/report.xlsx")).header("Authorization", "Bearer " + county).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(report.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(report.body()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("原因");
			assertThat(sheet.getRow(2).getCell(0).getNumericCellValue()).isEqualTo(2);
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).startsWith("身份证号格式不正确");
		}
	}
}
