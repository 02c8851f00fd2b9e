package org.bangfu.team;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.Role;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff and places of 耒阳市 (430481) for the registration drives' tests, and reading QR codes back. */
public final class DriveFixtures {

	public static final String COUNTY = "430481";

	private DriveFixtures() {
	}

	/** A new staff account with one grant (demo password); answers its phone. */
	public static String staff(Accounts accounts, Regions regions, String name, Role role, String regionCode) {
		String phone = "137" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
		long id = accounts.create(new Accounts.NewAccount(phone, name, ApplicationTest.DEMO_PASSWORD, null, null, null, null));
		accounts.grant(id, role, regions.get(new RegionCode(regionCode)), null);
		return phone;
	}

	/** The last township of 耒阳市 (the assessment tests keep to the first ones), and its first village. */
	public static String township(JdbcClient jdbc) {
		return jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code DESC LIMIT 1").param(COUNTY).query(String.class).single();
	}

	public static String village(JdbcClient jdbc) {
		return jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code LIMIT 1").param(township(jdbc)).query(String.class).single();
	}

	/** Creates a unit through the API (201), its id. */
	public static long unit(ApiClient api, String token, String name, String kind, String regionCode) {
		ApiClient.Answer a = api.post("/api/v1/units", "{\"name\":\"%s\",\"kind\":\"%s\",\"regionCode\":\"%s\"}".formatted(name, kind, regionCode), token);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	/** The text of the QR code in the picture (ZXing: luminance, hybrid binariser, QR reader). */
	public static String decode(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		try {
			return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
		}
		catch (com.google.zxing.ReaderException ex) {
			// ZXing's locator now and then misreads a perfectly clean code (the content, and so the pattern, changes with the
			// test's port): read it again as a plain code on a white ground, with the other binarizer
			return new QRCodeReader().decode(new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(source)),
					Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
		}
	}
}
