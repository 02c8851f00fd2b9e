package org.bangfu.account;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.shared.IdentityNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Positions of staff grants in 祁东县 (430426), the seats of its stations and the register of information managers. */
class PositionsTest extends ApplicationTest {

	static final String QIDONG = "430426";

	static final String HONGQIAO = "430426001";

	@Autowired
	WebApplicationContext context;

	@Autowired
	Accounts accounts;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	/** A person with an account, a password and an ID number, ready to be granted. */
	record Person(long id, String phone, String name, String idNumber) {
	}

	Person person(String surname) {
		String phone = newPhone();
		String id = IdentityNumber.withCheckCharacter("430426198" + (1 + ThreadLocalRandom.current().nextInt(9)) + "01"
				+ String.format("%02d%02d", 1 + ThreadLocalRandom.current().nextInt(28), ThreadLocalRandom.current().nextInt(100)) + "3");
		String name = surname + "岗" + (char) ('甲' + ThreadLocalRandom.current().nextInt(10)) + ThreadLocalRandom.current().nextInt(1000);
		long account = accounts.create(new Accounts.NewAccount(phone, name, DEMO_PASSWORD, null, null, id, null));
		return new Person(account, phone, name, id);
	}

	static Answer grant(ApiClient api, String token, String phone, String role, String region, String position) {
		return api.post("/api/v1/grants", """
				{"phone":"%s","role":"%s","regionCode":"%s","position":%s}""".formatted(phone, role, region,
				position == null ? "null" : "\"" + position + "\""), token);
	}

	@Test
	void aGrantCarriesItsPositionAndTheStationShowsItsSeats() throws Exception {
		ApiClient api = api();
		String city = api.login("13800000001", DEMO_PASSWORD);
		Person media = person("祁");
		Answer granted = grant(api, city, media.phone(), "COUNTY_ADMIN", QIDONG, "MEDIA_ADMINISTRATOR");
		assertThat(granted.status()).isEqualTo(201);
		assertThat(granted.json().get("position").asString()).isEqualTo("MEDIA_ADMINISTRATOR");
		long grantId = granted.json().get("grantId").asLong();

		// the county's own admin grants a township's staff; a county-only position there is refused, nothing granted
		String county = api.login(media.phone(), DEMO_PASSWORD);
		Person manager = person("洪");
		Answer wrong = grant(api, county, manager.phone(), "TOWNSHIP_MANAGER", HONGQIAO, "MEDIA_ADMINISTRATOR");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("detail").asString()).isEqualTo("“媒体管理员”不是乡镇（街道）一级的职务；这一级的职务有：分管领导、扶贫专干、信息管理员。");
		assertThat(grant(api, county, manager.phone(), "TOWNSHIP_MANAGER", HONGQIAO, "BOSS").status()).isEqualTo(400);
		assertThat(grant(api, city, manager.phone(), "VOLUNTEER", HONGQIAO, "CADRE").json().get("detail").asString()).contains("不设职务");
		assertThat(jdbc.sql("SELECT count(*) FROM role_grant WHERE account_id = ?").param(manager.id()).query(Long.class).single()).isZero();

		Answer ok = grant(api, county, manager.phone(), "TOWNSHIP_MANAGER", HONGQIAO, "INFORMATION_MANAGER");
		assertThat(ok.status()).isEqualTo(201);
		// a grant without a position stays valid
		Person plain = person("白");
		assertThat(grant(api, county, plain.phone(), "TOWNSHIP_MANAGER", HONGQIAO, null).status()).isEqualTo(201);

		// changing a position: the city over the county's grant; the county may not change its own (the city grants it)
		assertThat(api.put("/api/v1/grants/" + grantId + "/position", "{\"position\":\"CADRE\"}", county).status()).isEqualTo(403);
		assertThat(api.put("/api/v1/grants/" + grantId + "/position", "{\"position\":\"INFORMATION_OFFICER\"}", city).status()).isEqualTo(400);
		assertThat(api.put("/api/v1/grants/" + grantId + "/position", "{\"position\":\"CADRE\"}", city).status()).isEqualTo(204);
		assertThat(api.put("/api/v1/grants/" + grantId + "/position", "{\"position\":\"MEDIA_ADMINISTRATOR\"}", city).status()).isEqualTo(204);
		assertThat(api.put("/api/v1/grants/" + grantId + "/position", "{\"position\":\"CADRE\"}", api.login("13800000002", DEMO_PASSWORD))
			.status()).as("another county").isEqualTo(404);

		// the township's station: its information manager filled (name, masked phone), its leader vacant
		BangfuUser countyUser = accounts.findById(media.id()).orElseThrow();
		String page = mvc.perform(get("/stations").with(user(countyUser))).andReturn().getResponse().getContentAsString();
		String township = page.substring(page.indexOf("洪桥街道社会扶贫网服务站"));
		township = township.substring(0, township.indexOf("</tr>"));
		assertThat(township).contains(manager.name() + " " + manager.phone().substring(0, 3) + "****");
		assertThat(township).doesNotContain(manager.phone());
		assertThat(section(township, "INFORMATION_MANAGER")).contains("filled").contains(manager.name());
		assertThat(section(township, "LEADER_IN_CHARGE")).contains("vacant").contains("空缺");
		assertThat(township).doesNotContain(plain.name());
		String center = page.substring(page.indexOf("祁东县社会扶贫网管理中心"));
		assertThat(section(center.substring(0, center.indexOf("</tr>")), "MEDIA_ADMINISTRATOR")).contains(media.name());

		// the public region page: which seats are filled, no names
		String regionPage = api.get("/regions/" + HONGQIAO).body();
		String seats = regionPage.substring(regionPage.indexOf("id=\"region-seats\""));
		seats = seats.substring(0, seats.indexOf("</dd>"));
		String managerSeat = seats.substring(seats.indexOf("data-position=\"INFORMATION_MANAGER\""));
		assertThat(managerSeat).contains("信息管理员", "已配备").doesNotContain("空缺");
		assertThat(seats).contains("分管领导", "空缺");
		assertThat(regionPage).doesNotContain(manager.name()).doesNotContain(manager.phone().substring(7));
	}

	@Test
	void theRegisterExportsAsTheFormWithMaskedIdNumbers() throws Exception {
		ApiClient api = api();
		String city = api.login("13800000001", DEMO_PASSWORD);
		Person admin = person("祁");
		assertThat(grant(api, city, admin.phone(), "COUNTY_ADMIN", QIDONG, "INFORMATION_MANAGER").status()).isEqualTo(201);
		Person officer = person("玉");
		String county = api.login(admin.phone(), DEMO_PASSWORD);
		assertThat(grant(api, county, officer.phone(), "VILLAGE_OFFICER", firstVillageOf("430426002"), "INFORMATION_OFFICER").status())
			.isEqualTo(201);

		BangfuUser countyUser = accounts.findById(admin.id()).orElseThrow();
		byte[] xlsx = mvc.perform(get("/staff/register.xlsx").param("region", QIDONG).with(user(countyUser)))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("祁东县社会扶贫网信息管理员登记表");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("区域：祁东县");
			assertThat(cells(sheet.getRow(2))).containsExactly("序号", "县（市、区）", "乡镇（街道）", "村（社区）", "姓名", "性别", "职务", "手机号码",
					"身份证号", "登记日期", "备注");
			List<String> row = null;
			for (int i = 3; i <= sheet.getLastRowNum(); i++) {
				if (officer.name().equals(sheet.getRow(i).getCell(4).getStringCellValue())) {
					row = cells(sheet.getRow(i));
				}
			}
			assertThat(row).isNotNull();
			assertThat(row.subList(1, 3)).containsExactly("祁东县", "玉合街道");
			assertThat(row.get(5)).isEqualTo("男"); // the 17th digit 3
			assertThat(row.get(6)).isEqualTo("信息员");
			assertThat(row.get(7)).isEqualTo(officer.phone().substring(0, 3) + "****" + officer.phone().substring(7));
			assertThat(row.get(8)).isEqualTo(officer.idNumber().substring(0, 4) + "**********" + officer.idNumber().substring(14));
			assertThat(new String(xlsx, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(officer.idNumber());
		}
		// another county's register: 404; a township's manager has none: 403
		assertThat(mvc.perform(get("/staff/register.xlsx").param("region", "430421").with(user(countyUser))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/staff/register.xlsx").with(user(accounts.findByPhone("13800000003").orElseThrow()))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		// the full ID numbers on request, recorded in the operation log
		mvc.perform(get("/staff/register.xlsx").param("region", QIDONG).param("full", "true").with(user(countyUser)));
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE account_id = ? AND action = 'staff.register.full'").param(admin.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	private String firstVillageOf(String township) {
		return jdbc.sql("SELECT min(code) FROM region WHERE parent_code = ?").param(township).query(String.class).single();
	}

	/** The list item of one position in a station's cell. */
	private static String section(String html, String position) {
		String s = html.substring(html.lastIndexOf("<li", html.indexOf("data-position=\"" + position + "\"")));
		return s.substring(0, s.indexOf("</li>"));
	}

	private static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>();
		row.forEach(c -> cells.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? String.valueOf((long) c.getNumericCellValue())
				: c.getStringCellValue()));
		return cells;
	}
}
