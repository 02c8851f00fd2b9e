package org.bangfu.household;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.shared.IdentityNumber;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Masking everywhere a household shows, the logged "show", consent and coverage, against the real database. */
class RegistryPrivacyTest extends ApplicationTest {

	@org.springframework.beans.factory.annotation.Autowired
	Consents consents;

	@org.springframework.beans.factory.annotation.Autowired
	Households households;

	@org.springframework.beans.factory.annotation.Autowired
	PersonalDataViews personalDataViews;

	@org.springframework.beans.factory.annotation.Autowired
	org.bangfu.region.Regions regions;

	static final String ZHANG_HEAD_ID = IdentityNumber.withCheckCharacter("43042119580312003");

	private long householdId(String head) {
		return jdbc.sql("SELECT id FROM household WHERE head_name = ?").param(head).query(Long.class).single();
	}

	@Test
	void householdsAreMaskedInListsAndDetailsAndTheFullNumberNeverAppears() {
		ApiClient api = api();
		String officer = api.login("13800000004", DEMO_PASSWORD);
		Answer list = api.get("/api/v1/households", officer);
		assertThat(list.body()).doesNotContain(ZHANG_HEAD_ID).doesNotContain("13807340001");
		Answer detail = api.get("/api/v1/households/" + householdId("张大山"), officer);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).doesNotContain(ZHANG_HEAD_ID).doesNotContain("13807340001").contains("138****0001");
		JsonNode members = detail.json().get("members");
		assertThat(members.size()).isEqualTo(4);
		assertThat(members.get(0).get("relation").asString()).isEqualTo("户主");
		assertThat(members.get(0).get("maskedIdNumber").asString()).isEqualTo(ZHANG_HEAD_ID.substring(0, 4) + "**********" + ZHANG_HEAD_ID.substring(14));
		Answer page = api.get("/households/" + householdId("张大山"));
		assertThat(page.status()).as("pages need a login").isEqualTo(302);
	}

	@Test
	void showingAFullIdNumberIsLoggedWhoWhenWhose() {
		ApiClient api = api();
		String officer = api.login("13800000004", DEMO_PASSWORD);
		long zhang = householdId("张大山");
		long head = jdbc.sql("SELECT id FROM household_member WHERE household_id = ? AND relation = '户主'").param(zhang).query(Long.class).single();
		long before = jdbc.sql("SELECT count(*) FROM personal_data_view").query(Long.class).single();
		Answer shown = api.post("/api/v1/households/" + zhang + "/members/" + head + "/reveal", null, officer);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.json().get("value").asString()).isEqualTo(ZHANG_HEAD_ID);
		assertThat(jdbc.sql("SELECT count(*) FROM personal_data_view").query(Long.class).single()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT a.name || ' ' || v.field || ' ' || v.region_code FROM personal_data_view v JOIN account a ON a.id = v.account_id ORDER BY v.id DESC LIMIT 1")
			.query(String.class).single()).isEqualTo("西渡村信息员 ID_NUMBER 430421100203");
		PersonalDataViews.View seen = personalDataViews.within(regions.get(org.bangfu.shared.RegionCode.parse("430421100203")), 0).get(0);
		assertThat(seen.viewer() + " " + seen.field()).as("the list of views names the viewer").isEqualTo("西渡村信息员 ID_NUMBER");

		// outside the scope: 404, and nothing logged
		String other = api.login("13800000014", DEMO_PASSWORD);
		assertThat(api.post("/api/v1/households/" + zhang + "/members/" + head + "/reveal", null, other).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/households/" + zhang + "/members/" + head + "/reveal", null, api.login("13800000021", DEMO_PASSWORD)).status())
			.isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM personal_data_view").query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void consentIsRecordedByWitnessOrPhotoAndCanBeRevoked() throws Exception {
		ApiClient api = api();
		String officer = api.login("13800000004", DEMO_PASSWORD);
		long wang = householdId("王春生");
		int before = api.get("/api/v1/households/" + wang, officer).json().get("consents").size();

		Answer selfWitness = multipart(officer, "/api/v1/households/" + wang + "/consents",
				"postOnBehalf=true", "method=WITNESSED", "witnessPhone=13800000004");
		assertThat(selfWitness.status()).isEqualTo(400);
		assertThat(selfWitness.json().get("detail").asString()).startsWith("见证人须是本村或上级的另一名工作人员");
		Answer outsider = multipart(officer, "/api/v1/households/" + wang + "/consents", "postOnBehalf=true", "method=WITNESSED",
				"witnessPhone=13800000014");
		assertThat(outsider.status()).isEqualTo(400);
		Answer noPhoto = multipart(officer, "/api/v1/households/" + wang + "/consents", "postOnBehalf=true", "method=SIGNED_FORM_PHOTO");
		assertThat(noPhoto.json().get("detail").asString()).isEqualTo("签字或手印方式须上传确认书照片。");

		Answer witnessed = multipart(officer, "/api/v1/households/" + wang + "/consents", "postOnBehalf=true", "publishPhotos=true",
				"method=WITNESSED", "witnessPhone=13800000003");
		assertThat(witnessed.status()).isEqualTo(201);
		assertThat(witnessed.json().get("witness").asString()).isEqualTo("西渡镇信息管理员");
		assertThat(consents.allowsPostingOnBehalf(wang)).isTrue();
		assertThat(consents.allowsPublishingPhotos(wang)).isTrue();
		long consentId = witnessed.json().get("id").asLong();
		assertThat(api.post("/api/v1/households/" + wang + "/consents/" + consentId + "/revoke", null, officer).status()).isEqualTo(204);
		assertThat(consents.allowsPublishingPhotos(wang)).as("the only photo consent was revoked").isFalse();
		JsonNode recorded = api.get("/api/v1/households/" + wang, officer).json().get("consents");
		assertThat(recorded.size()).isEqualTo(before + 1);
		JsonNode after = recorded.get(0);
		assertThat(after.get("revokedAt").isNull()).isFalse();
		assertThat(after.get("recordedBy").asString() + " / " + after.get("witness").asString()).isEqualTo("西渡村信息员 / 西渡镇信息管理员");
		assertThat(api.post("/api/v1/households/" + wang + "/consents/" + consentId + "/revoke", null, officer).status()).isEqualTo(404);
	}

	@Test
	void aConsentPhotoMustReallyBeAPhoto() throws Exception {
		ApiClient api = api();
		String officer = api.login("13800000004", DEMO_PASSWORD);
		long liu = householdId("刘冬梅");
		Answer pdf = multipartFile(officer, "/api/v1/households/" + liu + "/consents", "form.jpg", "%PDF-1.4 not an image".getBytes());
		assertThat(pdf.status()).isEqualTo(415);
		assertThat(pdf.json().get("detail").asString()).isEqualTo("请上传 JPG 或 PNG 格式的照片。");
		byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
		Answer ok = multipartFile(officer, "/api/v1/households/" + liu + "/consents", "form.png", png);
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.json().get("hasPhoto").asBoolean()).isTrue();

		// a phone's photo carries its position in EXIF: what is kept is the picture, encoded again, without it
		java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
		byte[] plain = jpeg.toByteArray();
		byte[] exif = "Exif\0\0GPS 26.89N 112.57E household-home".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		java.io.ByteArrayOutputStream withGps = new java.io.ByteArrayOutputStream();
		withGps.write(plain, 0, 2);
		withGps.write(new byte[] { (byte) 0xFF, (byte) 0xE1, 0, (byte) (exif.length + 2) });
		withGps.write(exif);
		withGps.write(plain, 2, plain.length - 2);
		Answer located = multipartFile(officer, "/api/v1/households/" + liu + "/consents", "form.jpg", withGps.toByteArray());
		assertThat(located.status()).isEqualTo(201);
		String stored = jdbc.sql("SELECT photo_path FROM consent WHERE id = ?").param(located.json().get("id").asLong()).query(String.class).single();
		byte[] kept = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getProperty("bangfu.data-dir", "target/test-data"), "uploads", "consent", stored));
		assertThat(new String(kept, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("household-home", "GPS");

		Answer truncated = multipartFile(officer, "/api/v1/households/" + liu + "/consents", "form.jpg", java.util.Arrays.copyOf(plain, plain.length / 2));
		assertThat(truncated.status()).isEqualTo(400);
		assertThat(truncated.json().get("detail").asString()).startsWith("照片文件已损坏");
	}

	@Test
	void coverageCountsRegistryHouseholdsAgainstAccounts() {
		ApiClient api = api();
		JsonNode county = api.get("/api/v1/households/coverage?region=430421", api.login("13800000002", DEMO_PASSWORD)).json();
		long households = jdbc.sql("SELECT count(*) FROM household WHERE region_code LIKE '430421%'").query(Long.class).single();
		long registered = jdbc.sql("SELECT count(*) FROM household WHERE region_code LIKE '430421%' AND account_id IS NOT NULL").query(Long.class).single();
		assertThat(county.get("total").get("households").asLong()).isEqualTo(households);
		assertThat(county.get("total").get("registered").asLong()).isEqualTo(registered);
		JsonNode xidu = null;
		for (JsonNode u : county.get("units")) {
			if (u.get("code").asString().equals("430421100")) {
				xidu = u;
			}
		}
		assertThat(xidu).isNotNull();
		assertThat(xidu.get("households").asLong()).isEqualTo(households);
		assertThat(county.get("units").size()).isEqualTo(25);
		assertThat(api.get("/api/v1/households/coverage?region=430422", api.login("13800000002", DEMO_PASSWORD)).status()).isEqualTo(404);
	}

	@Test
	void searchFindsByNameFragmentOrWholeIdNumber() {
		ApiClient api = api();
		String officer = api.login("13800000004", DEMO_PASSWORD);
		assertThat(api.get("/api/v1/households?q=" + enc("佳怡"), officer).json().get(0).get("headName").asString()).isEqualTo("王春生");
		assertThat(api.get("/api/v1/households?q=" + ZHANG_HEAD_ID, officer).json().get(0).get("headName").asString()).isEqualTo("张大山");
		assertThat(api.get("/api/v1/households?q=" + ZHANG_HEAD_ID.toLowerCase(), officer).json().size()).isEqualTo(1);
		assertThat(api.get("/api/v1/households?q=" + enc("不存在的人"), officer).json().size()).isZero();
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private Answer multipart(String token, String path, String... fields) throws Exception {
		StringBuilder body = new StringBuilder();
		for (String f : fields) {
			String[] kv = f.split("=", 2);
			body.append("--B\r\nContent-Disposition: form-data; name=\"").append(kv[0]).append("\"\r\n\r\n").append(kv[1]).append("\r\n");
		}
		body.append("--B--\r\n");
		return send(token, path, body.toString().getBytes(StandardCharsets.UTF_8));
	}

	private Answer multipartFile(String token, String path, String fileName, byte[] content) throws Exception {
		var out = new java.io.ByteArrayOutputStream();
		out.write(("--B\r\nContent-Disposition: form-data; name=\"postOnBehalf\"\r\n\r\ntrue\r\n"
				+ "--B\r\nContent-Disposition: form-data; name=\"method\"\r\n\r\nSIGNED_FORM_PHOTO\r\n"
				+ "--B\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + fileName + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.write(content);
		out.write("\r\n--B--\r\n".getBytes(StandardCharsets.UTF_8));
		return send(token, path, out.toByteArray());
	}

	private Answer send(String token, String path, byte[] body) throws Exception {
		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=B")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
	}
}
