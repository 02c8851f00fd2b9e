package org.bangfu.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Reading a JPEG's structure byte by byte, without decoding it: its marker segments, the EXIF
 * orientation, and whether it ends (a truncated upload). {@link PhotoProcessing} asks before decoding.
 */
final class JpegStructure {

	private static final int EXIF_ORIENTATION_TAG = 0x0112;

	private JpegStructure() {
	}

	/**
	 * The Orientation tag (0x0112) of IFD0 in the JPEG's Exif APP1 segment, or 1 when absent or malformed.
	 * Parsed by hand because ImageIO does not interpret Exif; both TIFF byte orders (II, MM) occur.
	 */
	static int exifOrientation(byte[] jpeg) {
		for (Segment segment : segments(jpeg)) {
			if (segment.marker() != 0xE1 || segment.length() < 14
					|| !"Exif\0\0".equals(new String(jpeg, segment.start(), 6, StandardCharsets.ISO_8859_1))) {
				continue;
			}
			int tiff = segment.start() + 6;
			int end = segment.start() + segment.length();
			boolean little;
			if (jpeg[tiff] == 'I' && jpeg[tiff + 1] == 'I') {
				little = true;
			}
			else if (jpeg[tiff] == 'M' && jpeg[tiff + 1] == 'M') {
				little = false;
			}
			else {
				return 1;
			}
			if (read16(jpeg, tiff + 2, little) != 42) {
				return 1;
			}
			long ifd0 = tiff + read32(jpeg, tiff + 4, little);
			if (ifd0 < tiff + 8 || ifd0 + 2 > end) {
				return 1;
			}
			int entries = read16(jpeg, (int) ifd0, little);
			for (int i = 0; i < entries; i++) {
				int entry = (int) ifd0 + 2 + i * 12;
				if (entry + 12 > end) {
					return 1;
				}
				if (read16(jpeg, entry, little) == EXIF_ORIENTATION_TAG) {
					int fieldType = read16(jpeg, entry + 2, little);
					int value = fieldType == 3 ? read16(jpeg, entry + 8, little) : 1; // 3 = SHORT, stored inline
					return value >= 1 && value <= 8 ? value : 1;
				}
			}
			return 1;
		}
		return 1;
	}

	/**
	 * Whether the End Of Image marker follows the image data. Inside entropy-coded data 0xFF is always
	 * followed by 0x00 or a restart marker, so FF D9 after the first scan header can only be the real end;
	 * bytes some phones append after it (motion photos) do no harm.
	 */
	static boolean jpegHasEnd(byte[] jpeg) {
		List<Segment> segments = segments(jpeg);
		if (segments.isEmpty() || segments.get(segments.size() - 1).marker() != 0xDA) {
			return false;
		}
		Segment scan = segments.get(segments.size() - 1);
		for (int i = scan.start() + scan.length(); i + 1 < jpeg.length; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xD9) {
				return true;
			}
		}
		return false;
	}

	/** A JPEG marker segment: {@code start} is where its data begins, past the marker and length. */
	record Segment(int marker, int start, int length) {
	}

	/** The marker segments from after SOI up to and including the first scan header (SOS). */
	static List<Segment> segments(byte[] jpeg) {
		List<Segment> segments = new ArrayList<>();
		int i = 2;
		while (i + 1 < jpeg.length) {
			if ((jpeg[i] & 0xFF) != 0xFF) {
				i++; // stray bytes between segments: skipped up to the next marker, as libjpeg does
				continue;
			}
			int marker = jpeg[i + 1] & 0xFF;
			if (marker == 0xFF) {
				i++; // fill byte
				continue;
			}
			if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
				i += 2; // markers without a length
				continue;
			}
			if (marker == 0xD9 || i + 4 > jpeg.length) {
				break;
			}
			int length = read16(jpeg, i + 2, false);
			if (length < 2 || i + 2 + length > jpeg.length) {
				break;
			}
			segments.add(new Segment(marker, i + 4, length - 2));
			if (marker == 0xDA) {
				break;
			}
			i += 2 + length;
		}
		return segments;
	}

	private static int read16(byte[] b, int at, boolean little) {
		int first = b[at] & 0xFF;
		int second = b[at + 1] & 0xFF;
		return little ? first | second << 8 : first << 8 | second;
	}

	private static long read32(byte[] b, int at, boolean little) {
		long high = read16(b, little ? at + 2 : at, little);
		long low = read16(b, little ? at : at + 2, little);
		return high << 16 | low;
	}
}
