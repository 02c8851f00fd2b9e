package org.bangfu.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Households of the demo village made for one test, with or without consent, and photos. */
public final class NeedFixtures {

	public static final String VILLAGE = "430421100203";

	public static final String OFFICER = "13800000004";

	public static final String MANAGER = "13800000003";

	static final String COUNTY = "13800000002";

	static final String OTHER_MANAGER = "13800000013";

	static final String CITY = "13800000001";

	static final String SUPERVISOR = "13800000041";

	static final String DONOR = "13800000021";

	/**
	 * A verifier's written reason (issue 16: a flagged need is published only with one; an unflagged need ignores it), for
	 * tests that publish needs whose flags depend on what other tests left in the database (a repeat, an unusual value).
	 */
	public static final String VERIFY_REASON = "{\"reason\":\"已入户核实，所列物品为生活必需，估价与当地相符。\"}";

	private static final SecureRandom RANDOM = new SecureRandom();

	private NeedFixtures() {
	}

	/** A new registry household in the village, headed by the given name; with the consent to post on its behalf if asked. */
	public static long household(JdbcClient jdbc, PersonalData personalData, String village, String headName, boolean consent) {
		String idNumber = "430421" + (1950 + RANDOM.nextInt(50)) + "0101" + String.format("%03d", RANDOM.nextInt(1000)) + "X";
		// 20 digits: never one of the 16-digit numbers the registry tests import
		String number = village + String.format("%04d%04d", RANDOM.nextInt(10000), System.nanoTime() % 10000);
		long id = jdbc.sql("""
				INSERT INTO household (household_number, region_code, head_name, head_id_hash, head_id_cipher, created_at)
				VALUES (?, ?, ?, ?, ?, now()) RETURNING id""")
			.params(number, village, headName, personalData.lookupHash(idNumber), personalData.encrypt(idNumber))
			.query(Long.class)
			.single();
		if (consent) {
			long recorder = jdbc.sql("SELECT min(id) FROM account").query(Long.class).single();
			long witness = jdbc.sql("SELECT max(id) FROM account").query(Long.class).single();
			jdbc.sql("""
					INSERT INTO consent (household_id, region_code, post_on_behalf, publish_photos, method, witness_id, given_on, recorded_by, recorded_at)
					VALUES (?, ?, true, true, 'WITNESSED', ?, ?, ?, ?)""")
				.params(id, village, witness, java.sql.Date.valueOf(LocalDate.of(2026, 1, 5)), recorder, Timestamp.from(Instant.now()))
				.update();
		}
		return id;
	}

	/** A household's own account, as its officer registers it with the phone it receives SMS on, its password then set to the demo one. */
	public static long accountFor(org.bangfu.ApiClient api, org.bangfu.account.Accounts accounts, long householdId, String phone) {
		org.bangfu.ApiClient.Answer made = api.post("/api/v1/households/" + householdId + "/account", "{\"phone\":\"" + phone + "\"}",
				api.login(OFFICER, org.bangfu.ApplicationTest.DEMO_PASSWORD));
		if (made.status() != 201) {
			throw new AssertionError(made.body());
		}
		long account = made.json().get("accountId").asLong();
		accounts.changePassword(account, org.bangfu.ApplicationTest.DEMO_PASSWORD);
		return account;
	}

	/** A need of the OTHER category (no photo required) for the household: quilts of 50 yuan each, as JSON for the API. */
	public static String quiltNeed(long householdId, String title, int quantity) {
		return """
				{"category":"OTHER","title":"%s","story":"老人过冬缺棉被，屋里很冷。","householdId":%d,
				 "items":[{"kind":"生活用品","name":"棉被","quantity":%d,"unit":"床","valueFen":%d}]}"""
			.formatted(title, householdId, quantity, quantity * 5000L);
	}

	static String medicalNeed(long householdId, String title, String story, long valueFen) {
		return """
				{"category":"MEDICAL","title":"%s","story":"%s","urgency":"URGENT","householdId":%d,
				 "items":[{"kind":"康复器具","name":"轮椅","quantity":1,"unit":"台","valueFen":%d},
				          {"kind":"药品","name":"降压药","quantity":12,"unit":"盒","valueFen":36000}]}"""
			.formatted(title, story, householdId, valueFen);
	}

	/** A need posted through the API (201), its id. */
	public static long create(ApiClient api, String token, String json) {
		Answer a = api.post("/api/v1/needs", json, token);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	/** A photo of the need uploaded through the API (201). */
	public static void photo(ApiClient api, String token, long need) {
		Answer a = api.postFile("/api/v1/needs/" + need + "/photos", "photo", "need.jpg", "image/jpeg", jpeg(640, 480), token);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
	}

	/**
	 * The household's own word on a need posted on its behalf (issue 16), given through the real FORM route: staff in
	 * scope ({@code staffToken}, e.g. the officer who posted it) upload a small generated PNG of the signed form.
	 * Call it before verifying any need posted for a household.
	 */
	public static void confirmByForm(ApiClient api, String staffToken, long need) {
		Answer a = api.postFile("/api/v1/needs/" + need + "/confirm", "file", "form.png", "image/png", png(120, 160), staffToken);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
	}

	/** {@link #confirmByForm} for a need posted on a household's behalf and not yet confirmed; nothing for any other need. */
	public static void confirmIfNeeded(ApiClient api, String staffToken, long need) {
		tools.jackson.databind.JsonNode n = api.get("/api/v1/needs/" + need, staffToken).json();
		if (n.get("onBehalf").asBoolean() && n.hasNonNull("householdId") && n.get("householdConfirmation").isNull()) {
			confirmByForm(api, staffToken, need);
		}
	}

	/** {@link #confirmByForm} with the demo village officer's login. */
	public static void confirmByForm(ApiClient api, long need) {
		confirmByForm(api, api.login(OFFICER, org.bangfu.ApplicationTest.DEMO_PASSWORD), need);
	}

	/** A small PNG: a white sheet with a red thumbprint. */
	public static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.RED);
		g.fillOval(width / 3, height / 2, width / 4, height / 4);
		g.dispose();
		return encoded(image, "png");
	}

	public static byte[] jpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(40, 120, 60));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.ORANGE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return encoded(image, "jpg");
	}

	private static byte[] encoded(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
