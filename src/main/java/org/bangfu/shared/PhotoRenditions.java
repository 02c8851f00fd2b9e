package org.bangfu.shared;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.springframework.http.CacheControl;

/**
 * The sizes a stored photo is shown in: a thumbnail 240 px wide for lists and small slots, and a
 * 720 px rendition for a phone's screen. Both are made from the stored display JPEG (itself already
 * re-encoded without metadata by {@link PhotoProcessing}) next to it, as {@code NAME-w240.jpg} and
 * {@code NAME-w720.jpg}: at upload, and for photos stored before renditions existed the first time
 * one is asked for. Only these widths exist, so nobody can make the server render arbitrary sizes.
 */
public final class PhotoRenditions {

	public static final int THUMBNAIL = 240;

	public static final int SCREEN = 720;

	public static final List<Integer> WIDTHS = List.of(THUMBNAIL, SCREEN);

	/** Photo URLs never change their bytes (a new photo gets a new id): browsers keep them a year. */
	public static final CacheControl LONG = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

	private static final float THUMBNAIL_QUALITY = 0.72f;

	private static final float SCREEN_QUALITY = 0.78f;

	private PhotoRenditions() {
	}

	/** Makes every rendition of the display JPEG now (at upload). */
	public static void makeAll(Path display) {
		for (int width : WIDTHS) {
			of(display, width);
		}
	}

	/**
	 * The file of the display JPEG's rendition {@code width} px wide (never wider than the display
	 * itself), made on first use. Two requests racing for it both render, and the second move wins
	 * with the same bytes.
	 */
	public static Path of(Path display, int width) {
		if (!WIDTHS.contains(width)) {
			throw new NotFoundException("photo.not-found");
		}
		Path rendition = display.resolveSibling(baseName(display) + "-w" + width + ".jpg");
		if (Files.exists(rendition)) {
			return rendition;
		}
		if (!Files.isRegularFile(display)) {
			throw new NotFoundException("photo.not-found");
		}
		try {
			BufferedImage image = ImageIO.read(display.toFile());
			if (image == null) {
				throw new NotFoundException("photo.not-found");
			}
			BufferedImage rgb = PhotoPixels.toOpaqueRgb(image);
			int maxSide = Math.max(width, (int) Math.round((double) width * rgb.getHeight() / rgb.getWidth()));
			BufferedImage scaled = PhotoPixels.scaleToFit(rgb, maxSide);
			byte[] jpeg = PhotoPixels.encodeJpeg(scaled, width <= THUMBNAIL ? THUMBNAIL_QUALITY : SCREEN_QUALITY);
			Path temporary = Files.createTempFile(display.getParent(), baseName(display), ".part");
			Files.write(temporary, jpeg);
			Files.move(temporary, rendition, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return rendition;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The height of a rendition {@code width} px wide of a photo of the given size (for width/height attributes). */
	public static int heightAt(int width, int photoWidth, int photoHeight) {
		int w = Math.min(width, photoWidth);
		return photoWidth <= 0 ? width * 3 / 4 : Math.max(1, (int) Math.round((double) w * photoHeight / photoWidth));
	}

	private static String baseName(Path display) {
		String name = display.getFileName().toString();
		return name.endsWith(".jpg") ? name.substring(0, name.length() - 4) : name;
	}
}
