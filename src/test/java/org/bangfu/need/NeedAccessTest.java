package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.need.NeedFixtures.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.ApplicationTest;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Who sees and does what: a household's own post, "my needs", the verification queue, the QR code and the API description. */
class NeedAccessTest extends ApplicationTest {

	@Autowired
	PersonalData personalData;

	@Test
	void aHouseholdPostsForItselfWithoutAProxyConsent() {
		ApiClient api = api();
		String household = api.login("13800000051", DEMO_PASSWORD);
		Answer created = api.post("/api/v1/needs", """
				{"category":"EDUCATION","title":"张萌需要新书包","story":"孙女张萌的书包坏了，想要一个新书包和一些文具。",
				 "items":[{"kind":"学习用品","name":"书包","quantity":1,"unit":"个","valueFen":9000}]}""", household);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode need = created.json();
		assertThat(need.get("onBehalf").asBoolean()).isFalse();
		assertThat(need.get("regionCode").asString()).isEqualTo(VILLAGE);
		long id = need.get("id").asLong();

		List<Long> mine = new ArrayList<>();
		api.get("/api/v1/needs/mine", household).json().forEach(n -> mine.add(n.get("id").asLong()));
		assertThat(mine).contains(id);
		assertThat(api.post("/api/v1/needs/" + id + "/submit", null, household).json().get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(api.post("/api/v1/needs/" + id + "/verify", null, household).status()).isEqualTo(404);

		// the village officer sees it among the village's needs waiting for verification, the manager in the queue
		List<Long> village = new ArrayList<>();
		api.get("/api/v1/needs/mine?state=SUBMITTED", api.login(OFFICER, DEMO_PASSWORD)).json().forEach(n -> village.add(n.get("id").asLong()));
		assertThat(village).contains(id);
		List<Long> queue = new ArrayList<>();
		api.get("/api/v1/needs/queue", api.login(MANAGER, DEMO_PASSWORD)).json().forEach(n -> queue.add(n.get("id").asLong()));
		assertThat(queue).contains(id);
		assertThat(api.get("/api/v1/needs/queue", api.login(OFFICER, DEMO_PASSWORD)).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/needs/queue?region=430422", api.login(MANAGER, DEMO_PASSWORD)).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/needs/" + id, api.login(DONOR, DEMO_PASSWORD)).status()).as("not public yet").isEqualTo(404);
	}

	@Test
	void theQueueShowsTheFlagsToTheVerifier() {
		ApiClient api = api();
		String officer = api.login(OFFICER, DEMO_PASSWORD);
		long household = household(jdbc, personalData, VILLAGE, "旗标户", true);
		Answer created = api.post("/api/v1/needs", """
				{"category":"OTHER","title":"想要一部苹果手机","story":"孩子说同学都有苹果手机，也想要一部。","householdId":%d,
				 "items":[{"kind":"生活用品","name":"苹果手机","quantity":1,"unit":"部","valueFen":199900}]}""".formatted(household), officer);
		long id = created.json().get("id").asLong();
		api.post("/api/v1/needs/" + id + "/submit", null, officer);

		JsonNode queue = api.get("/api/v1/needs/queue", api.login(MANAGER, DEMO_PASSWORD)).json();
		JsonNode entry = null;
		for (JsonNode n : queue) {
			if (n.get("id").asLong() == id) {
				entry = n;
			}
		}
		assertThat(entry).isNotNull();
		assertThat(entry.get("flags").toString()).contains("LUXURY_BRAND").contains("Apple");
		String page = api.get("/api/v1/needs/" + id, officer).body();
		assertThat(page).as("the poster's officer, staff in scope, sees the flags too").contains("LUXURY");
	}

	@Test
	void theQrCodeOfANeedEncodesItsShareLink() throws Exception {
		ApiClient api = api();
		long id = jdbc.sql("SELECT min(id) FROM need WHERE state = 'PUBLISHED'").query(Long.class).single();
		HttpResponse<byte[]> png = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/needs/" + id + "/qr.png")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(png.statusCode()).isEqualTo(200);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		String text = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
		assertThat(text).isEqualTo("http://localhost:" + port + "/needs/" + id);
		assertThat(api.get("/api/v1/needs/" + id).json().get("shareUrl").asString()).isEqualTo(text);
		long draft = jdbc.sql("SELECT min(id) FROM need WHERE state = 'DRAFT'").query(Long.class).single();
		assertThat(api.get("/needs/" + draft + "/qr.png").status()).isEqualTo(404);
	}

	@Test
	void theApiDescriptionHasTheNeedEndpoints() {
		String doc = api().get("/v3/api-docs").body();
		for (String path : List.of("/api/v1/needs", "/api/v1/needs/{id}", "/api/v1/needs/{id}/submit", "/api/v1/needs/{id}/verify",
				"/api/v1/needs/{id}/reject", "/api/v1/needs/{id}/withdraw", "/api/v1/needs/{id}/photos", "/api/v1/needs/{id}/reports",
				"/api/v1/needs/queue", "/api/v1/needs/category-rules")) {
			assertThat(doc).contains("\"" + path + "\"");
		}
	}
}
