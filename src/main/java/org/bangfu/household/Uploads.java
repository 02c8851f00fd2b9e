package org.bangfu.household;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recognising uploaded images by their first bytes, whatever their name says. */
final class Uploads {

	private Uploads() {
	}

	/** "jpg" or "png", or null when the file is neither. */
	static String imageType(Path file) throws IOException {
		byte[] head = new byte[8];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, 8);
		}
		if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
			return "jpg";
		}
		if (n == 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G' && head[4] == 0x0D
				&& head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
			return "png";
		}
		return null;
	}
}
