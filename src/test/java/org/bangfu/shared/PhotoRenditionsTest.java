package org.bangfu.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoRenditionsTest {

	@TempDir
	Path dir;

	/** A photo stored before renditions existed: only its display JPEG is on disk. */
	private Path storedDisplay(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Path display = dir.resolve("7.jpg");
		ImageIO.write(image, "jpg", display.toFile());
		return display;
	}

	@Test
	void aPhotoStoredBeforeGetsItsRenditionsTheFirstTimeTheyAreAskedFor() throws Exception {
		Path display = storedDisplay(1280, 960);
		Path small = PhotoRenditions.of(display, 240);
		assertThat(small.getFileName().toString()).isEqualTo("7-w240.jpg");
		BufferedImage read = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(small)));
		assertThat(read.getWidth()).isEqualTo(240);
		assertThat(read.getHeight()).isEqualTo(180);
		long modified = Files.getLastModifiedTime(small).toMillis();
		assertThat(PhotoRenditions.of(display, 240)).isEqualTo(small);
		assertThat(Files.getLastModifiedTime(small).toMillis()).as("made once, then read").isEqualTo(modified);
		assertThat(ImageIO.read(PhotoRenditions.of(display, 720).toFile()).getWidth()).isEqualTo(720);
		try (var files = Files.list(dir)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("7.jpg", "7-w240.jpg", "7-w720.jpg");
		}
	}

	@Test
	void aPortraitPhotoIsAsWideAsTheSlotAndASmallPhotoIsNeverEnlarged() throws Exception {
		Path display = storedDisplay(960, 1280);
		assertThat(ImageIO.read(PhotoRenditions.of(display, 240).toFile()).getHeight()).isEqualTo(320);
		Files.delete(display);
		Path tiny = storedDisplay(200, 150);
		assertThat(ImageIO.read(PhotoRenditions.of(tiny, 720).toFile()).getWidth()).isEqualTo(200);
		assertThat(PhotoRenditions.heightAt(240, 200, 150)).isEqualTo(150);
	}

	@Test
	void onlyTheTwoWidthsExist() throws Exception {
		Path display = storedDisplay(1280, 960);
		assertThatThrownBy(() -> PhotoRenditions.of(display, 500)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> PhotoRenditions.of(dir.resolve("missing.jpg"), 240)).isInstanceOf(NotFoundException.class);
	}
}
