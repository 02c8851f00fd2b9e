package org.bangfu.team;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The printables without the application: a long name wraps, the QR code still reads, the font has Chinese. */
class UnitPrintablesTest {

	@Test
	void aLongNameWrapsAndTheCodeStillReads() throws Exception {
		String name = "耒阳市人民政府办公室机关事务服务中心暨耒阳市某某单位扫码注册活动联络点二〇二六年冬季";
		String link = "https://fupin.example.cn/join/U-123456";
		BufferedImage poster = UnitPrintables.poster(name.substring(0, 40), "耒阳市", link);
		BufferedImage badge = UnitPrintables.badge(name.substring(0, 40), link);
		Path dir = Path.of("target/screenshots");
		Files.createDirectories(dir);
		ImageIO.write(poster, "png", dir.resolve("unit-poster-long-name.png").toFile());
		ImageIO.write(badge, "png", dir.resolve("unit-badge-long-name.png").toFile());
		assertThat(DriveFixtures.decode(poster)).isEqualTo(link);
		assertThat(DriveFixtures.decode(badge)).isEqualTo(link);
		assertThat(new java.awt.Font(UnitPrintables.FONT_FAMILY, java.awt.Font.PLAIN, 12).canDisplayUpTo("社会扶贫网衡阳耒阳")).as(UnitPrintables.FONT_FAMILY)
			.isEqualTo(-1);
	}
}
