package org.bangfu.shared;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The pixel work behind {@link PhotoProcessing} and {@link PhotoRenditions}, on images already decoded and
 * checked: flattening onto white, shrinking, turning upright, and writing a JPEG from pixels alone.
 */
final class PhotoPixels {

	private PhotoPixels() {
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
