package org.bangfu.shared;

import org.bangfu.shared.web.FailureStatus;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PhotoProcessingTest {

	// --- accepted photos ---

	@Test
	void largePngIsShrunkToDisplayAndThumbnailKeepingItsAspect() throws IOException {
		PhotoProcessing.Processed result = PhotoProcessing.process(stream(png(scene(2000, 1000))));

		assertThat(result.sourceType()).isEqualTo("image/png");
		assertThat(result.width()).isEqualTo(1280);
		assertThat(result.height()).isEqualTo(640);
		assertJpeg(result.display(), 1280, 640);
		assertJpeg(result.thumbnail(), 320, 160);
	}

	@Test
	void largePortraitJpegIsShrunkByItsLongerSide() throws IOException {
		PhotoProcessing.Processed result = PhotoProcessing.process(stream(jpeg(scene(1500, 2000))));

		assertThat(result.sourceType()).isEqualTo("image/jpeg");
		assertThat(result.width()).isEqualTo(960);
		assertThat(result.height()).isEqualTo(1280);
		assertJpeg(result.display(), 960, 1280);
		assertJpeg(result.thumbnail(), 240, 320);
	}

	@Test
	void smallImageIsNeverEnlarged() throws IOException {
		PhotoProcessing.Processed result = PhotoProcessing.process(stream(png(scene(200, 100))));

		assertThat(result.width()).isEqualTo(200);
		assertThat(result.height()).isEqualTo(100);
		assertJpeg(result.display(), 200, 100);
		assertJpeg(result.thumbnail(), 200, 100);
	}

	@Test
	void downscalingAveragesFineDetailInsteadOfSkippingIt() throws IOException {
		// a one-pixel checkerboard: averaged properly it is an even mid grey; point-sampled it would be
		// black, white or moiré
		BufferedImage checker = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < checker.getHeight(); y++) {
			for (int x = 0; x < checker.getWidth(); x++) {
				checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
			}
		}
		BufferedImage display = read(PhotoProcessing.process(stream(png(checker))).display());

		assertThat(display.getWidth()).isEqualTo(1280);
		for (int y = 5; y < display.getHeight() - 5; y += 37) {
			for (int x = 5; x < display.getWidth() - 5; x += 41) {
				assertThat(display.getRGB(x, y) & 0xFF).as("blue at %d,%d", x, y).isBetween(110, 145);
			}
		}
	}

	@Test
	void transparentPngIsPutOnWhite() throws IOException {
		BufferedImage argb = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB); // all transparent
		Graphics2D g = argb.createGraphics();
		g.setColor(Color.BLACK);
		g.fillRect(30, 30, 40, 40);
		g.dispose();

		BufferedImage display = read(PhotoProcessing.process(stream(png(argb))).display());

		assertChannels(display.getRGB(5, 5), 246, 255);
		assertChannels(display.getRGB(50, 50), 0, 9);
	}

	@Test
	void greyscaleJpegKeepsItsBrightness() throws IOException {
		BufferedImage grey = new BufferedImage(120, 80, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = grey.createGraphics();
		g.setColor(new Color(200, 200, 200));
		g.fillRect(0, 0, 120, 80);
		g.dispose();

		BufferedImage display = read(PhotoProcessing.process(stream(jpeg(grey))).display());

		assertChannels(display.getRGB(60, 40), 194, 206);
	}

	@Test
	void fourChannelJpegIsConvertedOrRefusedButNeverFailsOtherwise() throws IOException {
		// phones never write CMYK, but a scanned or edited file can be one; the JDK decodes some and not others
		WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 48, 4, null);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(output);
			writer.write(null, new IIOImage(raster, null, null), null);
		}
		writer.dispose();

		try {
			PhotoProcessing.Processed result = PhotoProcessing.process(stream(out.toByteArray()));
			assertJpeg(result.display(), 64, 48);
			assertThat(read(result.display()).getColorModel().getNumComponents()).isEqualTo(3);
		}
		catch (BadInputException ex) {
			assertThat(FailureStatus.of(ex).value()).isEqualTo(400);
			assertThat(ex.messageKey()).isEqualTo("photo.unreadable");
		}
	}

	@Test
	void bytesAppendedAfterTheEndOfAJpegDoNoHarm() throws IOException {
		// some phones append a motion-photo video or maker data after the JPEG's end marker
		byte[] jpeg = jpeg(scene(300, 200));
		byte[] withTrailer = concat(jpeg, "ftypmp42 not really a video".getBytes(StandardCharsets.US_ASCII));

		assertThat(PhotoProcessing.process(stream(withTrailer)).width()).isEqualTo(300);
	}

	@Test
	void twelveMegapixelPhotoIsScaledToDisplaySize() throws IOException {
		byte[] photo = jpeg(scene(4000, 3000));
		assertThat((long) photo.length).isLessThan(PhotoProcessing.MAX_BYTES);

		PhotoProcessing.Processed result = PhotoProcessing.process(stream(photo));

		assertThat(result.width()).isEqualTo(1280);
		assertThat(result.height()).isEqualTo(960);
	}

	// --- metadata and orientation ---

	@Test
	void exifWithGpsLocationIsNotCarriedIntoEitherOutput() throws IOException {
		byte[] withGps = withExif(jpeg(scene(640, 480)), tiff(ByteOrder.LITTLE_ENDIAN, 1, true));
		assertThat(markers(withGps)).contains(0xE1);
		assertThat(indexOf(withGps, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))).isPositive();
		assertThat(indexOf(withGps, GPS_LATITUDE)).isPositive();

		PhotoProcessing.Processed result = PhotoProcessing.process(stream(withGps));

		for (byte[] output : new byte[][] { result.display(), result.thumbnail() }) {
			assertThat(markers(output)).doesNotContain(0xE1).doesNotContain(0xE2).doesNotContain(0xED);
			assertThat(indexOf(output, "Exif".getBytes(StandardCharsets.ISO_8859_1))).isNegative();
			assertThat(indexOf(output, GPS_LATITUDE)).isNegative();
			assertThat(JpegStructure.exifOrientation(output)).isEqualTo(1);
		}
	}

	/**
	 * The sensor image is landscape with a red top-left and a green top-right corner; each orientation must
	 * bring them where a viewer honouring the tag would show them (TL, TR, BR, BL).
	 */
	@ParameterizedTest(name = "orientation {0}")
	@CsvSource({ "1, TL, TR", "2, TR, TL", "3, BR, BL", "4, BL, BR", "5, TL, BL", "6, TR, BR", "7, BR, TR",
			"8, BL, TL" })
	void exifOrientationIsAppliedInBothByteOrders(int orientation, String red, String green) throws IOException {
		for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			byte[] photo = withExif(jpeg(corners(400, 300)), tiff(order, orientation, false));
			assertThat(JpegStructure.exifOrientation(photo)).isEqualTo(orientation);

			PhotoProcessing.Processed result = PhotoProcessing.process(stream(photo));
			BufferedImage display = read(result.display());

			boolean turned = orientation >= 5;
			assertThat(result.width()).as("%s", order).isEqualTo(turned ? 300 : 400);
			assertThat(display.getWidth()).isEqualTo(result.width());
			assertThat(display.getHeight()).isEqualTo(turned ? 400 : 300);
			assertThat(isRed(corner(display, red))).as("red at %s, %s", red, order).isTrue();
			assertThat(isGreen(corner(display, green))).as("green at %s, %s", green, order).isTrue();
			BufferedImage thumbnail = read(result.thumbnail());
			assertThat(thumbnail.getWidth()).isEqualTo(turned ? 240 : 320);
			assertThat(isRed(corner(thumbnail, red))).as("thumbnail red at %s", red).isTrue();
		}
	}

	@Test
	void portraitPhotoStoredSidewaysComesOutUpright() throws IOException {
		// the usual case: a 4:3 sensor image with orientation 6, shrunk for display
		byte[] photo = withExif(jpeg(corners(1600, 1200)), tiff(ByteOrder.BIG_ENDIAN, 6, true));

		PhotoProcessing.Processed result = PhotoProcessing.process(stream(photo));

		assertThat(result.width()).isEqualTo(960);
		assertThat(result.height()).isEqualTo(1280);
		BufferedImage display = read(result.display());
		assertThat(isRed(corner(display, "TR"))).isTrue();
		assertThat(isGreen(corner(display, "BR"))).isTrue();
		assertJpeg(result.thumbnail(), 240, 320);
	}

	@Test
	void strayBytesBetweenSegmentsAreTolerated() throws IOException {
		// sloppy camera firmware leaves junk between segments; libjpeg skips it, and so must the marker walk
		byte[] photo = withExif(jpeg(corners(400, 300)), tiff(ByteOrder.BIG_ENDIAN, 6, false));
		JpegStructure.Segment app1 = JpegStructure.segments(photo).get(0);
		int afterApp1 = app1.start() + app1.length();
		byte[] sloppy = concat(Arrays.copyOf(photo, afterApp1),
				concat(new byte[] { 0, 0x12, 0x34 }, Arrays.copyOfRange(photo, afterApp1, photo.length)));
		assertThat(JpegStructure.jpegHasEnd(sloppy)).isTrue();

		PhotoProcessing.Processed result = PhotoProcessing.process(stream(sloppy));

		assertThat(result.width()).isEqualTo(300);
		assertThat(isRed(corner(read(result.display()), "TR"))).isTrue();
	}

	@Test
	void malformedExifIsIgnored() throws IOException {
		byte[] tiff = tiff(ByteOrder.LITTLE_ENDIAN, 6, false);
		ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 100_000); // IFD0 far outside the segment
		byte[] photo = withExif(jpeg(scene(400, 300)), tiff);

		assertThat(JpegStructure.exifOrientation(photo)).isEqualTo(1);
		assertThat(PhotoProcessing.process(stream(photo)).width()).isEqualTo(400);
	}

	// --- refused uploads ---

	@Test
	void pdfRenamedToJpgIsRefusedByItsBytes() {
		byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

		assertRefused(pdf, 415, "photo.not-an-image");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "RIFF\u0010\0\0\0WEBPVP8 ", "\0\0\0\u0018ftypheic\0\0\0\0mif1heic", "GIF89a\u0001\0\u0001\0",
			"BM6\0\0\0\0\0\0\u00006\0\0\0", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" })
	void otherImageFormatsAreRefusedAsWrongType(String header) {
		assertRefused(concat(header.getBytes(StandardCharsets.ISO_8859_1), new byte[64]), 415, "photo.not-an-image");
	}

	@Test
	void thirtyMegabytesAreRefusedAfterReadingJustOverTheLimit() {
		CountingStream thirtyMegabytes = new CountingStream(30L * 1024 * 1024);

		BadInputException ex = catchThrowableOfType(BadInputException.class,
				() -> PhotoProcessing.process(thirtyMegabytes));

		assertThat(FailureStatus.of(ex).value()).isEqualTo(413);
		assertThat(ex.messageKey()).isEqualTo("photo.too-large");
		assertThat(ex.args()).containsExactly(10L);
		assertThat(thirtyMegabytes.delivered).isEqualTo(PhotoProcessing.MAX_BYTES + 1);
	}

	@Test
	void exactlyTheLimitIsNotRefusedForItsSize() {
		// 10 MB of a JPEG start followed by nothing decodable: refused as unreadable, not as too large
		CountingStream tenMegabytes = new CountingStream(PhotoProcessing.MAX_BYTES);

		assertThatThrownBy(() -> PhotoProcessing.process(tenMegabytes)).isInstanceOfSatisfying(
				BadInputException.class, ex -> assertThat(ex.messageKey()).isEqualTo("photo.unreadable"));
	}

	@Test
	void emptyUploadIsRefused() {
		assertRefused(new byte[0], 400, "photo.empty");
	}

	@Test
	void failingStreamIsUnreadable() {
		InputStream broken = new InputStream() {
			@Override
			public int read() throws IOException {
				throw new IOException("connection reset");
			}
		};

		assertThatThrownBy(() -> PhotoProcessing.process(broken)).isInstanceOfSatisfying(BadInputException.class,
				ex -> {
					assertThat(FailureStatus.of(ex).value()).isEqualTo(400);
					assertThat(ex.messageKey()).isEqualTo("photo.unreadable");
				});
	}

	@Test
	void truncatedJpegIsRefused() throws IOException {
		byte[] jpeg = jpeg(scene(800, 600));

		assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), 400, "photo.unreadable");
		assertRefused(Arrays.copyOf(jpeg, jpeg.length - 2), 400, "photo.unreadable"); // only the end marker lost
		assertRefused(Arrays.copyOf(jpeg, 200), 400, "photo.unreadable"); // cut inside the headers
	}

	@Test
	void truncatedPngIsRefused() throws IOException {
		byte[] png = png(scene(800, 600));

		assertRefused(Arrays.copyOf(png, png.length / 2), 400, "photo.unreadable");
	}

	@Test
	void garbageBehindAJpegSignatureIsRefused() {
		byte[] garbage = new byte[4096];
		new Random(7).nextBytes(garbage);
		garbage[0] = (byte) 0xFF;
		garbage[1] = (byte) 0xD8;
		garbage[2] = (byte) 0xFF;

		assertRefused(garbage, 400, "photo.unreadable");
	}

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "50000, 50000", "12001, 100", "100, 12001", "8000, 5001" })
	void pngHeaderClaimingTooManyPixelsIsRefusedWithoutDecoding(int width, int height) {
		// only a header and no pixel data: decoding would fail as unreadable, so the refusal comes first
		assertRefused(pngHeaderOnly(width, height), 400, "photo.too-many-pixels");
	}

	@Test
	void jpegHeaderClaimingTooManyPixelsIsRefusedWithoutDecoding() throws IOException {
		byte[] jpeg = jpeg(scene(64, 48));
		JpegStructure.Segment frame = JpegStructure.segments(jpeg).stream()
				.filter(s -> s.marker() == 0xC0).findFirst().orElseThrow();
		ByteBuffer.wrap(jpeg).putShort(frame.start() + 1, (short) 60000).putShort(frame.start() + 3, (short) 60000);

		assertRefused(jpeg, 400, "photo.too-many-pixels");
	}

	// --- helpers ---

	private static final byte[] GPS_LATITUDE = { 28, 0, 0, 0, 1, 0, 0, 0, 13, 0, 0, 0, 1, 0, 0, 0 };

	private static void assertRefused(byte[] upload, int status, String messageKey) {
		assertThatThrownBy(() -> PhotoProcessing.process(stream(upload))).isInstanceOfSatisfying(
				BadInputException.class, ex -> {
					assertThat(ex.messageKey()).isEqualTo(messageKey);
					assertThat(FailureStatus.of(ex).value()).isEqualTo(status);
				});
	}

	private static void assertJpeg(byte[] bytes, int width, int height) throws IOException {
		assertThat(PhotoProcessing.sniffType(bytes)).isEqualTo("image/jpeg");
		BufferedImage image = read(bytes);
		assertThat(image.getWidth()).isEqualTo(width);
		assertThat(image.getHeight()).isEqualTo(height);
	}

	private static InputStream stream(byte[] bytes) {
		return new ByteArrayInputStream(bytes);
	}

	private static BufferedImage read(byte[] bytes) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
		assertThat(image).isNotNull();
		return image;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, "jpeg", out)).isTrue();
		return out.toByteArray();
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, "png", out)).isTrue();
		return out.toByteArray();
	}

	/** Something photo-like: smooth gradients with a little texture, so JPEGs come out at realistic sizes. */
	private static BufferedImage scene(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int r = 60 + 120 * x / width + random.nextInt(16);
				int g = 80 + 100 * y / height + random.nextInt(16);
				int b = 140 - 60 * (x + y) / (width + height) + random.nextInt(16);
				image.setRGB(x, y, r << 16 | g << 8 | b);
			}
		}
		return image;
	}

	/** Grey with a red block at the top left and a green block at the top right. */
	private static BufferedImage corners(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.GRAY);
		g.fillRect(0, 0, width, height);
		int block = Math.min(width, height) / 6;
		g.setColor(Color.RED);
		g.fillRect(0, 0, block, block);
		g.setColor(Color.GREEN);
		g.fillRect(width - block, 0, block, block);
		g.dispose();
		return image;
	}

	private static int corner(BufferedImage image, String corner) {
		int inset = Math.min(image.getWidth(), image.getHeight()) / 20;
		int x = corner.endsWith("L") ? inset : image.getWidth() - 1 - inset;
		int y = corner.startsWith("T") ? inset : image.getHeight() - 1 - inset;
		return image.getRGB(x, y);
	}

	private static boolean isRed(int rgb) {
		List<Integer> c = channels(rgb);
		return c.get(0) > 200 && c.get(1) < 60 && c.get(2) < 60;
	}

	private static boolean isGreen(int rgb) {
		List<Integer> c = channels(rgb);
		return c.get(0) < 60 && c.get(1) > 200 && c.get(2) < 60;
	}

	private static void assertChannels(int rgb, int min, int max) {
		assertThat(channels(rgb)).as("rgb %06x", rgb & 0xFFFFFF).allMatch(c -> c >= min && c <= max);
	}

	private static List<Integer> channels(int rgb) {
		return List.of(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
	}

	/**
	 * A minimal TIFF structure as found in an Exif APP1: IFD0 with the orientation and, optionally, a GPS IFD
	 * holding a latitude and longitude.
	 */
	private static byte[] tiff(ByteOrder order, int orientation, boolean gps) {
		ByteBuffer b = ByteBuffer.allocate(200).order(order);
		b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
		b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
		b.putShort((short) 42).putInt(8);
		int ifd0Entries = gps ? 2 : 1;
		int gpsIfd = 8 + 2 + ifd0Entries * 12 + 4;
		b.putShort((short) ifd0Entries);
		b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		if (gps) {
			b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
		}
		b.putInt(0); // no IFD1
		if (gps) {
			int rationals = gpsIfd + 2 + 4 * 12 + 4;
			b.putShort((short) 4);
			b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
			b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(rationals);
			b.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
			b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(rationals + 24);
			b.putInt(0);
			// 28° 13' 30.12" N, 112° 56' 20.5" E
			ByteBuffer little = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
			little.putInt(28).putInt(1).putInt(13).putInt(1).putInt(3012).putInt(100);
			little.putInt(112).putInt(1).putInt(56).putInt(1).putInt(2050).putInt(100);
			// written little-endian whatever the order, so the test can look for the same bytes in the output
			b.put(little.array());
		}
		return Arrays.copyOf(b.array(), b.position());
	}

	/** Replaces the JFIF APP0 that ImageIO writes with an Exif APP1, the way phone cameras write JPEGs. */
	private static byte[] withExif(byte[] jpeg, byte[] tiff) {
		JpegStructure.Segment app0 = JpegStructure.segments(jpeg).get(0);
		assertThat(app0.marker()).isEqualTo(0xE0);
		byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff);
		ByteBuffer app1 = ByteBuffer.allocate(4 + payload.length);
		app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
		byte[] rest = Arrays.copyOfRange(jpeg, app0.start() + app0.length(), jpeg.length);
		return concat(new byte[] { (byte) 0xFF, (byte) 0xD8 }, concat(app1.array(), rest));
	}

	/** PNG signature, an IHDR claiming the given size (8-bit RGB), and IEND: no pixel data at all. */
	private static byte[] pngHeaderOnly(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] { 8, 2, 0, 0, 0 });
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		return concat(signature, concat(chunk("IHDR", ihdr.array()), chunk("IEND", new byte[0])));
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
				.putInt((int) crc.getValue()).array();
	}

	/** Markers of the segments before the image data. */
	private static List<Integer> markers(byte[] jpeg) {
		return JpegStructure.segments(jpeg).stream().map(JpegStructure.Segment::marker).toList();
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** A JPEG signature followed by zeros, generated on the fly, counting what was taken from it. */
	private static final class CountingStream extends InputStream {

		private final long size;

		long delivered;

		CountingStream(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			if (delivered >= size) {
				return -1;
			}
			return byteAt(delivered++);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (delivered >= size) {
				return -1;
			}
			int n = (int) Math.min(length, size - delivered);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = (byte) byteAt(delivered + i);
			}
			delivered += n;
			return n;
		}

		private static int byteAt(long position) {
			return position == 0 || position == 2 ? 0xFF : position == 1 ? 0xD8 : 0;
		}
	}
}
