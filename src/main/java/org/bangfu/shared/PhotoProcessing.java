package org.bangfu.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;


/**
 * Turns an uploaded photo of a need into what may be shown on a public page: a display JPEG and a
 * thumbnail, both re-encoded from pixels only, so no EXIF (GPS location, phone model, time) survives.
 *
 * <p>Everything about the upload is distrusted: the type is told by the leading bytes, the size is capped
 * while reading, and the dimensions are read from the header and checked before any pixel is decoded, so a
 * small file that claims to be huge (a decompression bomb) never gets to allocate its memory.
 */
public final class PhotoProcessing {

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	/** Above this the image is refused before decoding: 40 MP is already beyond any phone camera in use. */
	static final long MAX_PIXELS = 40_000_000L;

	static final int MAX_SIDE = 12_000;

	static final int DISPLAY_SIDE = 1280;

	static final int THUMBNAIL_SIDE = 320;

	static final float DISPLAY_QUALITY = 0.82f;

	static final float THUMBNAIL_QUALITY = 0.75f;

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/**
	 * @param display the display JPEG, its longer side at most 1280 px
	 * @param thumbnail the thumbnail JPEG, its longer side at most 320 px
	 * @param width width of the display version, upright
	 * @param height height of the display version, upright
	 * @param sourceType what the upload really was: {@code image/jpeg} or {@code image/png}
	 */
	public record Processed(byte[] display, byte[] thumbnail, int width, int height, String sourceType) {

		/** Writes {@code name.jpg} and {@code name-thumb.jpg} into {@code dir} (made when missing). */
		public void writeTo(java.nio.file.Path dir, String name) {
			try {
				java.nio.file.Files.createDirectories(dir);
				java.nio.file.Files.write(dir.resolve(name + ".jpg"), display);
				java.nio.file.Files.write(dir.resolve(name + "-thumb.jpg"), thumbnail);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private PhotoProcessing() {
	}

	/** Reads at most MAX_BYTES+1 bytes from in. */
	public static Processed process(InputStream in) throws BadInputException {
		byte[] bytes = readCapped(in, MAX_BYTES);
		String type = sniffType(bytes);
		if (type == null) {
			throw new UnsupportedFormatException("photo.not-an-image");
		}
		if (JPEG.equals(type) && !JpegStructure.jpegHasEnd(bytes)) {
			// ImageIO would only warn and fill the missing rows with grey; a half photo must not be published
			throw new BadInputException("photo.unreadable");
		}
		BufferedImage image = decode(bytes, type);
		int orientation = JPEG.equals(type) ? JpegStructure.exifOrientation(bytes) : 1;
		// Scale before turning upright: the longer side is the same either way, and turning 1280 px is cheap.
		BufferedImage display = PhotoPixels.orient(PhotoPixels.scaleToFit(image, DISPLAY_SIDE), orientation);
		BufferedImage thumbnail = PhotoPixels.scaleToFit(display, THUMBNAIL_SIDE);
		return new Processed(PhotoPixels.encodeJpeg(display, DISPLAY_QUALITY), PhotoPixels.encodeJpeg(thumbnail, THUMBNAIL_QUALITY),
				display.getWidth(), display.getHeight(), type);
	}

	/**
	 * Reads at most {@code limit + 1} bytes: one more than allowed is enough to know it is too large, so a
	 * 30 MB upload costs no more memory than a 10 MB one.
	 */
	static byte[] readCapped(InputStream in, long limit) {
		byte[] bytes;
		try {
			bytes = in.readNBytes(Math.toIntExact(limit + 1));
		}
		catch (IOException ex) {
			throw new BadInputException("photo.unreadable");
		}
		if (bytes.length > limit) {
			throw new TooLargeException("photo.too-large", limit / (1024 * 1024));
		}
		if (bytes.length == 0) {
			throw new BadInputException("photo.empty");
		}
		return bytes;
	}

	/** JPEG or PNG by the magic numbers, or null; the file name and declared content type are not trusted. */
	static String sniffType(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return JPEG;
		}
		if (b.length >= PNG_SIGNATURE.length) {
			for (int i = 0; i < PNG_SIGNATURE.length; i++) {
				if (b[i] != PNG_SIGNATURE[i]) {
					return null;
				}
			}
			return PNG;
		}
		return null;
	}

	/**
	 * Decodes to an opaque RGB image. Dimensions come from the header first; only then are pixels decoded,
	 * and very large photos are subsampled while decoding so they never sit in memory at full size.
	 */
	static BufferedImage decode(byte[] bytes, String type) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
		if (!readers.hasNext()) {
			throw new IllegalStateException("no ImageIO reader for " + type);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			// ignoring metadata also skips inflating PNG text chunks, which can be bombs of their own
			reader.setInput(input, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width <= 0 || height <= 0) {
				throw new BadInputException("photo.unreadable");
			}
			if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
				throw new BadInputException("photo.too-many-pixels");
			}
			ImageReadParam param = reader.getDefaultReadParam();
			int step = subsamplingStep(width, height);
			if (step > 1) {
				param.setSourceSubsampling(step, step, 0, 0);
			}
			return PhotoPixels.toOpaqueRgb(reader.read(0, param));
		}
		catch (BadInputException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// corrupt data, or a kind ImageIO cannot decode (some CMYK/YCCK JPEGs, odd colour profiles)
			throw new BadInputException("photo.unreadable");
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * Subsampling picks pixels rather than averaging them, so it only goes as far as leaving twice the display
	 * size for the smoothing downscale after it; an ordinary 12 MP phone photo is decoded in full.
	 */
	static int subsamplingStep(int width, int height) {
		return Math.max(1, Math.max(width, height) / (2 * DISPLAY_SIDE));
	}
}
