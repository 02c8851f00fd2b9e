package org.bangfu.team;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration drives (docs/mobilisation.md): units in scope, the QR code followed to a registration, refusals, printables. */
class RegistrationDrivesTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	ApiClient api;

	String county;

	@BeforeEach
	void staff() {
		api = api();
		county = api.login(DriveFixtures.staff(accounts, regions, "耒阳扫码管理员", Role.COUNTY_ADMIN, DriveFixtures.COUNTY), DEMO_PASSWORD);
	}

	private Answer create(String token, String name, String kind, String region) {
		return api.post("/api/v1/units", "{\"name\":\"%s\",\"kind\":\"%s\",\"regionCode\":\"%s\"}".formatted(name, kind, region), token);
	}

	private String codeFor(String phone) {
		assertThat(api.post("/api/v1/auth/sms-codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"REGISTER\"}", null).status()).isEqualTo(202);
		return lastCodeSentTo(phone);
	}

	private Answer register(String phone, String joinCode) {
		return api.post("/api/v1/auth/register", """
				{"phone":"%s","code":"%s","password":"Aixin2026","donorType":"INDIVIDUAL","name":"扫码爱心人士","joinCode":"%s"}"""
			.formatted(phone, codeFor(phone), joinCode), null);
	}

	@Test
	void staffCreateUnitsInTheirScopeOnly() {
		String township = DriveFixtures.township(jdbc);
		Answer created = create(county, "耒阳市第一中学", "SCHOOL", township);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		JsonNode unit = api.get("/api/v1/units/" + id, county).json();
		assertThat(unit.get("name").asString()).isEqualTo("耒阳市第一中学");
		assertThat(unit.get("kind").asString()).isEqualTo("SCHOOL");
		assertThat(unit.get("regionCode").asString()).isEqualTo(township);
		assertThat(unit.get("regionName").asString()).isNotBlank();
		assertThat(unit.get("open").asBoolean()).isTrue();
		assertThat(unit.get("registrations").asLong()).isZero();
		assertThat(unit.get("joinCode").asString()).isEqualTo("U-" + id);

		// a kind in other words (the donor types' names, the form's Chinese labels) is the same kind
		Answer company = create(county, "耒阳某建材公司", "enterprise", township);
		assertThat(company.status()).as(company.body()).isEqualTo(201);
		assertThat(api.get("/api/v1/units/" + company.json().get("id").asLong(), county).json().get("kind").asString()).isEqualTo("COMPANY");
		assertThat(api.get("/api/v1/units/" + create(county, "耒阳某村", "村", township).json().get("id").asLong(), county).json()
			.get("kind").asString()).isEqualTo("VILLAGE");

		// bad kind, bad name: 400 with a clear message, nothing made
		long before = jdbc.sql("SELECT count(*) FROM registration_unit").query(Long.class).single();
		Answer badKind = create(county, "耒阳市第二中学", "HOSPITAL", DriveFixtures.COUNTY);
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.json().get("detail").asString()).contains("单位类型不正确");
		Answer noName = create(county, " ", "SCHOOL", DriveFixtures.COUNTY);
		assertThat(noName.status()).isEqualTo(400);
		assertThat(noName.json().get("detail").asString()).contains("单位名称");
		assertThat(create(county, "这".repeat(41), "SCHOOL", DriveFixtures.COUNTY).status()).isEqualTo(400);
		assertThat(create(county, "耒阳市第二中学", "SCHOOL", "43x").status()).isEqualTo(400);
		assertThat(api.post("/api/v1/units", null, county).status()).isEqualTo(400);
		// another county: 404, as if it did not exist
		Answer elsewhere = create(county, "衡阳县某单位", "AGENCY", "430421");
		assertThat(elsewhere.status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM registration_unit").query(Long.class).single()).isEqualTo(before);

		// a township manager: its township, not the county; a village officer runs no drives
		String manager = api.login(DriveFixtures.staff(accounts, regions, "耒阳乡镇扫码", Role.TOWNSHIP_MANAGER, township), DEMO_PASSWORD);
		assertThat(create(manager, "某镇政府", "AGENCY", township).status()).isEqualTo(201);
		assertThat(create(manager, "某市政府", "AGENCY", DriveFixtures.COUNTY).status()).isEqualTo(404);
		String officer = api.login("13800000004", DEMO_PASSWORD);
		assertThat(create(officer, "某村", "VILLAGE", "430421100203").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/units/" + id, officer).status()).isEqualTo(404);
		// another county's admin sees neither the unit nor its list; the list in scope has it
		String other = api.login("13800000002", DEMO_PASSWORD);
		assertThat(api.get("/api/v1/units/" + id, other).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/units?regionCode=" + DriveFixtures.COUNTY, other).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/units/" + id + "/close", null, other).status()).isEqualTo(404);
		DriveFixtures.unit(api, county, "耒阳市教育局", "AGENCY", DriveFixtures.COUNTY);
		JsonNode list = api.get("/api/v1/units?regionCode=" + DriveFixtures.COUNTY, county).json();
		assertThat(list.findValuesAsString("name")).contains("耒阳市第一中学", "某镇政府", "耒阳市教育局");
		assertThat(api.get("/api/v1/units", manager).json().findValuesAsString("name")).contains("耒阳市第一中学", "某镇政府")
			.doesNotContain("耒阳市教育局");

		// closed and reopened, each once
		assertThat(api.post("/api/v1/units/" + id + "/close", null, county).json().get("open").asBoolean()).isFalse();
		assertThat(api.post("/api/v1/units/" + id + "/close", null, county).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/units/" + id + "/reopen", null, county).json().get("open").asBoolean()).isTrue();
		assertThat(api.post("/api/v1/units/" + id + "/reopen", null, county).status()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE target = ?").param("unit:" + id).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void theQrCodeLeadsToARegistrationCountedForTheUnit() throws Exception {
		long id = DriveFixtures.unit(api, county, "耒阳市人民医院", "AGENCY", DriveFixtures.COUNTY);
		Answer qr = api.get("/api/v1/units/" + id + "/qr.png"); // public: the code is made to be posted
		assertThat(qr.status()).isEqualTo(200);
		assertThat(qr.contentType()).isEqualTo("image/png");
		byte[] png = getBytes("/api/v1/units/" + id + "/qr.png");
		String link = DriveFixtures.decode(ImageIO.read(new ByteArrayInputStream(png)));
		assertThat(link).isEqualTo("http://localhost:" + port + "/join/U-" + id);

		Answer page = api.get(URI.create(link).getPath());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("您正在通过「<strong class=\"join-unit\">耒阳市人民医院</strong>」注册为爱心人士", "/register?join=U-" + id,
				"/join/guide");
		String phone = newPhone();
		Answer registered = register(phone, "U-" + id);
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		JsonNode unit = api.get("/api/v1/units/" + id, county).json();
		assertThat(unit.get("registrations").asLong()).isEqualTo(1);
		assertThat(unit.get("pledges").asLong()).isZero();
		long account = accounts.findByPhone(phone).orElseThrow().id();
		assertThat(jdbc.sql("SELECT unit_id FROM unit_registration WHERE account_id = ?").param(account).query(Long.class).single()).isEqualTo(id);

		// public ranking: the unit and its county, no person
		Answer ranking = api.get("/units/ranking");
		assertThat(ranking.status()).isEqualTo(200);
		assertThat(ranking.body()).contains("耒阳市人民医院", "耒阳市").doesNotContain(phone, "扫码爱心人士");
	}

	@Test
	void anUnknownOrClosedUnitIsSaidAndRegistrationWithItIsRefused() {
		Answer unknown = api.get("/join/U-987654321");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("没有找到这个注册单位", "href=\"/register\"");
		assertThat(api.get("/join/nonsense").status()).isEqualTo(404);
		long id = DriveFixtures.unit(api, county, "耒阳市某物流公司", "COMPANY", DriveFixtures.COUNTY);
		api.post("/api/v1/units/" + id + "/close", null, county);
		Answer closed = api.get("/join/U-" + id);
		assertThat(closed.status()).isEqualTo(404);
		assertThat(closed.body()).contains("「耒阳市某物流公司」的扫码注册活动已经结束", "href=\"/register\"");

		for (String[] c : new String[][] { { "U-987654321", "单位代码“U-987654321”无效" }, { "U-" + id, "扫码注册活动已经结束" },
				{ "X-12", "无效" }, { "U-abc", "无效" } }) {
			String phone = newPhone();
			Answer refused = register(phone, c[0]);
			assertThat(refused.status()).as(c[0]).isEqualTo(400);
			assertThat(refused.json().get("detail").asString()).contains(c[1]);
			assertThat(accounts.findByPhone(phone)).as("no account for " + c[0]).isEmpty();
		}
		assertThat(api.get("/api/v1/units/" + id, county).json().get("registrations").asLong()).isZero();
		assertThat(api.get("/api/v1/units/987654321/poster.pdf").status()).isEqualTo(404);
		// without a code, registration is as ever
		String plain = newPhone();
		assertThat(api.post("/api/v1/auth/register", """
				{"phone":"%s","code":"%s","password":"Aixin2026","donorType":"INDIVIDUAL","name":"直接注册"}""".formatted(plain, codeFor(plain)), null)
			.status()).isEqualTo(201);
	}

	@Test
	void thePosterAndBadgeRenderWithTheirQrCode() throws Exception {
		long id = DriveFixtures.unit(api, county, "耒阳市蔡子池街道办事处", "AGENCY", DriveFixtures.COUNTY);
		assertThat(System.getProperty("java.awt.headless")).as("Spring Boot runs Java2D headless").isEqualTo("true");
		String link = "http://localhost:" + port + "/join/U-" + id;
		Path dir = Path.of("target/screenshots");
		Files.createDirectories(dir);

		Answer head = api.get("/api/v1/units/" + id + "/poster.pdf");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.contentType()).isEqualTo("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(getBytes("/api/v1/units/" + id + "/poster.pdf"))) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			PDRectangle size = pdf.getPage(0).getMediaBox();
			assertThat(size.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
			assertThat(size.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
			BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
			ImageIO.write(page, "png", dir.resolve("unit-poster-pdf.png").toFile());
			assertThat(DriveFixtures.decode(page)).isEqualTo(link);
		}
		try (PDDocument pdf = Loader.loadPDF(getBytes("/api/v1/units/" + id + "/badge.pdf"))) {
			BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 100);
			ImageIO.write(page, "png", dir.resolve("unit-badge-pdf.png").toFile());
			// four badges on the sheet: one of them cut out reads back
			BufferedImage one = page.getSubimage(page.getWidth() / 2 - 20, page.getHeight() / 2 - 20, page.getWidth() / 2, page.getHeight() / 2);
			assertThat(DriveFixtures.decode(one)).isEqualTo(link);
		}
		BufferedImage poster = ImageIO.read(new ByteArrayInputStream(getBytes("/api/v1/units/" + id + "/poster.png")));
		assertThat(poster.getWidth()).isEqualTo(2480);
		assertThat(poster.getHeight()).isEqualTo(3508);
		BufferedImage badge = ImageIO.read(new ByteArrayInputStream(getBytes("/api/v1/units/" + id + "/badge.png")));
		assertThat(badge.getWidth()).isEqualTo(1063);
		ImageIO.write(badge, "png", dir.resolve("unit-badge.png").toFile());
		assertThat(DriveFixtures.decode(badge)).isEqualTo(link);
	}

	private byte[] getBytes(String path) throws Exception {
		var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}

	/** The printables need no login: a burst of 100 asking for posters and badges gets them or a 429, and nothing breaks. */
	@Test
	void aBurstOfPrintablesIsAnsweredWithoutBreaking() throws Exception {
		long id = create(county, "耒阳市扫码活动单位", "AGENCY", DriveFixtures.COUNTY).json().get("id").asLong();
		List<String> paths = List.of("poster.png", "poster.pdf", "badge.png", "badge.pdf");
		var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
		List<Integer> statuses = new java.util.ArrayList<>();
		try {
			List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 100; i++) {
				String path = "/api/v1/units/" + id + "/" + paths.get(i % paths.size());
				answers.add(pool.submit(() -> api.get(path).status()));
			}
			for (var a : answers) {
				statuses.add(a.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).as("200 drawn or kept, 429 busy").isSubsetOf(200, 429).contains(200);
		// and once drawn it is kept: the same printable again, at once
		assertThat(api.get("/api/v1/units/" + id + "/poster.png").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/units/" + id).status()).isNotEqualTo(500);
	}
}
