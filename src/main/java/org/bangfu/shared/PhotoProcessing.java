package org.bangfu.shared;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;


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
		BufferedImage display = orient(scaleToFit(image, DISPLAY_SIDE), orientation);
		BufferedImage thumbnail = scaleToFit(display, THUMBNAIL_SIDE);
		return new Processed(encodeJpeg(display, DISPLAY_QUALITY), encodeJpeg(thumbnail, THUMBNAIL_QUALITY),
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
			return toOpaqueRgb(reader.read(0, param));
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

	/** Copies onto white in plain RGB: transparent PNG pixels turn white, greyscale and palettes become RGB. */
	static BufferedImage toOpaqueRgb(BufferedImage source) {
		BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
			g.drawImage(source, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	/**
	 * Shrinks so the longer side is at most {@code maxSide}; never enlarges. Halving repeatedly with bilinear
	 * filtering averages every source pixel (a single big bilinear step would skip most of them and shimmer);
	 * the last, smaller step is bicubic.
	 */
	static BufferedImage scaleToFit(BufferedImage source, int maxSide) {
		int width = source.getWidth();
		int height = source.getHeight();
		if (Math.max(width, height) <= maxSide) {
			return source;
		}
		double scale = (double) maxSide / Math.max(width, height);
		int targetWidth = Math.max(1, (int) Math.round(width * scale));
		int targetHeight = Math.max(1, (int) Math.round(height * scale));
		BufferedImage current = source;
		while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
			current = resize(current, current.getWidth() / 2, current.getHeight() / 2,
					RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		}
		if (current.getWidth() != targetWidth || current.getHeight() != targetHeight) {
			current = resize(current, targetWidth, targetHeight, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		}
		return current;
	}

	private static BufferedImage resize(BufferedImage source, int width, int height, Object interpolation) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	/**
	 * Turns an RGB image upright by its EXIF orientation (1–8). Phones store portrait photos sideways with a
	 * tag saying so; the tag goes when the metadata is stripped, so the pixels must be turned first.
	 */
	static BufferedImage orient(BufferedImage source, int orientation) {
		if (orientation < 2 || orientation > 8) {
			return source;
		}
		BufferedImage rgb = source.getType() == BufferedImage.TYPE_INT_RGB ? source : toOpaqueRgb(source);
		int w = rgb.getWidth();
		int h = rgb.getHeight();
		boolean turned = orientation >= 5; // 5–8 swap width and height
		int targetWidth = turned ? h : w;
		int targetHeight = turned ? w : h;
		BufferedImage target = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
		int[] from = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
		int[] to = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
		for (int y = 0; y < targetHeight; y++) {
			for (int x = 0; x < targetWidth; x++) {
				// the source pixel that lands on (x, y)
				int sx;
				int sy;
				switch (orientation) {
					case 2 -> { sx = w - 1 - x; sy = y; } // mirrored left-right
					case 3 -> { sx = w - 1 - x; sy = h - 1 - y; } // upside down
					case 4 -> { sx = x; sy = h - 1 - y; } // mirrored top-bottom
					case 5 -> { sx = y; sy = x; } // transposed
					case 6 -> { sx = y; sy = h - 1 - x; } // needs a quarter turn clockwise
					case 7 -> { sx = w - 1 - y; sy = h - 1 - x; } // transversed
					default -> { sx = w - 1 - y; sy = x; } // 8: needs a quarter turn anticlockwise
				}
				to[y * targetWidth + x] = from[sy * w + sx];
			}
		}
		return target;
	}

	/** A fresh baseline JPEG from pixels alone: ImageIO writes a JFIF header and nothing else. */
	static byte[] encodeJpeg(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try {
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			if (param instanceof JPEGImageWriteParam jpegParam) {
				jpegParam.setOptimizeHuffmanTables(true); // a few percent smaller for village mobile data
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
				writer.setOutput(output);
				writer.write(null, new IIOImage(image, null, null), param);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("writing a JPEG to memory failed", ex);
		}
		finally {
			writer.dispose();
		}
	}
}
